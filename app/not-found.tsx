import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col justify-center gap-4 px-4 py-12">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">404</p>
      <h1 className="text-xl font-semibold">There is nothing at this address</h1>
      <div>
        <Link href="/" className={buttonClass('primary')}>
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
