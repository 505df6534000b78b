'use client';
// Filters shared by every panel: category, outcome, service, action, actor and source IP. They are applied
// together on submit and validated with the page's own schema first, so a typo gets its message here rather
// than a silently ignored URL.
import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { AUDIT_CATEGORY_IDS, AUDIT_CATEGORY_LABELS } from '@/lib/audit/rules/categories';
import { auditQuerySchema, FILTER_KEYS, type AuditFilters, type AuditPageState } from '@/lib/audit/contract';

type Draft = Record<(typeof FILTER_KEYS)[number], string>;

const inputClass = 'h-8 w-full rounded-md border border-border-strong bg-surface px-2 text-sm';
const toDraft = (s: AuditFilters): Draft => ({
  service: s.service ?? '',
  action: s.action ?? '',
  actor: s.actor ?? '',
  ip: s.ip ?? '',
  outcome: s.outcome ?? '',
  category: s.category ?? '',
});
const cleared: Partial<AuditPageState> = Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]));

function Field({ label, error, children, id }: { label: string; error?: string; children: ReactNode; id: string }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-muted">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function AuditFilterBar({ state, onApply }: { state: AuditPageState; onApply: (patch: Partial<AuditPageState>) => void }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(state));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const id = useId();
  const active = FILTER_KEYS.filter((k) => state[k] !== undefined).length;

  const text = (key: keyof Draft, label: string, placeholder: string) => (
    <Field label={label} id={`${id}-${key}`} error={errors[key]}>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        placeholder={placeholder}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${id}-${key}-error` : undefined}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        className={inputClass}
      />
    </Field>
  );

  const submit = () => {
    const parsed = auditQuerySchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    onApply({ ...cleared, ...Object.fromEntries(FILTER_KEYS.map((k) => [k, parsed.data[k]])), event: undefined });
  };

  return (
    <form
      aria-label="Audit filters"
      className="grid gap-3 rounded-lg border border-border bg-surface p-3 shadow-card sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label="Category" id={`${id}-category`}>
        <select
          id={`${id}-category`}
          value={draft.category}
          onChange={(e) => setDraft({ ...draft, category: e.target.value })}
          className={inputClass}
        >
          <option value="">All categories</option>
          {AUDIT_CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {AUDIT_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Outcome" id={`${id}-outcome`}>
        <select
          id={`${id}-outcome`}
          value={draft.outcome}
          onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
          className={inputClass}
        >
          <option value="">Any outcome</option>
          <option value="failure">Failures only</option>
          <option value="success">Successes only</option>
        </select>
      </Field>
      {text('actor', 'Actor', 'name or email contains…')}
      {text('ip', 'Source IP', '203.0.113.7')}
      {text('service', 'Service', 'accounts')}
      {text('action', 'Action', 'tokenLogin')}
      <div className="col-span-full flex items-end justify-end gap-2 xl:col-span-1">
        <Button type="submit" variant="primary" size="sm">
          Apply filters
        </Button>
        {active > 0 ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setDraft(toDraft({}));
              setErrors({});
              onApply({ ...cleared, event: undefined });
            }}
          >
            Clear {active}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
