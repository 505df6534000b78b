// A small directory and grant list shared by the grant rules' unit tests.
import { buildPrincipalIndex } from '@/lib/principals/rules';
import type { DirectGrant } from './effective';
import type { SecurableType } from './privileges';

export const index = buildPrincipalIndex({
  users: [
    { id: 'u1', name: 'ann@hp.com', displayName: 'Ann Lee', active: true, kind: 'user' },
    { id: 'u2', name: 'bo@hp.com', displayName: 'Bo Li', active: true, kind: 'user' },
    { id: 'u3', name: 'root@hp.com', displayName: 'Admin', active: true, kind: 'user' },
    { id: 's1', name: 'app-powerbi', displayName: 'powerbi-gateway', active: true, kind: 'service_principal' },
    { id: 's2', name: 'app-airflow', displayName: 'legacy-airflow', active: false, kind: 'service_principal' },
    { id: 's3', name: 'app-dbt', displayName: 'dbt-cloud-prod', active: true, kind: 'service_principal' },
  ],
  groups: [
    { id: 'g1', displayName: 'analysts', memberIds: ['u1', 'u2'] },
    { id: 'g2', displayName: 'engineers', memberIds: ['s2', 's3'] },
    { id: 'g3', displayName: 'admins', memberIds: ['u3'] },
  ],
});

const typeOf = (name: string): SecurableType => (['CATALOG', 'SCHEMA', 'TABLE'] as const)[name.split('.').length - 1]!;

export const grant = (principal: string, securable: string, privilege: string, type: SecurableType = typeOf(securable)): DirectGrant => ({
  principal,
  securable,
  type,
  privilege,
});
