import type { Request, Response } from 'express';
import type { App } from '../app-context.js';
import type { Account } from '../modules/account/account.entity.js';
import { Language, Role } from '../modules/account/account.enums.js';
import type { Session } from '../auth/session.entity.js';
import type { ApiTokenRow } from '../modules/api-token/api-token.entity.js';
import { DomainError } from './errors.js';

/** Everything a resolver and service may know about the current request. */
export interface RequestContext {
  app: App;
  req: Request;
  res: Response;
  /** Client address as Express sees it (honours TRUST_PROXY). */
  ip: string;
  /** Language for messages: the account's, else the browser's preference, else Dutch. */
  language: Language;
  session: Session | null;
  /** Set only for a session; check `session.stage` for what it may do. */
  account: Account | null;
  /** Set for a request with a valid `Authorization: Bearer` API token (a case-management tool); then there is no session. */
  apiToken: ApiTokenRow | null;
  /** Per-request memo: DataLoaders and access decisions live here and die with the request. */
  memo: Map<string, unknown>;
}

export function preferredLanguage(req: Request): Language {
  const header = req.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? Language.EN : Language.NL;
}

/** Roles that work for the firm: they see every dossier, like the firm's integrations. */
const OFFICE_ROLES: readonly Role[] = [Role.STAFF, Role.ADMIN];

/**
 * Who is asking, for access decisions and for what "read" and "mine" mean: the client side (an account
 * that sees the dossiers granted to its client) or the office side (staff, admins, API tokens).
 */
export type Viewer =
  | { side: 'client'; accountId: string; clientId: string | null }
  | { side: 'office'; accountId: string | null; tokenId: string | null };

export function viewerOf(ctx: RequestContext): Viewer {
  if (ctx.apiToken) return { side: 'office', accountId: null, tokenId: ctx.apiToken.id };
  const account = ctx.account;
  if (!account || ctx.session?.stage !== 'FULL') throw new DomainError('UNAUTHENTICATED');
  return OFFICE_ROLES.includes(account.role)
    ? { side: 'office', accountId: account.id, tokenId: null }
    : { side: 'client', accountId: account.id, clientId: account.clientId };
}

/** The audit log's "who and from where" for this request; tokens act under their own id. */
export const actorOf = (ctx: RequestContext) => ({
  actorId: ctx.apiToken?.id ?? ctx.account?.id ?? null,
  ip: ctx.ip,
});

/** Per-request memoised value (DataLoaders, decisions). */
export function memo<T>(ctx: RequestContext, key: string, make: () => T): T {
  if (!ctx.memo.has(key)) ctx.memo.set(key, make());
  return ctx.memo.get(key) as T;
}
