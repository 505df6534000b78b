// The access matrix: every page and API route, discovered from the app/ tree, called as each persona — anonymous,
// signed in with no role, manager, analyst and admin — against the one table of expected outcomes in
// support/access-matrix.ts. Every mutation is also tried from a foreign Origin by someone it allows.
import { join } from 'node:path';
import { request, type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { hasRole } from '../lib/roles';
import { ACCESS, discoverRoutes, sampleUrl, type DiscoveredRoute } from './support/access-matrix';
import { authFile, type Persona } from './support/fixtures';

const ROUTES = discoverRoutes(join(__dirname, '..', 'app'));
const CALLERS: Array<Persona | 'anonymous'> = ['anonymous', 'none', 'manager', 'analyst', 'admin'];

test('every route is in the matrix, and the matrix names no route that does not exist', () => {
  expect(ROUTES.map((r) => r.key).sort()).toEqual(Object.keys(ACCESS).sort());
});

async function call(api: APIRequestContext, r: DiscoveredRoute, origin: string) {
  const url = r.method === 'PAGE' ? r.path : sampleUrl(r.method, r.path);
  const method = r.method === 'PAGE' ? 'GET' : r.method;
  return api.fetch(url, { method, maxRedirects: 0, headers: { Origin: origin }, ...(method === 'GET' ? {} : { data: {} }) });
}

for (const caller of CALLERS) {
  test(`as ${caller}: every route answers as the matrix says`, async ({ baseURL }) => {
    test.setTimeout(180_000);
    const api = await request.newContext({ baseURL, storageState: caller === 'anonymous' ? undefined : authFile(caller) });
    const role = caller === 'anonymous' || caller === 'none' ? null : caller;
    for (const r of ROUTES) {
      const access = ACCESS[r.key]!;
      if (r.path.startsWith('/api/auth/')) continue; // next-auth's own endpoints, public by design
      const res = await call(api, r, baseURL!);
      const where = `${r.key} as ${caller}`;
      if (access === 'nothing') {
        expect(res.status(), where).toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code, where).toBe('NOT_FOUND');
      } else if (access === 'public') {
        expect(res.status(), where).toBeLessThan(400);
      } else if (caller === 'anonymous') {
        if (r.method === 'PAGE') expect(res.headers().location, where).toMatch(/^\/login/);
        else expect(res.status(), where).toBe(401);
      } else if (!hasRole(role, access)) {
        expect(res.status(), where).toBe(403);
        if (r.method !== 'PAGE') expect(((await res.json()) as { error: { code: string } }).error.code, where).toBe('FORBIDDEN');
      } else {
        expect([401, 403], `${where}: allowed, got ${res.status()}`).not.toContain(res.status());
        if (r.method !== 'GET' && r.method !== 'PAGE') {
          expect(res.status(), `${where}: a mutation with an invalid request changes nothing`).toBe(400);
          const foreign = await call(api, r, 'https://evil.example');
          expect(foreign.status(), `${where} from a foreign Origin`).toBe(403);
          expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('BAD_ORIGIN');
        }
      }
    }
    await api.dispose();
  });
}
