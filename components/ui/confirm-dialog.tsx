'use client';
// For actions that cannot be undone: the person types a phrase (the count of tokens, a scope's name) before the
// button works, so a slip of the mouse never revokes anything.
import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { InlineStatus } from './inline-status';

export interface ConfirmByTypingDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description: ReactNode;
  /** What the action applies to (a list of what is revoked), between the description and the field. */
  children?: ReactNode;
  /** What must be typed, exactly (compared after trimming). */
  phrase: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  pending?: boolean;
  /** Shown above the buttons when the action failed; the dialog stays open. */
  error?: string | null;
}

export function ConfirmByTypingDialog({ open, onClose, title, description, children, ...form }: ConfirmByTypingDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} busy={form.pending}>
      {children}
      {/* Mounted only while open (Dialog renders children only then), so every opening starts with an empty field. */}
      <ConfirmForm onClose={onClose} {...form} />
    </Dialog>
  );
}

function ConfirmForm({
  phrase,
  confirmLabel,
  onConfirm,
  onClose,
  pending = false,
  error,
}: Pick<ConfirmByTypingDialogProps, 'phrase' | 'confirmLabel' | 'onConfirm' | 'onClose' | 'pending' | 'error'>) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const matches = typed.trim() === phrase;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (matches && !pending) void onConfirm();
      }}
      className="space-y-3"
    >
      <div className="space-y-2">
        <label htmlFor={inputId} className="block text-sm">
          Type <strong className="font-mono">{phrase}</strong> to confirm
        </label>
        <input
          id={inputId}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          disabled={pending}
          className="h-9 w-full rounded-md border border-border-strong bg-surface px-3 font-mono text-sm"
        />
      </div>
      {error ? <InlineStatus tone="danger">{error}</InlineStatus> : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant="danger" type="submit" disabled={!matches} pending={pending}>
          {confirmLabel}
        </Button>
      </div>
    </form>
  );
}
