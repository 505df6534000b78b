'use client';
// Transient confirmations ("Token revoked"). One polite live region for the whole app; errors belong inline next to
// what failed (InlineStatus), not in a toast that disappears.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';
import { CheckIcon, InfoIcon, XIcon } from './icons';

interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'info';
}

const ToastContext = createContext<((message: string, tone?: Toast['tone']) => void) | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (message: string, tone: Toast['tone'] = 'success') => {
      const id = next.current++;
      setToasts((t) => [...t.slice(-3), { id, message, tone }]);
      setTimeout(() => dismiss(id), 6_000);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div aria-live="polite" aria-atomic="false" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={cn(
              'pointer-events-auto flex items-start gap-2 rounded-lg border border-border bg-surface px-3 py-2.5 text-sm shadow-lg',
            )}
          >
            <span className={cn('mt-0.5', t.tone === 'success' ? 'text-success' : 'text-info')}>
              {t.tone === 'success' ? <CheckIcon /> : <InfoIcon />}
            </span>
            <p className="flex-1">{t.message}</p>
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)} className="rounded p-0.5 text-muted hover:text-fg">
              <XIcon />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (message: string, tone?: Toast['tone']) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast() needs <ToastProvider> (it is in app/providers.tsx)');
  return show;
}
