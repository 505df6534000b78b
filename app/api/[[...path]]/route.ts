import { unknownApiPath } from '@/lib/api/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Any method, /api/<anything no other route serves> — a JSON 404 in the error shape instead of the HTML 404 page.
export const GET = unknownApiPath;
export const HEAD = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
export const OPTIONS = unknownApiPath;
