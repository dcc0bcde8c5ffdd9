import type { Request, Response } from 'express';
import type { App } from '../app-context.js';
import type { Account } from '../modules/account/account.entity.js';
import { Language } from '../modules/account/account.enums.js';
import type { Session } from '../auth/session.entity.js';

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
}

export function preferredLanguage(req: Request): Language {
  const header = req.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? Language.EN : Language.NL;
}
