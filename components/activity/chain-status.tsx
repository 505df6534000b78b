import { InlineStatus } from '@/components/ui/inline-status';
import type { ChainCheck } from '@/lib/store/action-log';

export function ChainStatus({ chain }: { chain: ChainCheck }) {
  if (chain.ok && chain.rows === 0)
    return (
      <InlineStatus tone="info">The action log is empty: its chain starts with the first change made through Brickwatch.</InlineStatus>
    );
  return chain.ok ? (
    <InlineStatus tone="success">
      Integrity verified: all {chain.rows.toLocaleString('en')} entries link up, none changed or missing.
    </InlineStatus>
  ) : (
    <InlineStatus tone="danger">
      The action log has been tampered with: {chain.reason} (first bad entry #{chain.brokenAt}). Entries from there on cannot be trusted;
      preserve the database file and investigate.
    </InlineStatus>
  );
}
