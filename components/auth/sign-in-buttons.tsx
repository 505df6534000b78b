'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { InlineStatus } from '@/components/ui/inline-status';
import { signIn } from './next-auth-client';

export interface ProviderChoice {
  id: string;
  label: string;
}

export function SignInButtons({ providers, callbackUrl }: { providers: ProviderChoice[]; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {providers.map((p, i) => (
        <Button
          key={p.id}
          variant={i === 0 ? 'primary' : 'secondary'}
          className="w-full"
          pending={pending === p.id}
          disabled={pending !== null}
          onClick={async () => {
            setPending(p.id);
            setError(null);
            try {
              await signIn(p.id, callbackUrl);
            } catch (e) {
              setError(e instanceof Error ? e.message : 'Sign-in failed');
              setPending(null);
            }
          }}
        >
          {p.label}
        </Button>
      ))}
      {error ? <InlineStatus tone="danger">{error}</InlineStatus> : null}
    </div>
  );
}
