// Tying a sign-in through a generic OIDC provider to a workspace user. The role comes from that user's groups, so the
// claim used to find them must be one the person cannot choose: an e-mail address the provider says it verified, or an
// immutable id (Entra ID's oid) that SCIM provisioning wrote into the user's externalId. Never `sub` or
// `preferred_username` as a user name, and never an unverified e-mail ("nOAuth": anyone who can set their own e-mail
// at the provider would inherit the role of the workspace user with that address).
import 'server-only';
import type { AppConfig } from '../config';
import { log } from '../log';
import { resolveByExternalId, resolveByUserName, type ResolvedPerson } from './identity';

export type SignInRefusal = 'NoEmail' | 'EmailNotVerified' | 'NoIdClaim' | 'NoWorkspaceUser' | 'AmbiguousWorkspaceUser' | 'LookupFailed';

const TIED = 'Your sign-in could not be tied to a workspace user:';

/** What the sign-in page says for each refusal (it receives the code as ?error=). */
export const SIGN_IN_REFUSALS: Record<SignInRefusal, string> = {
  NoEmail: `${TIED} the identity provider did not send your e-mail address. Ask an administrator to let Brickwatch read it.`,
  EmailNotVerified: `${TIED} the identity provider did not confirm that your e-mail address is verified, so it cannot be trusted to name you. Ask an administrator to check how Brickwatch matches people to workspace users.`,
  NoIdClaim: `${TIED} the identity provider did not send the directory id Brickwatch matches people by. Ask an administrator to check the sign-in set-up.`,
  NoWorkspaceUser: `${TIED} no workspace user is linked to your directory account. Ask an administrator to add you to the workspace through provisioning.`,
  AmbiguousWorkspaceUser: `${TIED} more than one workspace user is linked to your directory account. Ask an administrator to remove the duplicate.`,
  LookupFailed: 'Signing in failed while looking you up in the workspace. Try again in a moment.',
};

export type ClaimKey = { by: 'userName'; value: string } | { by: 'externalId'; value: string };

/** Pure: which workspace user the identity token names, or why it names nobody. */
export function identityKey(claims: Record<string, unknown>, idClaim: string | null): ClaimKey | { refused: SignInRefusal } {
  if (idClaim) {
    const id = claims[idClaim];
    return typeof id === 'string' && id.trim() !== '' ? { by: 'externalId', value: id } : { refused: 'NoIdClaim' };
  }
  const email = claims.email;
  if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) return { refused: 'NoEmail' };
  // Exactly the boolean true: absent, "true" or false all mean the provider vouches for nothing.
  if (claims.email_verified !== true) return { refused: 'EmailNotVerified' };
  return { by: 'userName', value: email };
}

export type OidcSignIn = { person: ResolvedPerson; externalId?: string } | { refused: SignInRefusal };

/** Resolves the workspace user (and so the role) for an identity token's claims, with the service identity. */
export async function oidcSignIn(config: AppConfig, claims: Record<string, unknown>): Promise<OidcSignIn> {
  const idClaim = config.signIn.oidc?.idClaim ?? null;
  const key = identityKey(claims, idClaim);
  const refuse = (reason: SignInRefusal, extra: Record<string, unknown> = {}): OidcSignIn => {
    log.warn('auth.sign_in_refused', { provider: 'oidc', reason, idClaim, ...extra });
    return { refused: reason };
  };
  if ('refused' in key) return refuse(key.refused, { emailVerified: claims.email_verified ?? null });
  try {
    if (key.by === 'userName') return { person: await resolveByUserName(config, key.value) };
    const found = await resolveByExternalId(config, key.value);
    if (found === 'unknown') return refuse('NoWorkspaceUser', { externalId: key.value });
    if (found === 'ambiguous') return refuse('AmbiguousWorkspaceUser', { externalId: key.value });
    return { person: found, externalId: key.value };
  } catch (error) {
    return refuse('LookupFailed', { error });
  }
}
