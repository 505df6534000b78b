import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { rotateToken } from '@/lib/tokens/server/rotation';
import { rotateBody, tokenIdParams } from '@/lib/tokens/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The value shown once must never be stored by a browser or proxy cache.
const NO_STORE = { 'Cache-Control': 'no-store, max-age=0', Pragma: 'no-cache' };

// POST /api/tokens/{id}/rotate — create a replacement, deliver it (into a secret, or shown once here), revoke the old one.
// A rotation that ran answers 200 with its outcome (completed, partial, needs attention or failed with the old token
// untouched); only a request refused before anything happened (bad input, not rotatable, 409 concurrent) is an error.
export const POST = route(
  {
    role: 'admin',
    action: 'tokens.rotate',
    params: tokenIdParams,
    body: rotateBody,
    upstreamMessages: { PERMISSION_DENIED: 'Rotating this token needs workspace admin rights.' },
  },
  async ({ workspace, user, requestId, params, body }) => {
    const { rotation, value } = await rotateToken({ ws: workspace, person: user, requestId }, { tokenId: params.id, ...body });
    return NextResponse.json({ rotation, ...(value ? { value: value.reveal() } : {}) }, { headers: NO_STORE });
  },
);
