import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import { IsNull, Not } from 'typeorm';
import type { App } from '../app-context.js';
import { addMs, hours, minutes } from '../clock.js';
import { newId } from '../db/columns.js';
import { Account } from '../modules/account/account.entity.js';
import { Session, type SessionStage } from './session.entity.js';
import { hashToken, newToken } from './tokens.js';

/** lastSeenAt is written at most this often, so that reads do not turn into writes on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export const sessionCookieName = (app: App) => (app.config.secureCookies ? '__Host-dp_session' : 'dp_session');

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

/**
 * Server-side sessions. The browser holds an opaque random token in an HttpOnly, SameSite=Lax cookie
 * (Secure and `__Host-` under HTTPS); the database holds only its keyed hash. Sessions end after
 * SESSION_IDLE_MINUTES without a request, after SESSION_ABSOLUTE_HOURS, at logout, and when the
 * password changes (other sessions).
 */
export class SessionService {
  constructor(private readonly app: App) {}

  /** The live session of this request, or null; an expired one is ended (and audited) on the way. */
  async resolve(req: Request, ip: string): Promise<{ session: Session; account: Account } | null> {
    const token = readCookie(req, sessionCookieName(this.app));
    if (!token || token.length > 100) return null;
    const repo = this.app.ds.getRepository(Session);
    // Every request passes here: session and account in one statement.
    const { sql } = this.app;
    const [row] = await sql.rows(`SELECT ${sql.columns(Session, 's')}, ${sql.columns(Account, 'a')} FROM session s JOIN account a ON a.id = s.accountId
      WHERE s.tokenHash = ? AND s.endedAt IS NULL`, [hashToken(this.app.config.SESSION_SECRET, token)]);
    if (!row) return null;
    const session = sql.entity(Session, 's', row);
    const now = this.app.clock.now();
    const idleEnd = addMs(session.lastSeenAt, minutes(this.app.config.SESSION_IDLE_MINUTES));
    if (session.expiresAt <= now || idleEnd <= now) {
      await this.app.ds.transaction(async (m) => {
        await this.end(m, session, session.expiresAt <= now ? 'absolute-timeout' : 'idle-timeout', ip);
      });
      return null;
    }
    const account = sql.entity(Account, 'a', row);
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await repo.update({ id: session.id }, { lastSeenAt: now });
      session.lastSeenAt = now;
    }
    return { session, account };
  }

  /** Starts a session and returns its token (to be set as the cookie). `passwordConfirmedAt`: the password was just entered. */
  async create(manager: EntityManager, account: Account, stage: SessionStage, ip: string, passwordConfirmedAt: Date | null = null): Promise<{ session: Session; token: string }> {
    const token = newToken();
    const now = this.app.clock.now();
    const session: Session = Object.assign(new Session(), {
      id: newId(), accountId: account.id, tokenHash: hashToken(this.app.config.SESSION_SECRET, token), stage,
      createdAt: now, lastSeenAt: now, expiresAt: addMs(now, hours(this.app.config.SESSION_ABSOLUTE_HOURS)), endedAt: null, ip, passwordConfirmedAt,
    });
    // Hand-written INSERT (every login passes here, see Sql.rows); every column of Session is listed.
    await this.app.sql.rows(`INSERT INTO session (id, accountId, tokenHash, stage, createdAt, lastSeenAt, expiresAt, endedAt, ip, passwordConfirmedAt)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      session.id, session.accountId, session.tokenHash, session.stage, session.createdAt, session.lastSeenAt, session.expiresAt,
      session.endedAt, session.ip, session.passwordConfirmedAt,
    ], manager);
    return { session, token };
  }

  /**
   * Moves the holder of `session` to the next stage of signing in (e.g. after the second step): a new session
   * with a new token, as at every sign-in, keeping when the password was last confirmed.
   */
  async advance(manager: EntityManager, session: Session, account: Account, stage: SessionStage, ip: string): Promise<string> {
    await this.end(manager, session, 'upgraded', ip);
    const { token } = await this.create(manager, account, stage, ip, session.passwordConfirmedAt);
    return token;
  }

  async end(manager: EntityManager, session: Session, reason: string, ip: string | null): Promise<void> {
    const result = await manager.update(Session, { id: session.id, endedAt: IsNull() }, { endedAt: this.app.clock.now() });
    if (result.affected) {
      await this.app.audit.record(manager, { action: 'session.ended', actorId: session.accountId, targetId: session.accountId, ip, detail: { reason, sessionId: session.id } });
    }
  }

  /** Ends every live session of the account except `keepId`; returns how many ended. */
  async endAllFor(manager: EntityManager, accountId: string, reason: string, ip: string | null, keepId?: string): Promise<number> {
    const where = { accountId, endedAt: IsNull(), ...(keepId ? { id: Not(keepId) } : {}) };
    const result = await manager.update(Session, where, { endedAt: this.app.clock.now() });
    if (result.affected) {
      await this.app.audit.record(manager, { action: 'session.ended', actorId: accountId, targetId: accountId, ip, detail: { reason, count: result.affected } });
    }
    return result.affected ?? 0;
  }

  setCookie(res: Response, token: string): void {
    res.cookie(sessionCookieName(this.app), token, {
      httpOnly: true, sameSite: 'lax', secure: this.app.config.secureCookies, path: '/',
      maxAge: hours(this.app.config.SESSION_ABSOLUTE_HOURS),
    });
  }

  clearCookie(res: Response): void {
    res.clearCookie(sessionCookieName(this.app), { httpOnly: true, sameSite: 'lax', secure: this.app.config.secureCookies, path: '/' });
  }
}
