// Every state a rotation can be in (lib/tokens/rules/rotation-machine.ts moves between them): what the browser needs
// of the machine, to read a rotation's state.
export const ROTATION_STATES = [
  'intent',
  'create_unknown',
  'created',
  'delivering',
  'delivery_unknown',
  'awaiting_confirmation',
  'delivered',
  'rolling_back',
  'old_active',
  'rollback_failed',
  'create_unresolved',
  'delivery_unresolved',
  'completed',
  'rolled_back',
  'failed',
] as const;
export type RotationState = (typeof ROTATION_STATES)[number];
