import { describe, expect, it } from 'vitest';
import { Router } from './router';

const route = (method: 'GET' | 'POST', path: string) => ({ method, path, handler: async () => ({ body: path }) });

describe('router', () => {
  const r = new Router();
  r.add([
    route('GET', '/api/tokens/:id'),
    route('GET', '/api/tokens/permissionLevels'),
    route('GET', '/uc/:type/:full_name*'),
    route('POST', '/api/tokens/:id'),
  ]);

  it('prefers literal segments over parameters and decodes parameters', () => {
    expect(r.match('GET', '/api/tokens/permissionLevels')?.route.path).toBe('/api/tokens/permissionLevels');
    expect(r.match('GET', '/api/tokens/a%20b')?.params).toEqual({ id: 'a b' });
  });

  it('swallows the rest of the path with :name*, and needs method and length to match', () => {
    expect(r.match('GET', '/uc/table/main.default.t')?.params).toEqual({ type: 'table', full_name: 'main.default.t' });
    expect(r.match('GET', '/uc/table/a/b')?.params.full_name).toBe('a/b');
    expect(r.match('GET', '/uc/table')).toBeNull();
    expect(r.match('DELETE', '/api/tokens/x')).toBeNull();
    expect(r.match('GET', '/api/tokens/x/y')).toBeNull();
  });
});
