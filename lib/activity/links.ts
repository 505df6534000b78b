// Links into the Activity page, on their own so a page that only links there (audit's "via Brickwatch") does not ship
// the activity contract's schemas. lib/activity/contract.ts re-exports them.

/** The Activity page's link to one entry. */
export const activityEntryHref = (entrySeq: number) => `/activity?entry=${entrySeq}`;
