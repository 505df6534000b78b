'use client';
// Filters shared by every panel: category, outcome, service, action, actor and source IP. They are applied
// together on submit and validated with the page's own schema first, so a typo gets its message here rather
// than a silently ignored URL.
import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { AUDIT_CATEGORY_IDS, AUDIT_CATEGORY_LABELS } from '@/lib/audit/rules/categories';
import { auditQuerySchema, FILTER_KEYS, type AuditFilters, type AuditPageState, type UrlIssue } from '@/lib/audit/contract';

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

function issuesOf(draft: Draft): Partial<Record<keyof Draft, string>> {
  const parsed = auditQuerySchema.safeParse(draft);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), inWords(String(i.path[0]) as keyof Draft, i.message)]));
}

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

const LABELS: Record<keyof Draft, string> = {
  service: 'Service',
  action: 'Action',
  actor: 'Actor',
  ip: 'Source IP',
  outcome: 'Outcome',
  category: 'Category',
};
/** The contract's message names the parameter ("ip must be …"); beside the field it names the field ("Source IP must be …"). */
const inWords = (key: keyof Draft, message: string) => message.replace(new RegExp(`^${key}\\b`), LABELS[key]);

export function AuditFilterBar({
  state,
  onApply,
  urlIssues = {},
}: {
  state: AuditPageState;
  onApply: (patch: Partial<AuditPageState>) => void;
  /** Filter values the URL held but could not use: shown in their fields with what is wrong, not silently dropped. */
  urlIssues?: Partial<Record<keyof Draft, UrlIssue>>;
}) {
  const [draft, setDraft] = useState<Draft>(() => ({
    ...toDraft(state),
    ...Object.fromEntries(Object.entries(urlIssues).map(([k, issue]) => [k, issue.value])),
  }));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>(() =>
    Object.fromEntries(Object.entries(urlIssues).map(([k, issue]) => [k, inWords(k as keyof Draft, issue.message)])),
  );
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
        onChange={(e) => {
          const next = { ...draft, [key]: e.target.value };
          setDraft(next);
          // A message goes as soon as its field is right again.
          if (errors[key] && !issuesOf(next)[key]) setErrors(({ [key]: _fixed, ...rest }) => rest);
        }}
        className={`${inputClass} ${errors[key] ? 'border-danger' : ''}`}
      />
    </Field>
  );

  const submit = () => {
    const parsed = auditQuerySchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(issuesOf(draft));
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
      {text('actor', 'Actor', 'e-mail or app id')}
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
