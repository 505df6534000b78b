import { describe, expect, it } from 'vitest';
import { bulkRevokeBody, isWireRow, policyBody, rotateBody, tokenIdParams } from './contract';

const firstMessage = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues[0]?.message;

describe('rotateBody', () => {
  it('accepts delivery into a secret and shown once', () => {
    expect(rotateBody.parse({ delivery: { kind: 'secret', scope: ' ci ', key: 'databricks_token' }, lifetimeDays: 30 })).toEqual({
      delivery: { kind: 'secret', scope: 'ci', key: 'databricks_token' },
      lifetimeDays: 30,
    });
    expect(rotateBody.parse({ delivery: { kind: 'reveal' } })).toEqual({ delivery: { kind: 'reveal' } });
    // Databricks accepts @ in scope names (e.g. a person's own scope), so the rotation does too.
    expect(rotateBody.parse({ delivery: { kind: 'secret', scope: 'ana@harborpine.com', key: 'k' } }).delivery).toMatchObject({
      scope: 'ana@harborpine.com',
    });
  });
  it.each([
    [{}, 'Choose where the new value goes: a secret (scope and key) or shown once'],
    [{ delivery: { kind: 'email' } }, 'Choose where the new value goes: a secret (scope and key) or shown once'],
    [{ delivery: { kind: 'secret', scope: 'ci' } }, 'Key is required'],
    [{ delivery: { kind: 'secret', scope: 'c i', key: 'k' } }, 'Secret scope may only use letters, digits, dash, underscore, period and @'],
    [{ delivery: { kind: 'secret', scope: 'ci', key: 'a@b' } }, 'Key may only use letters, digits, dash, underscore and period'],
    [{ delivery: { kind: 'reveal' }, lifetimeDays: 0 }, 'Lifetime must be at least 1 day'],
    [{ delivery: { kind: 'reveal' }, lifetimeDays: 731 }, 'Lifetime must be at most 730 days'],
    [{ delivery: { kind: 'reveal' }, lifetimeDays: 1.5 }, 'Lifetime must be a whole number of days'],
    [{ delivery: { kind: 'reveal' }, lifetimeDays: '30' }, 'Lifetime must be a number of days'],
  ])('rejects %j: %s', (body, message) => {
    expect(firstMessage(rotateBody.safeParse(body))).toBe(message);
  });
});

describe('bulkRevokeBody', () => {
  it('needs the typed count to match the distinct tokens', () => {
    expect(bulkRevokeBody.safeParse({ tokenIds: ['a', 'b', 'a'], confirmCount: 2 }).success).toBe(true);
    expect(firstMessage(bulkRevokeBody.safeParse({ tokenIds: ['a', 'b'], confirmCount: 3 }))).toBe(
      'confirmCount does not match the number of tokens selected',
    );
    expect(firstMessage(bulkRevokeBody.safeParse({ tokenIds: [], confirmCount: 0 }))).toBe('choose at least one token');
    expect(firstMessage(bulkRevokeBody.safeParse({ tokenIds: ['x'.repeat(200)], confirmCount: 1 }))).toBe('is not a token id');
  });
});

describe('policyBody and ids', () => {
  it('bounds the maximum lifetime to 1–730 whole days', () => {
    expect(policyBody.safeParse({ maxTokenLifetimeDays: 90 }).success).toBe(true);
    expect(firstMessage(policyBody.safeParse({ maxTokenLifetimeDays: 0 }))).toBe('The maximum lifetime must be at least 1 day');
    expect(firstMessage(policyBody.safeParse({ maxTokenLifetimeDays: 731 }))).toBe('The maximum lifetime must be at most 730 days');
    expect(firstMessage(policyBody.safeParse({ maxTokenLifetimeDays: 1.5 }))).toBe('The maximum lifetime must be a whole number of days');
  });
  it('refuses ids with path characters', () => {
    expect(tokenIdParams.safeParse({ id: '../x' }).success).toBe(false);
    expect(tokenIdParams.safeParse({ id: 'a'.repeat(64) }).success).toBe(true);
  });
});

describe('token rows on the wire', () => {
  const row = ['abc', 'etl', 1, null, 2, -1, 0, [1, 2]];
  it('accepts a positional row as the route encodes it', () => {
    expect(isWireRow(row)).toBe(true);
    expect(isWireRow(['abc', '', 1, 5, null, 0, 3, []])).toBe(true);
  });
  it('refuses anything else', () => {
    expect(isWireRow(row.slice(0, 7))).toBe(false);
    expect(isWireRow(['abc', 'etl', '1', null, 2, -1, 0, [1]])).toBe(false);
    expect(isWireRow(['abc', 'etl', 1, null, 2, -1, 0, ['1']])).toBe(false);
    expect(isWireRow({ 0: 'abc' })).toBe(false);
  });
});
