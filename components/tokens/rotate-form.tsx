'use client';
// The rotation's choices: the new lifetime (policy default, 90 days unless overridden) and where the new value goes.
// Each field says what is wrong beside it, in words, and the message goes as soon as the field is right again.
import type * as z from 'zod/mini';
import { useId, useState } from 'react';
import { ScopeDatalist, scopeWarning, useScopeChoices } from '@/components/secrets/scope-choices';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { InlineStatus } from '@/components/ui/inline-status';
import { ApiClientError, apiFetch } from '@/lib/query/fetch';
import { dayCount, rotateBody, rotateResponseSchema } from '@/lib/tokens/contract';
import type { LifetimeLimits } from '@/lib/tokens/rules/rotation-rules';
import type { TokenRow } from '@/lib/tokens/rules/types';

export type RotateResult = z.output<typeof rotateResponseSchema>;
type Field = 'lifetimeDays' | 'scope' | 'key';
type Errors = Partial<Record<Field, string>>;

const field = 'h-9 rounded-md border bg-surface px-3 text-sm';
const fieldBorder = (error: string | undefined) => (error ? 'border-danger' : 'border-border-strong');

/** The field an issue of the request body is about (`delivery.scope` → scope). */
function fieldOf(path: readonly PropertyKey[] | string): Field | null {
  const last = typeof path === 'string' ? path.split('.').at(-1) : path.at(-1);
  return last === 'lifetimeDays' || last === 'scope' || last === 'key' ? last : null;
}

interface Values {
  days: string;
  override: boolean;
  delivery: 'secret' | 'reveal';
  scope: string;
  key: string;
}

function check(values: Values, limits: LifetimeLimits) {
  const body = {
    lifetimeDays: values.days.trim() === '' ? Number.NaN : Number(values.days),
    ...(values.override ? { override: true } : {}),
    delivery:
      values.delivery === 'secret' ? { kind: 'secret' as const, scope: values.scope, key: values.key } : { kind: 'reveal' as const },
  };
  const parsed = rotateBody.safeParse(body);
  const errors: Errors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = fieldOf(issue.path);
      if (f && !errors[f]) errors[f] = issue.message;
    }
    return { errors, body: null };
  }
  const maxDays = values.override ? limits.overrideMaxDays : limits.maxDays;
  if (parsed.data.lifetimeDays !== undefined && parsed.data.lifetimeDays > maxDays) {
    errors.lifetimeDays = `Lifetime must be at most ${dayCount(maxDays)}${values.override ? '' : ' unless you allow more'}`;
    return { errors, body: null };
  }
  return { errors, body: parsed.data };
}

