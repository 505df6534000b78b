'use client';
// Masking a column (the admin picks the group that keeps seeing raw values), removing a mask, and setting or dropping a
// table's row filter — each reviewed as the exact statements before it runs.
import { useId, useState } from 'react';
import type { ColumnView } from '@/lib/data-protection/contract';
import { KIND_LABELS } from '@/lib/data-protection/rules/detect';
import { ChangeDialog, type ChangeRequest } from './change-dialog';

export type ProtectionAction =
  | { kind: 'mask'; column: ColumnView }
  | { kind: 'unmask'; column: ColumnView }
  | { kind: 'filter'; table: string }
  | { kind: 'unfilter'; table: string; function: string };

const input = 'h-9 w-full rounded-md border border-border-strong bg-surface px-2.5 text-sm leading-6';

function MaskDialog({ column, groups, onClose }: { column: ColumnView; groups: string[]; onClose: () => void }) {
  const id = useId();
  const [group, setGroup] = useState('');
  const request: ChangeRequest = {
    title: `Mask ${column.table}.${column.column}`,
    description: `A ${KIND_LABELS[column.kind]} (${column.dataType}). Members of the group you choose keep seeing raw values; everyone else sees a masked value.`,
    endpoint: '/api/data-protection/masks',
    method: 'POST',
    body: group ? { table: column.table, column: column.column, allowedGroup: group } : null,
    confirmLabel: 'Apply mask',
    done: `Masked ${column.table}.${column.column}`,
  };
  return (
    <ChangeDialog request={request} onClose={onClose}>
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium">
          Group allowed to see raw values
        </label>
        <select id={id} value={group} onChange={(e) => setGroup(e.target.value)} className={input}>
          <option value="">Choose a group…</option>
          {groups
            .filter((g) => g !== 'users' && g !== 'account users')
            .map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
        </select>
      </div>
    </ChangeDialog>
  );
}

function FilterDialog({ table, filterFunctions, onClose }: { table: string; filterFunctions: string[]; onClose: () => void }) {
  const ids = { fn: useId(), list: useId(), cols: useId() };
  const [fn, setFn] = useState(filterFunctions[0] ?? '');
  const [cols, setCols] = useState('');
  const columns = cols
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const valid = /^[^.\s`]+\.[^.\s`]+\.[^.\s`]+$/.test(fn.trim());
  const request: ChangeRequest = {
    title: `Row filter on ${table}`,
    description: 'The function decides, row by row, who sees it (FALSE or NULL hides the row). The columns are passed to it in order.',
    endpoint: '/api/data-protection/row-filters',
    method: 'POST',
    body: valid ? { table, function: fn.trim(), columns } : null,
    confirmLabel: 'Set row filter',
    done: `Row filter set on ${table}`,
  };
  return (
    <ChangeDialog request={request} onClose={onClose}>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={ids.fn} className="block text-sm font-medium">
            Filter function (catalog.schema.name)
          </label>
          <input
            id={ids.fn}
            list={ids.list}
            value={fn}
            onChange={(e) => setFn(e.target.value)}
            className={`${input} font-mono`}
            spellCheck={false}
          />
          <datalist id={ids.list}>
            {filterFunctions.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.cols} className="block text-sm font-medium">
            Columns passed to it (comma-separated)
          </label>
          <input
            id={ids.cols}
            value={cols}
            onChange={(e) => setCols(e.target.value)}
            placeholder="region"
            className={`${input} font-mono`}
            spellCheck={false}
          />
        </div>
      </div>
    </ChangeDialog>
  );
}

export function ProtectionDialogs({
  action,
  groups,
  filterFunctions,
  onClose,
}: {
  action: ProtectionAction | null;
  groups: string[];
  filterFunctions: string[];
  onClose: () => void;
}) {
  if (!action) return null;
  if (action.kind === 'mask')
    return <MaskDialog key={`${action.column.table}.${action.column.column}`} column={action.column} groups={groups} onClose={onClose} />;
  if (action.kind === 'filter')
    return <FilterDialog key={action.table} table={action.table} filterFunctions={filterFunctions} onClose={onClose} />;
  const request: ChangeRequest =
    action.kind === 'unmask'
      ? {
          title: `Remove the mask on ${action.column.table}.${action.column.column}?`,
          description: `Everyone who can read the table will see raw values again (mask ${action.column.maskFunction}).`,
          endpoint: '/api/data-protection/masks',
          method: 'DELETE',
          body: { table: action.column.table, column: action.column.column },
          confirmLabel: 'Remove mask',
          danger: true,
          done: `Mask removed from ${action.column.table}.${action.column.column}`,
        }
      : {
          title: `Remove the row filter on ${action.table}?`,
          description: `Everyone who can read the table will see every row again (filter ${action.function}).`,
          endpoint: '/api/data-protection/row-filters',
          method: 'DELETE',
          body: { table: action.table },
          confirmLabel: 'Remove row filter',
          danger: true,
          done: `Row filter removed from ${action.table}`,
        };
  return <ChangeDialog request={request} onClose={onClose} />;
}
