// The checklist, in order. Adding a check: a module here (meta, input, judge), its id in rules/types.ts CHECK_IDS.
import 'server-only';
import type { CheckDefinition } from './define';
import { auditLogsCheck } from './audit-logs';
import { clusterPoliciesCheck } from './cluster-policies';
import { codeCredentialsCheck } from './code-credentials';
import { ipAccessListsCheck } from './ip-access-lists';
import { jobsRunAsCheck } from './jobs-run-as';
import { piiMaskingCheck } from './pii-masking';
import { secretScopeAclsCheck } from './secret-scope-acls';
import { secretsInConfigCheck } from './secrets-in-config';
import { spPrivilegesCheck } from './sp-privileges';
import { tokenCreationCheck } from './token-creation';
import { tokenLifetimeCheck } from './token-lifetime';
import { ucLeastPrivilegeCheck } from './uc-least-privilege';
import { weeklyReviewCheck } from './weekly-review';

export const CHECKS: readonly CheckDefinition[] = [
  tokenLifetimeCheck,
  tokenCreationCheck,
  secretsInConfigCheck,
  secretScopeAclsCheck,
  ucLeastPrivilegeCheck,
  piiMaskingCheck,
  jobsRunAsCheck,
  ipAccessListsCheck,
  clusterPoliciesCheck,
  spPrivilegesCheck,
  weeklyReviewCheck,
  auditLogsCheck,
  codeCredentialsCheck,
];
