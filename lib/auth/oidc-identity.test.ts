import { describe, expect, it } from 'vitest';
import { identityKey, SIGN_IN_REFUSALS } from './oidc-identity';

const alex = { sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ', email: 'alex.morgan@harborpine.com', name: 'Alex Morgan' };

describe('identityKey', () => {
  it('names the workspace user by an e-mail address only when the provider says it verified it', () => {
    expect(identityKey({ ...alex, email_verified: true }, null)).toEqual({ by: 'userName', value: 'alex.morgan@harborpine.com' });
    for (const email_verified of [undefined, false, 'true', 1, null]) {
      expect(identityKey({ ...alex, email_verified }, null), String(email_verified)).toEqual({ refused: 'EmailNotVerified' });
    }
  });

  it('never falls back to sub or preferred_username as a user name', () => {
    expect(identityKey({ sub: 'alex.morgan@harborpine.com' }, null)).toEqual({ refused: 'NoEmail' });
    expect(identityKey({ sub: 's', preferred_username: 'alex.morgan@harborpine.com', email_verified: true }, null)).toEqual({
      refused: 'NoEmail',
    });
    expect(identityKey({ sub: 's', email: 'not an address', email_verified: true }, null)).toEqual({ refused: 'NoEmail' });
  });

  it('with an id claim configured, uses only that claim (matched to SCIM externalId), whatever the e-mail says', () => {
    const oid = '1f0c6a52-9d47-4c1e-8a0b-6d2f0e7b9c31';
    expect(identityKey({ ...alex, oid }, 'oid')).toEqual({ by: 'externalId', value: oid });
    expect(identityKey({ ...alex, email_verified: true }, 'oid')).toEqual({ refused: 'NoIdClaim' });
    expect(identityKey({ ...alex, oid: '  ' }, 'oid')).toEqual({ refused: 'NoIdClaim' });
    expect(identityKey({ ...alex, oid: 42 }, 'oid')).toEqual({ refused: 'NoIdClaim' });
  });

  it('explains every refusal in words, without claim names', () => {
    for (const [code, message] of Object.entries(SIGN_IN_REFUSALS)) {
      expect(message, code).not.toMatch(/email_verified|externalId|\boid\b|\bsub\b|claim|SCIM/);
      expect(message.length, code).toBeGreaterThan(40);
    }
    expect(SIGN_IN_REFUSALS.EmailNotVerified).toMatch(/^Your sign-in could not be tied to a workspace user: /);
  });
});
