import type { AuditPageState, AuditQuery } from '@/lib/audit/contract';

/** What every audit panel gets from the page: the view to load, and ways to act on the URL. */
export interface PanelProps {
  view: AuditQuery;
  /** Any filter beyond the time range is set (empty results then say "matches the filters"). */
  filtered: boolean;
  onOpen: (eventKey: string) => void;
  onChange: (patch: Partial<AuditPageState>) => void;
}
