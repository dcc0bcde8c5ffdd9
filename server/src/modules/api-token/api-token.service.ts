import { GraphQLError } from 'graphql';
import type { Request } from 'express';
import { IsNull } from 'typeorm';
import type { App } from '../../app-context.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/transaction.js';
import { API_SCOPES } from '../../graphql/auth-checker.js';
import { actorOf, preferredLanguage, type RequestContext } from '../../graphql/context.js';
import { badInput, DomainError, errorMessage } from '../../graphql/errors.js';
import { isId } from '../../access/access.js';
import { ApiTokenRow } from './api-token.entity.js';
import type { ApiTokenView, NewApiToken } from './api-token.types.js';

/** Secrets start with this, so a leaked one is recognisable (secret scanners, logs). */
const PREFIX = 'dpt_';
/** lastUsedAt is written at most this often. */
const TOUCH_MS = 60_000;

const view = (row: ApiTokenRow): ApiTokenView => ({
  id: row.id, name: row.name, scopes: row.scopes.split(',').filter(Boolean), createdAt: row.createdAt,
  expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt,
});

/** An HTTP-level refusal (wrong or limited token) in the API's error shape, with its status. */
const refusal = (req: Request, code: 'UNAUTHENTICATED' | 'RATE_LIMITED', status: number) =>
  new GraphQLError(errorMessage(code, preferredLanguage(req)), { extensions: { code, http: { status } } });

/**
 * API tokens for case-management tools: created by admins (the secret is shown once, stored as a keyed
 * hash), scoped, optionally expiring, revocable, rate limited per token. Sent only as
 * `Authorization: Bearer …` — never accepted from a URL or a cookie.
 */
export class ApiTokenService {
  constructor(private readonly app: App) {}

  async create(ctx: RequestContext, name: string, scopes: string[], expiresAt: Date | null | undefined): Promise<NewApiToken> {
    const problems = [];
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) problems.push({ field: 'name', message: 'REQUIRED_MAX_100' });
    const unique = [...new Set(scopes)];
    if (!unique.length || unique.some((s) => !(API_SCOPES as readonly string[]).includes(s))) problems.push({ field: 'scopes', message: `ONE_OR_MORE_OF ${API_SCOPES.join(' ')}` });
    if (expiresAt && expiresAt <= this.app.clock.now()) problems.push({ field: 'expiresAt', message: 'MUST_BE_IN_FUTURE' });
    if (problems.length) throw badInput(problems);
    const secret = PREFIX + newToken();
    const row: ApiTokenRow = {
      id: newId(), name: trimmed, scopes: unique.join(','), tokenHash: hashToken(this.app.config.SESSION_SECRET, secret),
      createdById: ctx.account?.id ?? null, createdAt: this.app.clock.now(), expiresAt: expiresAt ?? null, lastUsedAt: null, revokedAt: null,
    };
    await inTransaction(this.app, async (m) => {
      await m.insert(ApiTokenRow, row);
      await this.app.audit.record(m, { action: 'api-token.created', ...actorOf(ctx), targetId: row.id, detail: { name: row.name, scopes: unique } });
    });
    return { token: view(row), secret };
  }

  async list(): Promise<ApiTokenView[]> {
    const rows = await this.app.ds.getRepository(ApiTokenRow).find({ where: { revokedAt: IsNull() }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map(view);
  }

  async revoke(ctx: RequestContext, id: string): Promise<boolean> {
    await inTransaction(this.app, async (m) => {
      const row = isId(id) ? await m.findOneBy(ApiTokenRow, { id, revokedAt: IsNull() }) : null;
      if (!row) throw new DomainError('NOT_FOUND');
      await m.update(ApiTokenRow, { id }, { revokedAt: this.app.clock.now() });
      await this.app.audit.record(m, { action: 'api-token.revoked', ...actorOf(ctx), targetId: id, detail: { name: row.name } });
    });
    return true;
  }

  /**
   * The token of a request's `Authorization: Bearer` header; null without that header. A header with an
   * unknown, revoked or expired token is refused (401), and a token over its rate limit too (429).
   */
  async authenticate(req: Request): Promise<ApiTokenRow | null> {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
    const secret = match?.[1];
    const now = this.app.clock.now();
    const repo = this.app.ds.getRepository(ApiTokenRow);
    const row = secret?.startsWith(PREFIX) ? await repo.findOneBy({ tokenHash: hashToken(this.app.config.SESSION_SECRET, secret), revokedAt: IsNull() }) : null;
    if (!row || (row.expiresAt && row.expiresAt <= now)) throw refusal(req, 'UNAUTHENTICATED', 401);
    if (!this.app.limiter.consume(`api-token:${row.id}`, this.app.config.API_TOKEN_LIMIT_PER_MINUTE, 60_000)) throw refusal(req, 'RATE_LIMITED', 429);
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_MS) {
      await repo.update({ id: row.id }, { lastUsedAt: now });
      row.lastUsedAt = now;
    }
    return row;
  }
}
