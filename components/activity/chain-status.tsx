import { Button } from '@/components/ui/button';
import { InlineStatus } from '@/components/ui/inline-status';
import type { AnchorStatus, ChainStatus as Chain } from '@/lib/activity/contract';

const utc = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;
const entries = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'}`;

/** The chain's state as last verified. Reads re-hash only new rows; "Verify every entry" re-hashes all of them. */
export function ChainStatus({ chain, onVerifyAll, verifying }: { chain: Chain; onVerifyAll: () => void; verifying: boolean }) {
  return (
    <div className="flex flex-col gap-2">
      <Integrity chain={chain} onVerifyAll={onVerifyAll} verifying={verifying} />
      {chain.anchor.state === 'broken' ? null : <Anchor anchor={chain.anchor} />}
    </div>
  );
}

function Integrity({ chain, onVerifyAll, verifying }: { chain: Chain; onVerifyAll: () => void; verifying: boolean }) {
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
  const checked = chain.fullVerifiedAt ? utc(chain.fullVerifiedAt) : null;
  const unkeyed = chain.unkeyedRows ?? 0;
  return (
    <InlineStatus tone="success">
      Integrity verified: all {entries(chain.rows)} link up, none changed or missing, each sealed with the configured key
      {unkeyed > 0 ? ` (the first ${entries(unkeyed)}, written before the log was keyed, by the entry after them)` : ''}. Every entry was
      last re-hashed {checked ? `at ${checked}` : 'never'}; newer ones as they are read.{' '}
      <Button size="sm" variant="ghost" pending={verifying} onClick={onVerifyAll}>
        Verify every entry now
      </Button>
    </InlineStatus>
  );
}

/** Where the chain's head was last exported, and whether the log still holds it. */
function Anchor({ anchor }: { anchor: AnchorStatus }) {
  const scope = anchor.scope ? <span className="break-keep font-mono">{anchor.scope}</span> : null;
  switch (anchor.state) {
    case 'ok':
      return (
        <InlineStatus tone="success">
          Anchored outside the database: entry #{anchor.seq} as of {utc(anchor.at!)}, in the secret scope {scope}, is still in the log
          unchanged, so it was neither cut short nor replaced by an older copy.
        </InlineStatus>
      );
    case 'none':
      return (
        <InlineStatus tone="info">
          Not anchored yet: the chain&apos;s head goes into the secret scope {scope} on the next schedule.
        </InlineStatus>
      );
    case 'unavailable':
      return (
        <InlineStatus tone="warning">
          The anchor in the secret scope {scope} could not be read ({anchor.reason}), so a log cut short or replaced by an older copy would
          not show here until it can.
        </InlineStatus>
      );
    case 'off':
      return (
        <InlineStatus tone="warning">
          Anchoring is off: {anchor.reason}. Without an anchor outside the database, a log cut short or replaced by an older copy does not
          show.
        </InlineStatus>
      );
    default:
      return null;
  }
}
