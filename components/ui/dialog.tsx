'use client';
// A modal on the native <dialog>: showModal() makes the page behind it inert (focus cannot leave, screen readers see
// only the dialog), and focus returns to what opened it. No focus-trap library needed. Esc, a click on the backdrop
// and the close button all ask the owner (onClose), which decides: a dialog holding something that must not be lost
// can ask before it goes.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cn } from './cn';
import { XIcon } from './icons';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons, right-aligned under the content. */
  footer?: ReactNode;
  /** While true, Esc and the close button do nothing (an action is in flight). */
  busy?: boolean;
  size?: 'sm' | 'md' | 'lg';
}

const widths = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' };

export function Dialog({ open, onClose, title, description, children, footer, busy = false, size = 'md' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Whether the owner wants the dialog open. Chromium lets a second Esc in a row (no click or key in between) close a
  // modal without the cancelable `cancel` event; the dialog then reopens and the owner is asked, as for the first Esc.
  const wanted = useRef(open);
  useEffect(() => {
    wanted.current = open;
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        opener?.focus?.();
      };
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(e) => {
        e.preventDefault(); // Esc: let the owner decide (and refuse while busy)
        if (!busy) onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current && !busy) onClose(); // click on the backdrop
      }}
      onClose={() => {
        const dialog = ref.current;
        if (!dialog || dialog.open || !wanted.current) return;
        dialog.showModal();
        if (!busy) onClose();
      }}
      className={cn(
        'm-auto w-[calc(100%-2rem)] rounded-lg border border-border bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/50',
        widths[size],
      )}
    >
      {open ? (
        <div className="flex flex-col gap-4 p-5">
          <div className="flex items-start justify-between gap-4">
            <div className="space-y-1">
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description ? (
                <div id={descriptionId} className="text-sm text-muted">
                  {description}
                </div>
              ) : null}
            </div>
            <button
              type="button"
              onClick={onClose}
              disabled={busy}
              aria-label="Close"
              className="-m-1 rounded p-1 text-muted hover:bg-surface-2 hover:text-fg disabled:opacity-50"
            >
              <XIcon />
            </button>
          </div>
          {children}
          {footer ? <div className="flex flex-wrap justify-end gap-2 pt-1">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
