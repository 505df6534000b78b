'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { SignOutIcon } from '@/components/ui/icons';
import { signOut } from './next-auth-client';

export function SignOutButton({ variant = 'ghost' }: { variant?: 'ghost' | 'secondary' }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size="sm"
      icon={<SignOutIcon />}
      pending={pending}
      onClick={async () => {
        setPending(true);
        try {
          await signOut();
        } catch {
          setPending(false);
        }
      }}
    >
      Sign out
    </Button>
  );
}
