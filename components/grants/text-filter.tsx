'use client';
// A free-text filter that reaches the URL (and the server) only once typing stops or Enter is pressed, with the names
// on screen offered as suggestions.
import { useEffect, useId, useState } from 'react';

const DEBOUNCE_MS = 400;

export function TextFilter({
  label,
  placeholder,
  value,
  suggestions,
  onChange,
  className = 'w-56',
}: {
  label: string;
  placeholder?: string;
  value: string;
  suggestions: readonly string[];
  onChange: (value: string) => void;
  className?: string;
}) {
  const id = useId();
  const listId = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL changed under us (Back, a link, a dialog's "show only"): show what it says.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const t = setTimeout(() => onChange(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  return (
    <label className="flex flex-col gap-1 text-xs text-muted" htmlFor={id}>
      {label}
      <input
        id={id}
        type="search"
        list={listId}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && onChange(text.trim())}
        className={`h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg ${className}`}
      />
      <datalist id={listId}>
        {suggestions.slice(0, 500).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </label>
  );
}
