// Posture's inputs from the Secrets area (issue 12): plain credentials in cluster and job configuration (check 3) and each
// secret scope's ACL (check 4).
// Until that area lands each throws "area not built", so its check says "not collected", never "pass". Wiring the
// area is this one file: return its findings in the shape the check module declares.
import 'server-only';
import type { SecretsInConfigInput } from '@/lib/posture/checks/secrets-in-config';
import type { SecretScopeAclsInput } from '@/lib/posture/checks/secret-scope-acls';
import { areaNotBuilt, type CheckContext } from '@/lib/posture/checks/define';

/** Seam for the Secrets area (issue 12): its plain-credential findings over clusters and jobs. */
export async function secretsInConfigInput(_ctx: CheckContext): Promise<SecretsInConfigInput> {
  return areaNotBuilt('Secrets');
}

/** Seam for the Secrets area (issue 12): each scope's ACL as summarised above. */
export async function secretScopeAclsInput(_ctx: CheckContext): Promise<SecretScopeAclsInput> {
  return areaNotBuilt('Secrets');
}
