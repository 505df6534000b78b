// Caps shared by the audit queries and the page that states them. Client-safe.

/** Explorer page size (keyset). */
export const PAGE_SIZE = 100;
/** Newest events shown per feed panel; the explorer has the rest. */
export const FEED_LIMIT = 100;
/** An export never silently stops short: the cap is stated on the button and in the file. */
export const EXPORT_CAP = 50_000;