export function RotateForm({
  row,
  limits,
  how,
  onClose,
  onBusy,
  onResult,
}: {
  row: TokenRow;
  limits: LifetimeLimits;
  /** What Brickwatch creates, in words ("a new token on behalf of …"). */
  how: string;
  onClose: () => void;
  onBusy: (busy: boolean) => void;
  onResult: (result: RotateResult) => void;
}) {
  const ids = useId();
  const [values, setValues] = useState<Values>({
    days: String(limits.defaultDays),
    override: false,
    delivery: 'secret',
    scope: '',
    key: '',
  });
  // Errors show once the person has tried to rotate, and follow every change after that.
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checked = check(values, limits);
  const errors: Errors = tried ? { ...serverErrors, ...checked.errors } : {};
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    // An answer about a field no longer holds once that field changes.
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k === 'lifetimeDays' ? 'days' in patch : k in patch))));
  };
  const maxDays = values.override ? limits.overrideMaxDays : limits.maxDays;
  const scopes = useScopeChoices(values.delivery === 'secret');
  const scopeNotice = values.delivery === 'secret' ? scopeWarning(values.scope, scopes) : null;

  const submit = async () => {
    setTried(true);
    if (!checked.body) return;
    setPending(true);
    onBusy(true);
    setError(null);
    try {
      onResult(
        await apiFetch(`/api/tokens/${encodeURIComponent(row.tokenId)}/rotate`, rotateResponseSchema, {
          method: 'POST',
          json: checked.body,
        }),
      );
    } catch (e) {
      const fields = e instanceof ApiClientError ? (e.fields ?? []) : [];
      const byField = Object.fromEntries(fields.flatMap((f) => (fieldOf(f.path) ? [[fieldOf(f.path)!, f.message]] : [])));
      setServerErrors(byField);
      setError(Object.keys(byField).length ? null : e instanceof Error ? e.message : 'The rotation could not be started.');
    } finally {
      setPending(false);
      onBusy(false);
    }
  };

  const describedBy = (f: Field, hint?: string) => [errors[f] ? `${ids}-${f}-error` : null, hint].filter(Boolean).join(' ') || undefined;
  const fieldError = (f: Field) =>
    errors[f] ? (
      <p id={`${ids}-${f}-error`} className="text-xs text-danger">
        {errors[f]}
      </p>
    ) : null;

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) void submit();
      }}
    >
      <p className="text-sm text-muted">
        Brickwatch creates {how}, delivers it, and only then revokes the old token. If any step fails the old token stays valid.
      </p>
      <div className="space-y-1.5">
        <label htmlFor={`${ids}-days`} className="block text-sm font-medium">
          Lifetime of the new token (days)
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <input
            id={`${ids}-days`}
            type="number"
            min={1}
            max={maxDays}
            step={1}
            value={values.days}
            onChange={(e) => set({ days: e.target.value })}
            aria-invalid={errors.lifetimeDays ? true : undefined}
            aria-describedby={describedBy('lifetimeDays', `${ids}-days-hint`)}
            className={cn(field, fieldBorder(errors.lifetimeDays), 'w-28 tabular-nums')}
          />
          <span id={`${ids}-days-hint`} className="text-xs text-muted">
            Up to {dayCount(maxDays)}
            {limits.overrideMaxDays > limits.maxDays && !values.override ? ' (the recommended maximum)' : ' (the workspace maximum)'}.
          </span>
        </div>
        {fieldError('lifetimeDays')}
        {limits.overrideMaxDays > limits.maxDays ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.override} onChange={(e) => set({ override: e.target.checked })} className="size-4" />
            Allow more than {dayCount(limits.maxDays)} (up to {dayCount(limits.overrideMaxDays)}) — not recommended
          </label>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Deliver the new value</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={`${ids}-delivery`}
            checked={values.delivery === 'secret'}
            onChange={() => set({ delivery: 'secret' })}
            className="mt-0.5 size-4"
          />
          <span>
            Write it into a secret{' '}
            <span className="text-muted">(recommended: never shown to anyone; the workload reads it from the scope)</span>
          </span>
        </label>
        {values.delivery === 'secret' ? (
          <div className="ml-6 flex flex-wrap items-start gap-3">
            {(['scope', 'key'] as const).map((f) => (
              <span key={f} className="w-48 space-y-1">
                <label htmlFor={`${ids}-${f}`} className="block text-xs text-muted">
                  {f === 'scope' ? 'Secret scope' : 'Key'}
                </label>
                <input
                  id={`${ids}-${f}`}
                  value={values[f]}
                  onChange={(e) => set({ [f]: e.target.value })}
                  list={f === 'scope' ? `${ids}-scopes` : undefined}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={errors[f] ? true : undefined}
                  aria-describedby={describedBy(f)}
                  className={cn(field, fieldBorder(errors[f]), 'w-full font-mono')}
                />
                {fieldError(f)}
              </span>
            ))}
            <ScopeDatalist id={`${ids}-scopes`} scopes={scopes} />
          </div>
        ) : null}
        {scopeNotice ? (
          <InlineStatus tone="warning" className="ml-6">
            {scopeNotice}
          </InlineStatus>
        ) : null}
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={`${ids}-delivery`}
            checked={values.delivery === 'reveal'}
            onChange={() => set({ delivery: 'reveal' })}
            className="mt-0.5 size-4"
          />
          <span>
            Show it to me once{' '}
            <span className="text-muted">
              (you copy it into the workload yourself and confirm you stored it; only then is the old token revoked)
            </span>
          </span>
        </label>
      </fieldset>
      {error ? <InlineStatus tone="danger">{error}</InlineStatus> : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={pending}>
          Rotate token
        </Button>
      </div>
    </form>
  );
}
