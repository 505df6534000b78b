// Databricks' refusals on the secrets routes, in words a person can act on (the route layer keeps their status).
import 'server-only';
import type { UpstreamMessages } from '@/lib/api/errors';

const MANAGE = 'needs MANAGE on the scope (or workspace admin rights in Databricks)';

export const SECRETS_MESSAGES = {
  list: { PERMISSION_DENIED: 'Databricks refused to list secret scopes for this identity.' },
  createScope: {
    RESOURCE_ALREADY_EXISTS: 'A scope with this name already exists (Databricks compares scope names without regard to case).',
    RESOURCE_LIMIT_EXCEEDED: 'The workspace already has as many scopes as Databricks allows (1,000).',
    QUOTA_EXCEEDED: 'The workspace already has as many scopes as Databricks allows (1,000).',
    CUSTOMER_UNAUTHORIZED: 'Databricks keeps this scope name for its own use; choose another.',
    PERMISSION_DENIED: 'Databricks did not allow this identity to create secret scopes.',
  },
  deleteScope: { PERMISSION_DENIED: `Deleting a scope ${MANAGE}.` },
  writeSecret: {
    PERMISSION_DENIED: 'Writing or deleting secrets needs WRITE or MANAGE on the scope (or workspace admin rights in Databricks).',
    RESOURCE_LIMIT_EXCEEDED: 'This scope already holds as many secrets as Databricks allows (1,000).',
  },
  acl: { PERMISSION_DENIED: `Changing who may use a scope ${MANAGE}.` },
  plain: { PERMISSION_DENIED: 'Databricks refused to list clusters or jobs for this identity.' },
  principals: { PERMISSION_DENIED: 'Databricks refused to read the workspace directory for this identity.' },
} satisfies Record<string, UpstreamMessages>;
