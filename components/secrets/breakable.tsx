import { Fragment } from 'react';

/** Long identifiers (Spark conf names, references) may wrap after their own dots and slashes, never inside a word. */
export function Breakable({ text, className }: { text: string; className?: string }) {
  const parts = text.split(/(?<=[./])/);
  return (
    <span className={className}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {/* Each piece stays whole: a dash inside a name is not a place to break. */}
          <span className="whitespace-nowrap">{p}</span>
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </span>
  );
}
