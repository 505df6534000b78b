import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

// Rendered by forbidden() (lib/auth/session.ts requireRole) with HTTP 403 when the response has not started streaming.
export default function Forbidden() {
  return (
    // A <div>: forbidden() renders inside the signed-in shell, which already has the <main> landmark.
    <div className="mx-auto flex min-h-[60vh] max-w-lg flex-col justify-center gap-4 px-4 py-12">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">403 · Not allowed</p>
      <h1 className="text-xl font-semibold">This page needs a higher Brickwatch role</h1>
      <p className="text-sm text-muted">
        Your role comes from your workspace groups. If you need this view, ask a workspace admin to add you to the right group.
      </p>
      <div>
        <Link href="/" className={buttonClass('primary')}>
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
