import { Button } from '@/components/ui/button';
import { InlineStatus } from '@/components/ui/inline-status';
import type { ChainStatus as Chain } from '@/lib/activity/contract';

/** The chain's state as last verified. Reads re-hash only new rows; "Verify every entry" re-hashes all of them. */
export function ChainStatus({ chain, onVerifyAll, verifying }: { chain: Chain; onVerifyAll: () => void; verifying: boolean }) {
  if (chain.ok && chain.rows === 0)
    return (
      <InlineStatus tone="info">The action log is empty: its chain starts with the first change made through Brickwatch.</InlineStatus>
    );
  if (!chain.ok)
    return (
      <InlineStatus tone="danger">
        The action log has been tampered with: {chain.reason} (first bad entry #{chain.brokenAt}). Entries from there on cannot be trusted;
        preserve the database and investigate.
      </InlineStatus>
    );
  const checked = chain.fullVerifiedAt ? `${chain.fullVerifiedAt.replace('T', ' ').slice(0, 16)} UTC` : 'not yet';
  return (
    <InlineStatus tone="success">
      Integrity verified: all {chain.rows.toLocaleString('en')} {chain.rows === 1 ? 'entry links' : 'entries link'} up, none changed or
      missing. Every entry was last re-hashed {checked === 'not yet' ? 'never' : `at ${checked}`}; newer ones as they are read.{' '}
      <Button size="sm" variant="ghost" pending={verifying} onClick={onVerifyAll}>
        Verify every entry now
      </Button>
    </InlineStatus>
  );
}
