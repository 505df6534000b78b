import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../errors';
import { saysTokenMissing } from './tokens';

const json = (body: unknown) => JSON.stringify(body);
const from404 = (body: string) => errorFromResponse(404, new Headers(), body);

describe('a 404 from token management', () => {
  it('means "gone" only when Databricks says so in its JSON error', () => {
    expect(saysTokenMissing(from404(json({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Token abc does not exist.' })))).toBe(true);
    expect(saysTokenMissing(from404(json({ error_code: 'NOT_FOUND', message: 'not found' })))).toBe(true);
  });

  it('proves nothing when the path is unknown or a proxy answered', () => {
    expect(saysTokenMissing(from404(json({ error_code: 'ENDPOINT_NOT_FOUND', message: "No API found for 'DELETE /x'" })))).toBe(false);
    expect(saysTokenMissing(from404('<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>'))).toBe(
      false,
    );
    expect(saysTokenMissing(from404(''))).toBe(false);
    expect(saysTokenMissing(from404('NOT_FOUND: gateway could not route'))).toBe(false);
  });
});
