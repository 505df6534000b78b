import Link from 'next/link';

export interface AreaLink {
  href: string;
  label: string;
  description: string;
}

export function AreaLinks({ areas }: { areas: AreaLink[] }) {
  return (
    <section aria-labelledby="areas-heading" className="space-y-3">
      <h2 id="areas-heading" className="text-sm font-semibold">
        Areas
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((a) => (
          <li key={a.href}>
            <Link
              href={a.href}
              className="block h-full rounded-lg border border-border bg-surface p-4 shadow-card transition-colors hover:border-border-strong hover:bg-surface-2"
            >
              <p className="font-medium">{a.label}</p>
              <p className="mt-1 text-xs text-muted">{a.description}</p>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
