import { route } from '@/lib/api/route';
import { findingsView } from '@/lib/code-scan/server/views';
import { getDb } from '@/lib/store/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/code-scan/findings — credentials found in notebooks and files (masked previews, owners), with the coverage
// and the objects that could not be read.
export const GET = route({ role: 'analyst' }, async ({ workspace }) => findingsView(workspace, getDb()));
