// Workspace configuration, IP access lists and the token permissions of the seeded workspace.
import type { AclEntry } from '../store/acl-store';
import { DAY_MS, type Rng } from './random';

export const SEED_CONF: Record<string, string> = {
  enableTokensConfig: 'true',
  maxTokenLifetimeDays: '90',
  enableIpAccessLists: 'true',
  enableVerboseAuditLogs: 'false',
  enableResultsDownloading: 'true',
  enableExportNotebook: 'true',
  enableNotebookTableClipboard: 'true',
  enableUploadDataUis: 'true',
  enableDbfsFileBrowser: 'true',
  enableFileStoreEndpoint: 'false',
  enableWebTerminal: 'true',
  enableJobViewAcls: 'true',
  enforceClusterViewAcls: 'false',
  enforceWorkspaceViewAcls: 'true',
  enforceUserIsolation: 'false',
  enableDcs: 'false',
  enableProjectTypeInWorkspace: 'true',
  enableWorkspaceFilesystem: 'true',
  enableDeprecatedGlobalInitScripts: 'false',
  'enable-X-Frame-Options': 'true',
  'enable-X-Content-Type-Options': 'true',
  'enable-X-XSS-Protection': 'true',
};

export interface IpListSeed {
  listId: string;
  label: string;
  listType: 'ALLOW' | 'BLOCK';
  addresses: string[];
  enabled: boolean;
  createdAt: number;
  /** Last change; = createdAt for lists never edited. Disabled lists were switched off after they were made. */
  updatedAt: number;
}

/** Lists made by the admin (who joined at `adminJoined`); some edited since, every disabled one switched off later. */
export function seedIpLists(rng: Rng, now: number, adminJoined: number): IpListSeed[] {
  const lists: Array<Omit<IpListSeed, 'listId' | 'createdAt' | 'updatedAt'>> = [
    { label: 'Corporate VPN', listType: 'ALLOW', addresses: ['10.20.0.0/16', '172.16.8.0/22'], enabled: true },
    { label: 'London office', listType: 'ALLOW', addresses: ['203.0.113.0/25', '203.0.113.200'], enabled: true },
    { label: 'Fivetran egress', listType: 'ALLOW', addresses: ['198.51.100.16/29', '198.51.100.40'], enabled: true },
    { label: 'Legacy contractor VPN', listType: 'ALLOW', addresses: ['192.0.2.0/24'], enabled: false },
    { label: 'Blocked – threat intel', listType: 'BLOCK', addresses: ['185.220.101.0/24', '45.155.205.99'], enabled: true },
    { label: 'Blocked – old partner range', listType: 'BLOCK', addresses: ['100.64.12.0/24'], enabled: false },
  ];
  return lists.map((l) => {
    const createdAt = Math.max(now - rng.int(30, 700) * DAY_MS, adminJoined + DAY_MS) + rng.int(1, 10) * 3_600_000;
    const edited = !l.enabled || rng.chance(0.5);
    const updatedAt = edited ? createdAt + rng.next() * (now - 3_600_000 - createdAt) : createdAt;
    return { ...l, listId: rng.uuid(), createdAt, updatedAt: Math.round(updatedAt) };
  });
}

/** Office addresses the seeded history uses for normal work, and a few sources of failed-login bursts. */
export const SEED_IPS = {
  office: ['10.20.4.17', '10.20.9.113', '10.20.31.5', '172.16.9.44', '203.0.113.24', '203.0.113.77', '203.0.113.200', '198.51.100.19'],
  attackers: ['185.220.101.34', '45.155.205.99', '103.251.167.20', '91.240.118.172'],
};

/** Who may create and use PATs: the users group (so every person can — a finding), plus one team and one SP. */
export function seedTokenAcl(etlSp: string): AclEntry[] {
  return [
    { principalKind: 'group', principalName: 'users', permissionLevel: 'CAN_USE' },
    { principalKind: 'group', principalName: 'data-engineering', permissionLevel: 'CAN_USE' },
    { principalKind: 'service_principal', principalName: etlSp, permissionLevel: 'CAN_USE' },
  ];
}
