import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from './context.js';
import { DomainError } from './errors.js';

/** Lets an operation run in the restricted password-change stage (only changePassword and logout use it). */
export const PASSWORD_CHANGE_STAGE = 'stage:password-change';
/** Lets an operation run while a user who must use two-step verification is setting it up (setup operations only). */
export const TWO_FACTOR_SETUP_STAGE = 'stage:two-factor-setup';

/** API token scopes (what a case-management tool may do); an operation names the scopes that admit a token. */
export const API_SCOPES = ['clients:write', 'dossiers:read', 'dossiers:write', 'documents:write', 'messages:write', 'events:read', 'audit:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const scope = (s: ApiScope) => `scope:${s}`;
/** Whether a token holds one of `scopes`. */
export const tokenHasScope = (token: { scopes: string }, ...scopes: string[]) => token.scopes.split(',').some((s) => scopes.includes(s));

/**
 * Deny by default. An API token passes only operations that list one of its scopes (`scope:…`); a token
 * never reaches an operation without scopes. A session must be in the FULL stage, and the account's role
 * must be among the listed roles when any are listed. Per-record access is decided by the services
 * (access/), not here.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context }, requirements) => {
  const { session, account, apiToken } = context;
  if (apiToken) {
    const wanted = requirements.filter((r) => r.startsWith('scope:')).map((r) => r.slice('scope:'.length));
    if (!tokenHasScope(apiToken, ...wanted)) throw new DomainError('FORBIDDEN');
    return true;
  }
  if (!session || !account) throw new DomainError('UNAUTHENTICATED');
  const roles = requirements.filter((r) => !r.startsWith('stage:') && !r.startsWith('scope:'));
  if (session.stage === 'PASSWORD_CHANGE' && !requirements.includes(PASSWORD_CHANGE_STAGE)) throw new DomainError('PASSWORD_CHANGE_REQUIRED');
  if (session.stage === 'TWO_FACTOR_SETUP' && !requirements.includes(TWO_FACTOR_SETUP_STAGE)) throw new DomainError('TWO_FACTOR_SETUP_REQUIRED');
  // The second step of a login has its own operations (verifySecondFactor, sendLoginCodeBySms), which check the stage themselves.
  if (session.stage === 'SECOND_FACTOR') throw new DomainError('SECOND_FACTOR_REQUIRED');
  if (roles.length && !roles.includes(account.role)) throw new DomainError('FORBIDDEN');
  return true;
};
