import { route } from '@/lib/api/route';
import { rotationView } from '@/lib/tokens/server/rotation';
import { getDb } from '@/lib/store/db';
import { listRotations } from '@/lib/store/rotation-journal';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/tokens/rotations — the rotation journal: open rotations that need someone first, then the most recent.
export const GET = route({ role: 'analyst' }, async () => ({ rotations: (await listRotations(getDb())).map(rotationView) }));
