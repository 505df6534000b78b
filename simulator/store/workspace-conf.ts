// workspace-conf keys the simulator knows (§4.2 of the API reference), their defaults and allowed values.
// Values are always strings, as on Databricks.
import type { SimDb } from '../core/db';

type Validator = (v: string) => boolean;
const bool: Validator = (v) => v === 'true' || v === 'false';
const anyString: Validator = () => true;
// maxTokenLifetimeDays: 1–730 on current workspaces; '0' (old docs: no limit) and '' (unset) are accepted too.
const lifetimeDays: Validator = (v) => v === '' || (/^\d+$/.test(v) && Number(v) <= 730);

const BOOLEAN_KEYS = [
  'enableTokensConfig',
  'enableIpAccessLists',
  'enableVerboseAuditLogs',
  'enableResultsDownloading',
  'enableExportNotebook',
  'enableNotebookTableClipboard',
  'enableUploadDataUis',
  'enableDbfsFileBrowser',
  'enableFileStoreEndpoint',
  'enableWebTerminal',
  'enableJobViewAcls',
  'enforceClusterViewAcls',
  'enforceWorkspaceViewAcls',
  'enforceUserIsolation',
  'enableDcs',
  'enableEnforceImdsV2',
  'enableGp3',
  'enableProjectTypeInWorkspace',
  'enableWorkspaceFilesystem',
  'enableProjectsAllowList',
  'storeInteractiveNotebookResultsInCustomerAccount',
  'enableDeprecatedGlobalInitScripts',
  'enableDeprecatedClusterNamedInitScripts',
  'enableLibraryAndInitScriptOnSharedCluster',
  'enable-X-Frame-Options',
  'enable-X-Content-Type-Options',
  'enable-X-XSS-Protection',
  'enableHlsRuntime',
  'enableJobsEmailsV2',
  'intercomAdminConsent',
  'heapAnalyticsAdminConsent',
  'enableNotebookGitVersioning',
  'enableDatabricksAutologgingAdminConf',
  'mlflowModelServingEndpointCreationEnabled',
  'mlflowModelRegistryEmailNotificationsEnabled',
  'mlflowRunArtifactDownloadEnabled',
  'jobsListBackendPaginationEnabled',
];

export const CONF_VALIDATORS: Record<string, Validator> = {
  ...Object.fromEntries(BOOLEAN_KEYS.map((k) => [k, bool])),
  maxTokenLifetimeDays: lifetimeDays,
  projectsAllowList: anyString,
  rStudioUserDefaultHomeBase: anyString,
};

export class WorkspaceConfStore {
  private values = new Map<string, string>();

  private constructor(private readonly db: SimDb) {}

  static async load(db: SimDb): Promise<WorkspaceConfStore> {
    const store = new WorkspaceConfStore(db);
    for (const r of await db.all<{ key: string; value: string }>('SELECT key, value FROM ws.workspace_conf'))
      store.values.set(r.key, r.value);
    return store;
  }

  /** Unset keys read as null, as the real endpoint returns them. */
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  /** One write at a time (concurrent PATCHes otherwise conflict in DuckDB), memory updated in the same section so
   *  that the last write stored is also the one answered. */
  async set(entries: Record<string, string>): Promise<void> {
    await this.db.exclusive(async () => {
      await this.db.transaction(async (c) => {
        for (const [k, v] of Object.entries(entries)) {
          await c.run('DELETE FROM ws.workspace_conf WHERE key = ?', [k]);
          await c.run('INSERT INTO ws.workspace_conf VALUES (?, ?)', [k, v]);
        }
      });
      for (const [k, v] of Object.entries(entries)) this.values.set(k, v);
    });
  }

  /** PATs are allowed unless enableTokensConfig is explicitly "false". */
  tokensEnabled(): boolean {
    return this.get('enableTokensConfig') !== 'false';
  }

  /** The cap for new tokens in days, or null when there is none ('0' or unset on older workspaces means no limit). */
  maxTokenLifetimeDays(): number | null {
    const v = Number(this.get('maxTokenLifetimeDays') ?? '');
    return Number.isFinite(v) && v > 0 ? v : null;
  }
}
