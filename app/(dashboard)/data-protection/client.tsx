'use client';
import { ProtectionView } from '@/components/data-protection/protection-view';

export function DataProtectionClient({ canAct }: { canAct: boolean }) {
  return <ProtectionView canAct={canAct} />;
}
