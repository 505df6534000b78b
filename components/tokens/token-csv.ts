// The CSV of the tokens shown (after the server's filters and sort): one column per fact, so it loads into a
// spreadsheet or a script without unpicking the two-line cells of the table. Cells are quoted by lib/csv, which also
// defuses comments that look like spreadsheet formulas.
import { toCsv } from '@/lib/csv';
import { isoDay } from '@/lib/tokens/rules/risk';
import type { TokenRow } from '@/lib/tokens/rules/types';

// Each owner column holds one kind of value: what people call the owner, a person's user name (their e-mail), a
// service principal's application id, the SCIM id.
const HEADER = [
  'token_id',
  'risk',
  'reasons',
  'owner_display_name',
  'owner_user_name',
  'owner_application_id',
  'owner_scim_id',
  'owner_type',
  'owner_status',
  'comment',
  'created',
  'created_by',
  'expires',
  'days_left',
  'last_used',
];

const day = (ms: number | null) => (ms === null ? '' : isoDay(ms));

export function tokensToCsv(rows: readonly TokenRow[]): string {
  return toCsv(
    HEADER,
    rows.map((r) => [
      r.tokenId,
      r.risk,
      r.reasons.map((x) => x.text).join('; '),
      r.owner.displayName ?? '',
      r.owner.kind === 'user' ? (r.owner.name ?? '') : '',
      r.owner.kind === 'service_principal' ? (r.owner.name ?? '') : '',
      r.owner.id ?? '',
      r.owner.kind,
      r.owner.status,
      r.comment,
      day(r.creationTime),
      r.createdBy ?? '',
      r.expiryTime === null ? 'never' : day(r.expiryTime),
      r.daysLeft,
      day(r.lastUsedDay),
    ]),
  );
}
