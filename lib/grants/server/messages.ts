// What a person can do when Databricks refuses a grants read, per error code (routes' upstreamMessages).
import 'server-only';

const READ = 'Reading Unity Catalog grants needs a metastore admin, or ownership of (or MANAGE on) the objects concerned.';

export const GRANTS_UPSTREAM_MESSAGES = {
  PERMISSION_DENIED: READ,
  INSUFFICIENT_PERMISSIONS: READ,
  TABLE_OR_VIEW_NOT_FOUND: 'system.information_schema is not available: this workspace needs a Unity Catalog metastore.',
};

export const APPLY_UPSTREAM_MESSAGES = {
  PERMISSION_DENIED: 'Changing this grant needs a metastore admin, the owner, or MANAGE on it (with USE CATALOG and USE SCHEMA).',
  INSUFFICIENT_PERMISSIONS: 'Changing this grant needs a metastore admin, the owner, or MANAGE on it (with USE CATALOG and USE SCHEMA).',
};
