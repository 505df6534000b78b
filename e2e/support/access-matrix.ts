// Who may reach every page and API route: one table, decided per route. e2e/access-matrix.spec.ts discovers the
// routes from the app/ tree and fails when one is missing here, so a new area cannot ship a route without deciding it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Role } from '../../lib/roles';

/** 'public': no session needed; 'nothing': no route lives here (a JSON 404 for anyone); else the lowest role. */
export type Access = 'public' | 'nothing' | Role;

export const ACCESS: Record<string, Access> = {
  // Pages
  'PAGE /login': 'public',
  'PAGE /': 'manager',
  'PAGE /tokens': 'analyst',
  'PAGE /audit': 'analyst',
  'PAGE /activity': 'analyst',
  'PAGE /secrets': 'analyst',
  'PAGE /secrets/[scope]': 'analyst',
  'PAGE /grants': 'analyst',
  'PAGE /grants/findings': 'analyst',
  'PAGE /grants/access': 'analyst',
  'PAGE /data-protection': 'analyst',
  'PAGE /secrets/code': 'analyst',
  'PAGE /reports': 'manager',
  // Sign-in (next-auth's own endpoints) and liveness
  'GET /api/auth/[...nextauth]': 'public',
  'POST /api/auth/[...nextauth]': 'public',
  'GET /api/health': 'public',
  // Any other /api path: a JSON 404 in the error shape, signed in or not.
  'GET /api/[[...path]]': 'nothing',
  'POST /api/[[...path]]': 'nothing',
  'PUT /api/[[...path]]': 'nothing',
  'PATCH /api/[[...path]]': 'nothing',
  'DELETE /api/[[...path]]': 'nothing',
  // Overview
  'GET /api/ready': 'manager',
  'GET /api/overview/health': 'manager',
  // Activity
  'GET /api/activity': 'analyst',
  'GET /api/activity/[seq]': 'analyst',
  // Audit
  'GET /api/audit/timeline': 'analyst',
  'GET /api/audit/failed-auth': 'analyst',
  'GET /api/audit/permissions': 'analyst',
  'GET /api/audit/tokens': 'analyst',
  'GET /api/audit/secrets': 'analyst',
  'GET /api/audit/config': 'analyst',
  'GET /api/audit/events': 'analyst',
  'GET /api/audit/events/[key]': 'analyst',
  'GET /api/audit/export': 'analyst',
  // Reports
  'GET /api/reports': 'manager',
  'GET /api/reports/[id]': 'manager',
  'POST /api/reports/weekly': 'admin',
  // Tokens
  'GET /api/tokens': 'analyst',
  'GET /api/tokens/rotations': 'analyst',
  'POST /api/tokens/[id]/rotate': 'admin',
  'POST /api/tokens/[id]/revoke': 'admin',
  'POST /api/tokens/revoke': 'admin',
  'PUT /api/tokens/policy': 'admin',
  'POST /api/tokens/rotations/[id]/retry': 'admin',
  'POST /api/tokens/rotations/[id]/confirm': 'admin',
  'POST /api/tokens/rotations/[id]/discard': 'admin',
  // Secrets
  'GET /api/secrets/scopes': 'analyst',
  'POST /api/secrets/scopes': 'admin',
  'GET /api/secrets/scopes/[scope]': 'analyst',
  'DELETE /api/secrets/scopes/[scope]': 'admin',
  'PUT /api/secrets/scopes/[scope]/keys/[key]': 'admin',
  'DELETE /api/secrets/scopes/[scope]/keys/[key]': 'admin',
  'PUT /api/secrets/scopes/[scope]/acls': 'admin',
  'DELETE /api/secrets/scopes/[scope]/acls': 'admin',
  'GET /api/secrets/plain-credentials': 'analyst',
  'GET /api/secrets/principals': 'admin',
  // Grants
  'GET /api/grants/matrix': 'analyst',
  'GET /api/grants/who-can-read': 'analyst',
  'GET /api/grants/what-can-read': 'analyst',
  'GET /api/grants/securable': 'analyst',
  'GET /api/grants/findings': 'analyst',
  'GET /api/grants/script': 'analyst',
  'POST /api/grants/apply': 'admin',
  // Data protection
  'GET /api/data-protection/columns': 'analyst',
  'POST /api/data-protection/masks': 'admin',
  'DELETE /api/data-protection/masks': 'admin',
  'POST /api/data-protection/row-filters': 'admin',
  'DELETE /api/data-protection/row-filters': 'admin',
  // Posture (the home page)
  'GET /api/posture': 'manager',
  'GET /api/posture/trend': 'manager',
  'POST /api/posture/evaluate': 'admin',
  'GET /api/posture/exceptions': 'manager',
  'POST /api/posture/exceptions': 'admin',
  'PATCH /api/posture/exceptions/[id]': 'admin',
  'DELETE /api/posture/exceptions/[id]': 'admin',
  // Credentials in code
  'GET /api/code-scan/status': 'analyst',
  'GET /api/code-scan/findings': 'analyst',
  'POST /api/code-scan/scans': 'analyst',
  'POST /api/code-scan/scans/[id]/cancel': 'admin',
};

/**
 * A URL for each route. Reads get real values (a cheap view, so an allowed call answers 2xx). Mutations get a path
 * parameter that fails validation, so a caller who passes the session, role and Origin checks gets a 400 and nothing
 * changes; routes without a path parameter get an empty body that fails their schema.
 */
export function sampleUrl(method: string, route: string): string {
  const mutating = method !== 'GET';
  const url = route
    .replace('[...nextauth]', 'session')
    .replace('[[...path]]', 'no-such/thing')
    .replace('[scope]', mutating ? 'not*a*scope' : 'prod-etl')
    .replace('[key]', mutating ? 'not*a*key' : 'not-a-reference')
    .replace('[seq]', '1')
    .replace('[id]', mutating ? 'not*an*id' : 'a'.repeat(64));
  const query: Record<string, string> = {
    '/api/overview/health': '?target=rest',
    '/api/audit/export': '?range=24h&service=accounts&action=nothingMatchesThis',
    '/api/grants/matrix': '?catalog=reference',
    '/api/grants/who-can-read': '?securable=reference.geo.regions',
    '/api/grants/what-can-read': '?principal=users-who-do-not-exist%40example.com',
    '/api/grants/securable': '?type=CATALOG&name=reference',
    '/api/grants/findings': '?days=90',
    '/api/grants/script': '?format=sql&code=legacy_usage',
    '/api/data-protection/columns': '?catalog=reference',
    // Its body's one field is optional, so {} is a valid request: a query parameter it does not take makes it a 400.
    '/api/reports/weekly': '?unexpected=1',
  };
  return url + (query[route] ?? '');
}

export interface DiscoveredRoute {
  key: string;
  method: string;
  path: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every page and route handler under app/, with the methods each route file exports. */
export function discoverRoutes(appDir: string): DiscoveredRoute[] {
  const out: DiscoveredRoute[] = [];
  for (const file of walk(appDir)) {
    const rel = relative(appDir, file).split(sep);
    const name = rel.pop()!;
    const path = `/${rel.filter((part) => !/^\(.*\)$/.test(part)).join('/')}`;
    if (name === 'page.tsx') out.push({ key: `PAGE ${path}`, method: 'PAGE', path });
    if (name === 'route.ts') {
      const source = readFileSync(file, 'utf8');
      for (const method of METHODS) {
        if (new RegExp(`export (const|async function|function) ${method}\\b|as ${method}\\b`).test(source))
          out.push({ key: `${method} ${path}`, method, path });
      }
    }
  }
  return out;
}
