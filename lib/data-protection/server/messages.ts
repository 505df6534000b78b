// What a person can do when Databricks refuses a data-protection read or change, per error code.
import 'server-only';

export const PROTECTION_READ_MESSAGES = {
  PERMISSION_DENIED: 'Reading masks, filters and grants needs a metastore admin, or ownership of the tables concerned.',
  INSUFFICIENT_PERMISSIONS: 'Reading masks, filters and grants needs a metastore admin, or ownership of the tables concerned.',
  TABLE_OR_VIEW_NOT_FOUND: 'system.information_schema is not available: this workspace needs a Unity Catalog metastore.',
};

export const PROTECTION_CHANGE_MESSAGES = {
  PERMISSION_DENIED:
    'Masking or filtering a table needs its owner or MANAGE on it, EXECUTE on the function, and CREATE FUNCTION on the masking schema for a new function.',
  INSUFFICIENT_PERMISSIONS:
    'Masking or filtering a table needs its owner or MANAGE on it, EXECUTE on the function, and CREATE FUNCTION on the masking schema for a new function.',
};
