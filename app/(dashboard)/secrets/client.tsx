'use client';
import { SecretsView, type SecretsViewProps } from '@/components/secrets/secrets-view';

export function SecretsClient(props: SecretsViewProps) {
  return <SecretsView {...props} />;
}
