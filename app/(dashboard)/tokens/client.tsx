'use client';
import { TokensView, type TokensViewProps } from '@/components/tokens/tokens-view';

export function TokensClient(props: TokensViewProps) {
  return <TokensView {...props} />;
}
