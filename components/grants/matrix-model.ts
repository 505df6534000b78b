// The grant matrix as the grid draws it: securables as a tree of rows (catalog → schema → object), principals as
// columns, and in each cell what that principal holds there — granted on it, inherited from above, owned, or (in the
// summary) granted on objects inside. Pure, so the tree, the cells and the CSV are unit-tested.
import { csvLine } from '@/lib/csv';
import type { GrantRow, MatrixResponse, SecurableRow } from '@/lib/grants/contract';
import type { PrincipalRef } from '@/lib/principals/contract';

export interface Cell {
  direct: string[];
  inherited: Array<{ privilege: string; from: string }>;
  owner: boolean;
  /** Summary view: privileges granted on objects inside this schema, and on how many. */
  inside: Array<{ privilege: string; objects: number }>;
}

export interface MatrixRow {
  securable: SecurableRow;
  depth: number;
  /** Has rows under it (shown or to be fetched). */
  expandable: boolean;
  expanded: boolean;
  /** Its objects are being fetched. */
  loading: boolean;
}

export interface MatrixModel {
  principals: PrincipalRef[];
  rows: MatrixRow[];
  cell(securable: string, principal: string): Cell | undefined;
}

const KIND_ORDER: Record<PrincipalRef['kind'], number> = { group: 0, service_principal: 1, user: 2, unknown: 3 };
const key = (securable: string, principal: string) => `${securable.toLowerCase()}|${principal.toLowerCase()}`;

function addGrant(cells: Map<string, Cell>, g: GrantRow) {
  const k = key(g.securable, g.principal);
  const cell = cells.get(k) ?? { direct: [], inherited: [], owner: false, inside: [] };
  if (g.inheritedFrom === null) {
    if (!cell.direct.includes(g.privilege)) cell.direct.push(g.privilege);
  } else if (!cell.inherited.some((i) => i.privilege === g.privilege && i.from === g.inheritedFrom)) {
    cell.inherited.push({ privilege: g.privilege, from: g.inheritedFrom });
  }
  cells.set(k, cell);
}

/**
 * `base` is the view asked for; `details` are schemas expanded in the summary (their catalog view). `collapsed` holds
 * catalogs and schemas folded away; `expanded` the summary's schemas opened (fetched or being fetched); `search`
 * keeps rows whose full name contains it (with their ancestors, so the tree still reads).
 */
export function buildMatrix(
  base: MatrixResponse,
  details: ReadonlyMap<string, MatrixResponse | 'loading'>,
  collapsed: ReadonlySet<string>,
  expanded: ReadonlySet<string>,
  search = '',
): MatrixModel {
  const cells = new Map<string, Cell>();
  const principals = new Map<string, PrincipalRef>();
  const securables = new Map<string, SecurableRow>();
  const take = (r: MatrixResponse) => {
    for (const p of r.principals) principals.set(p.name.toLowerCase(), p);
    for (const s of r.securables) if (!securables.has(s.fullName.toLowerCase())) securables.set(s.fullName.toLowerCase(), s);
    for (const g of r.grants) addGrant(cells, g);
  };
  take(base);
  for (const d of details.values()) if (d !== 'loading') take(d);
  for (const g of base.childGrants) {
    const k = key(g.securable, g.principal);
    const cell = cells.get(k) ?? { direct: [], inherited: [], owner: false, inside: [] };
    cell.inside.push({ privilege: g.privilege, objects: g.objects });
    cells.set(k, cell);
  }
  for (const s of securables.values()) {
    if (!s.owner) continue;
    const k = key(s.fullName, s.owner);
    const cell = cells.get(k) ?? { direct: [], inherited: [], owner: false, inside: [] };
    cell.owner = true;
    cells.set(k, cell);
  }

  const children = new Map<string, SecurableRow[]>();
  const roots: SecurableRow[] = [];
  for (const s of securables.values()) {
    const parent = s.parent?.toLowerCase();
    if (parent && securables.has(parent)) children.set(parent, [...(children.get(parent) ?? []), s]);
    else roots.push(s);
  }
  const byName = (a: SecurableRow, b: SecurableRow) => a.fullName.localeCompare(b.fullName);
  const needle = search.trim().toLowerCase();
  const matches = (s: SecurableRow): boolean =>
    !needle || s.fullName.toLowerCase().includes(needle) || (children.get(s.fullName.toLowerCase()) ?? []).some(matches);

  const rows: MatrixRow[] = [];
  const walk = (s: SecurableRow, depth: number) => {
    if (!matches(s)) return;
    const name = s.fullName.toLowerCase();
    const kids = (children.get(name) ?? []).sort(byName);
    const fetchable = base.view === 'summary' && s.type === 'SCHEMA' && (s.objects ?? 0) > 0;
    const detail = details.get(name);
    const open = fetchable ? expanded.has(name) : !collapsed.has(name);
    rows.push({
      securable: s,
      depth,
      expandable: kids.length > 0 || fetchable,
      expanded: (kids.length > 0 || fetchable) && (open || (needle !== '' && kids.length > 0)),
      loading: fetchable && open && detail === 'loading',
    });
    if (rows.at(-1)!.expanded) for (const k of kids) walk(k, depth + 1);
  };
  for (const r of roots.sort(byName)) walk(r, 0);

  return {
    principals: [...principals.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name)),
    rows,
    cell: (securable, principal) => cells.get(key(securable, principal)),
  };
}

/** A cell in words, for CSV and for screen readers. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  return [
    ...(cell.owner ? ['OWNER'] : []),
    ...cell.direct,
    ...cell.inherited.map((i) => `${i.privilege} (from ${i.from})`),
    ...cell.inside.map((i) => `${i.privilege} on ${i.objects} inside`),
  ].join('; ');
}

/** What the grid shows, as CSV: one line per securable row, one column per principal. */
export function matrixCsv(model: MatrixModel): string {
  const header = ['securable', 'type', 'owner', ...model.principals.map((p) => p.name)];
  const lines = [csvLine(header)];
  for (const r of model.rows) {
    lines.push(
      csvLine([
        r.securable.fullName,
        r.securable.type,
        r.securable.owner ?? '',
        ...model.principals.map((p) => cellText(model.cell(r.securable.fullName, p.name))),
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
