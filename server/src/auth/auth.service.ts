import type { EntityManager } from 'typeorm';
import { IsNull, MoreThan } from 'typeorm';
import type { RequestContext } from '../graphql/context.js';
import { DomainError } from '../graphql/errors.js';
import { addMs, hours, minutes } from '../clock.js';
import { newId } from '../db/columns.js';
import { isSqlite } from '../db/data-source.js';
import { inTransaction } from '../db/transaction.js';
import { Account } from '../modules/account/account.entity.js';
import { TwoFactorMethod } from '../modules/account/account.enums.js';
import { onClientSide } from '../modules/event/event.service.js';
import { AuthLink, type LinkPurpose } from './auth-link.entity.js';
import { LoginFailure } from './login-failure.entity.js';
import type { SessionStage } from './session.entity.js';
import type { SessionService } from './session.service.js';
import { hashToken, newToken } from './tokens.js';
import type { App } from '../app-context.js';

export type LinkState = 'VALID' | 'EXPIRED_RESENT' | 'EXPIRED' | 'INVALID';
export type AuthStatus = 'SIGNED_IN' | 'SECOND_FACTOR_REQUIRED' | 'PASSWORD_CHANGE_REQUIRED' | 'TWO_FACTOR_SETUP_REQUIRED';
export interface AuthOutcome { status: AuthStatus; account: Account }

const STATUS: Record<SessionStage, AuthStatus> = {
  FULL: 'SIGNED_IN', PASSWORD_CHANGE: 'PASSWORD_CHANGE_REQUIRED', SECOND_FACTOR: 'SECOND_FACTOR_REQUIRED', TWO_FACTOR_SETUP: 'TWO_FACTOR_SETUP_REQUIRED',
};
export const outcome = (stage: SessionStage, account: Account): AuthOutcome => ({ status: STATUS[stage], account });

const LINK_PATHS: Record<LinkPurpose, string> = { INVITATION: '/activate/', PASSWORD: '/set-password/' };

/** Human duration for e-mails, e.g. "7 dagen" / "60 minutes". */
function validFor(app: App, purpose: LinkPurpose, language: Account['language']): string {
  const en = language === 'EN';
  if (purpose === 'INVITATION') {
    const h = app.config.INVITATION_TTL_HOURS;
    return h % 24 === 0 ? `${h / 24} ${en ? (h === 24 ? 'day' : 'days') : (h === 24 ? 'dag' : 'dagen')}` : `${h} ${en ? 'hours' : 'uur'}`;
  }
  return `${app.config.RESET_TTL_MINUTES} ${en ? 'minutes' : 'minuten'}`;
}


/**
 * Sign-in: invitations and set-password links, password login with lockout, password changes and logout.
 * Every path answers the same for unknown and known addresses, and records what happened in the audit log.
 */
export class AuthService {
  private readonly sessions: SessionService;
  constructor(private readonly app: App) {
    this.sessions = app.sessions;
  }

  /**
   * Issues a new link of `purpose`, making every older unused link of the account void, and enqueues its e-mail.
   * Runs in the caller's transaction.
   */
  async issueLink(manager: EntityManager, account: Account, purpose: LinkPurpose, ip: string | null, actorId: string | null): Promise<void> {
    const now = this.app.clock.now();
    await manager.update(AuthLink, { accountId: account.id, usedAt: IsNull() }, { usedAt: now });
    const token = newToken();
    const ttl = purpose === 'INVITATION' ? hours(this.app.config.INVITATION_TTL_HOURS) : minutes(this.app.config.RESET_TTL_MINUTES);
    await manager.insert(AuthLink, {
      id: newId(), accountId: account.id, purpose, tokenHash: hashToken(this.app.config.SESSION_SECRET, token),
      createdAt: now, expiresAt: addMs(now, ttl), usedAt: null,
    });
    await this.app.outbox.enqueue(manager, {
      to: account.email, language: account.language, template: purpose === 'INVITATION' ? 'invitation' : 'password-link',
      vars: { name: account.displayName, link: `${this.app.config.PUBLIC_URL}${LINK_PATHS[purpose]}${token}`, validFor: validFor(this.app, purpose, account.language) },
    });
    await this.app.audit.record(manager, {
      action: purpose === 'INVITATION' ? 'invitation.sent' : 'password-link.sent', actorId, targetId: account.id, ip,
    });
  }

  private throttle(ctx: RequestContext, kind: 'login' | 'link'): void {
    const { config } = this.app;
    const allowed = kind === 'login'
      ? this.app.limiter.consume(`login:${ctx.ip}`, config.LOGIN_IP_LIMIT_PER_MINUTE, minutes(1))
      : this.app.limiter.consume(`link:${ctx.ip}`, config.LINK_IP_LIMIT_PER_15_MINUTES, minutes(15));
    if (!allowed) throw new DomainError('RATE_LIMITED');
  }

  private findLink(manager: EntityManager, token: string, purpose: LinkPurpose): Promise<AuthLink | null> {
    if (!token || token.length > 100) return Promise.resolve(null);
    return manager.findOneBy(AuthLink, { tokenHash: hashToken(this.app.config.SESSION_SECRET, token), purpose });
  }

  /** "Instellen wachtwoord" / "Wachtwoord vergeten": the same answer whether or not the address is known. */
  async requestPasswordLink(ctx: RequestContext, email: string): Promise<boolean> {
    this.throttle(ctx, 'link');
    const address = email.trim().toLowerCase();
    await inTransaction(this.app, async (m) => {
      const account = address.length <= 254 ? await m.findOneBy(Account, { email: address }) : null;
      if (account) await this.issueLink(m, account, 'PASSWORD', ctx.ip, null);
      else await this.app.audit.record(m, { action: 'password-link.unknown-address', ip: ctx.ip });
    });
    return true;
  }

  /** Opening the invitation link (first e-mail). An expired invitation of a not yet activated account is renewed at once. */
  async openInvitation(ctx: RequestContext, token: string): Promise<LinkState> {
    this.throttle(ctx, 'link');
    return inTransaction(this.app, async (m) => {
      const link = await this.findLink(m, token, 'INVITATION');
      if (!link || link.usedAt) return 'INVALID';
      if (link.expiresAt > this.app.clock.now()) return 'VALID';
      const account = await m.findOneByOrFail(Account, { id: link.accountId });
      if (account.activatedAt) return 'INVALID';
      await this.issueLink(m, account, 'INVITATION', ctx.ip, null);
      await this.app.audit.record(m, { action: 'invitation.renewed', targetId: account.id, ip: ctx.ip });
      return 'EXPIRED_RESENT';
    });
  }

  /** Lets the set-password page show the expired-link page before the user types anything. */
  async passwordLinkState(token: string): Promise<LinkState> {
    const link = await this.findLink(this.app.ds.manager, token, 'PASSWORD');
    if (!link || link.usedAt) return 'INVALID';
    return link.expiresAt > this.app.clock.now() ? 'VALID' : 'EXPIRED';
  }

  private assertPolicy(account: Account, password: string): void {
    const reasons = this.app.passwords.check(password, [account.email, account.accountNumber]);
    if (reasons.length) throw new DomainError('PASSWORD_POLICY', { reasons });
  }

  twoFactorRequired(account: Account): boolean {
    return this.app.config.twoFactorRequiredRoles.includes(account.role);
  }

  /** Where a correct password leads: the second step when 2-step is on, its setup when the role requires it, else on. */
  private stageAfterPassword(account: Account): SessionStage {
    if (account.twoFactorMethod !== TwoFactorMethod.NONE) return 'SECOND_FACTOR';
    if (this.twoFactorRequired(account)) return 'TWO_FACTOR_SETUP';
    return this.stageAfterSecondStep(account);
  }

  /** Where a completed second step (or 2-step setup) leads: a password change when the password has expired, else in. */
  stageAfterSecondStep(account: Account): SessionStage {
    const maxAge = this.app.config.PASSWORD_MAX_AGE_DAYS;
    if (maxAge > 0 && account.passwordChangedAt && addMs(account.passwordChangedAt, hours(24 * maxAge)) <= this.app.clock.now()) {
      return 'PASSWORD_CHANGE';
    }
    return 'FULL';
  }

  /**
   * After a correct password (login or set-password link): ends the request's old session and starts one in the stage
   * the account is at. For the second step, the SMS of SMS users goes out now, and the attempt counts as a failure
   * until the second step succeeds, so abandoned or wrong second steps count toward the lockout.
   */
  private async startSession(m: EntityManager, ctx: RequestContext, account: Account): Promise<{ stage: SessionStage; token: string }> {
    await this.endCurrentSession(m, ctx);
    const stage = this.stageAfterPassword(account);
    const now = this.app.clock.now();
    const { session, token } = await this.sessions.create(m, account, stage, ctx.ip, now);
    if (stage === 'SECOND_FACTOR') {
      // Shares the session's id: the first wrong code of this login replaces it instead of counting twice.
      await m.insert(LoginFailure, { id: session.id, accountId: account.id, at: now });
      if (account.twoFactorMethod === TwoFactorMethod.SMS && account.mobileNumber && this.app.config.SMS_ALLOWED) {
        await this.app.smsCodes.issue(m, account, 'LOGIN', session.id, account.mobileNumber);
      }
    }
    return { stage, token };
  }

  /** The set-password page (second e-mail): sets the password, activates, unlocks, signs in and confirms by e-mail (third). */
  async setPassword(ctx: RequestContext, token: string, password: string): Promise<AuthOutcome> {
    const link = await this.findLink(this.app.ds.manager, token, 'PASSWORD');
    if (!link || link.usedAt) throw new DomainError('LINK_INVALID');
    if (link.expiresAt <= this.app.clock.now()) throw new DomainError('LINK_EXPIRED');
    const account = await this.app.ds.manager.findOneByOrFail(Account, { id: link.accountId });
    this.assertPolicy(account, password);
    const hash = await this.app.passwords.hash(password);

    const { stage, sessionToken } = await inTransaction(this.app, async (m) => {
      const now = this.app.clock.now();
      // Claiming the link inside the transaction makes it single-use even under concurrent submits.
      const claimed = await m.update(AuthLink, { id: link.id, usedAt: IsNull() }, { usedAt: now });
      if (claimed.affected !== 1) throw new DomainError('LINK_INVALID');
      const firstActivation = !account.activatedAt;
      Object.assign(account, {
        passwordHash: hash, passwordChangedAt: now, activatedAt: account.activatedAt ?? now,
        lockedUntil: null, resetRequired: false, consecutiveFailures: 0, lastLoginAt: now,
      });
      await m.save(account);
      await m.delete(LoginFailure, { accountId: account.id });
      await m.update(AuthLink, { accountId: account.id, usedAt: IsNull() }, { usedAt: now });
      await this.sessions.endAllFor(m, account.id, 'password-set', ctx.ip);
      // An e-mailed link proves the mailbox, not the second factor: 2-step users still pass it.
      const { stage, token: sessionToken } = await this.startSession(m, ctx, account);
      await this.app.audit.record(m, { action: 'password-link.used', actorId: account.id, targetId: account.id, ip: ctx.ip });
      await this.app.audit.record(m, { action: 'password.set', actorId: account.id, targetId: account.id, ip: ctx.ip });
      if (firstActivation) await this.app.audit.record(m, { action: 'account.activated', actorId: account.id, targetId: account.id, ip: ctx.ip });
      if (firstActivation && onClientSide(account)) await this.app.events.record(m, { type: 'account.activated', accountId: account.id, subjectId: account.id });
      await this.app.audit.record(m, { action: stage === 'SECOND_FACTOR' ? 'login.password-accepted' : 'login.succeeded', actorId: account.id, targetId: account.id, ip: ctx.ip, detail: { via: 'set-password', stage } });
      await this.app.outbox.enqueue(m, { to: account.email, language: account.language, template: 'password-set', vars: { name: account.displayName, link: `${this.app.config.PUBLIC_URL}/login` } });
      return { stage, sessionToken };
    });
    this.sessions.setCookie(ctx.res, sessionToken);
    return outcome(stage, account);
  }

  private async endCurrentSession(m: EntityManager, ctx: RequestContext): Promise<void> {
    if (ctx.session) await this.sessions.end(m, ctx.session, 'replaced', ctx.ip);
  }

  /**
   * Password login. Unknown identifier, wrong password, locked account and an account without a
   * password all answer INVALID_CREDENTIALS after one argon2 verification (against a dummy hash
   * when there is no real one), so neither the answer nor its timing tells them apart.
   */
  async login(ctx: RequestContext, identifier: string, password: string): Promise<AuthOutcome> {
    this.throttle(ctx, 'login');
    // By e-mail address (any case) or account number. Hand-written reads (app.sql): the ORM's query building
    // cost the login a measurable share on top of argon2.
    const value = identifier.trim();
    const [found] = identifier.length <= 254
      ? await this.app.sql.rows<{ id: string; passwordHash: string | null }>(
        `SELECT a.id, a.passwordHash FROM account a WHERE ${value.includes('@') ? 'a.email' : 'a.accountNumber'} = ?`,
        [value.includes('@') ? value.toLowerCase() : value.toUpperCase()])
      : [];
    const passwordOk = await this.app.passwords.verify(found?.passwordHash ?? null, password);
    if (!found) {
      await inTransaction(this.app, (m) => this.app.audit.record(m, { action: 'login.failed', ip: ctx.ip, detail: { reason: 'unknown-identifier' } }));
      throw new DomainError('INVALID_CREDENTIALS');
    }

    const result = await inTransaction(this.app, async (m) => {
      // Re-read under a row lock: failures of concurrent attempts are counted one after another.
      const [row] = await this.app.sql.rows(`SELECT ${this.app.sql.columns(Account, 'a')} FROM account a WHERE a.id = ?${isSqlite(m) ? '' : ' FOR UPDATE'}`, [found.id], m);
      if (!row) throw new DomainError('INVALID_CREDENTIALS');
      const account = this.app.sql.entity(Account, 'a', row);
      const now = this.app.clock.now();
      const locked = (account.lockedUntil !== null && account.lockedUntil > now) || account.resetRequired;
      if (passwordOk && !locked && account.passwordHash === found.passwordHash) {
        // With 2-step on, only the second step resets the failure count (see startSession).
        if (account.twoFactorMethod === TwoFactorMethod.NONE) {
          account.consecutiveFailures = 0;
          account.lockedUntil = null;
          account.lastLoginAt = now;
          // Hand-written (see Sql.rows); not save(), which reads the row once more to find what changed.
          await this.app.sql.rows('UPDATE account SET consecutiveFailures = 0, lockedUntil = NULL, lastLoginAt = ? WHERE id = ?', [now, account.id], m);
          await this.app.sql.rows('DELETE FROM login_failure WHERE accountId = ?', [account.id], m);
        }
        const { stage, token } = await this.startSession(m, ctx, account);
        await this.app.audit.record(m, { action: stage === 'SECOND_FACTOR' ? 'login.password-accepted' : 'login.succeeded', actorId: account.id, targetId: account.id, ip: ctx.ip, detail: { stage } });
        return { ok: true as const, token, outcome: outcome(stage, account) };
      }
      await this.recordFailure(m, ctx, account, locked, now);
      return { ok: false as const };
    });
    if (!result.ok) throw new DomainError('INVALID_CREDENTIALS');
    this.sessions.setCookie(ctx.res, result.token);
    return result.outcome;
  }

  /**
   * Admins: lifts a lockout (temporary lock, failures counted in the window, and the reset required after too
   * many failures), so the account signs in with its password again. Sessions and password are untouched.
   */
  async unlock(ctx: RequestContext, accountId: string): Promise<Account> {
    return inTransaction(this.app, async (m) => {
      const account = accountId.length <= 36 ? await m.findOneBy(Account, { id: accountId }) : null;
      if (!account) throw new DomainError('NOT_FOUND');
      const was = { lockedUntil: account.lockedUntil?.toISOString() ?? null, resetRequired: account.resetRequired, consecutiveFailures: account.consecutiveFailures };
      await m.update(Account, { id: account.id }, { lockedUntil: null, resetRequired: false, consecutiveFailures: 0 });
      await m.delete(LoginFailure, { accountId: account.id });
      await this.app.audit.record(m, { action: 'account.unlocked', actorId: ctx.account?.id ?? null, targetId: account.id, ip: ctx.ip, detail: was });
      return Object.assign(account, { lockedUntil: null, resetRequired: false, consecutiveFailures: 0 });
    });
  }

  /**
   * One failed attempt on a known account. LOCKOUT_THRESHOLD failures within LOCKOUT_WINDOW_MINUTES lock it
   * for LOCKOUT_DURATION_MINUTES (one e-mail per lock); LOCKOUT_RESET_AFTER consecutive failures require a reset.
   * Attempts during a lock do not extend it. Returns whether this failure locked the account.
   */
  async recordFailure(m: EntityManager, ctx: RequestContext, account: Account, locked: boolean, now: Date, reason = 'wrong-password'): Promise<boolean> {
    const { config } = this.app;
    account.consecutiveFailures += 1;
    let lockedNow = false;
    if (!locked && account.passwordHash) {
      await m.insert(LoginFailure, { id: newId(), accountId: account.id, at: now });
      const recent = await m.countBy(LoginFailure, { accountId: account.id, at: MoreThan(addMs(now, -minutes(config.LOCKOUT_WINDOW_MINUTES))) });
      if (recent >= config.LOCKOUT_THRESHOLD) {
        account.lockedUntil = addMs(now, minutes(config.LOCKOUT_DURATION_MINUTES));
        lockedNow = true;
        await m.delete(LoginFailure, { accountId: account.id });
      }
    }
    const resetNow = !account.resetRequired && account.consecutiveFailures >= config.LOCKOUT_RESET_AFTER;
    if (resetNow) account.resetRequired = true;
    await m.save(account);
    await this.app.audit.record(m, { action: 'login.failed', targetId: account.id, ip: ctx.ip, detail: { reason: locked ? 'locked' : reason } });
    if (lockedNow) {
      await this.app.audit.record(m, { action: 'account.locked', targetId: account.id, ip: ctx.ip, detail: { until: account.lockedUntil?.toISOString() } });
      await this.app.outbox.enqueue(m, {
        to: account.email, language: account.language, template: 'account-locked',
        vars: { name: account.displayName, lockedMinutes: config.LOCKOUT_DURATION_MINUTES, link: `${config.PUBLIC_URL}/password-link` },
      });
    }
    if (resetNow) {
      await this.app.audit.record(m, { action: 'account.reset-required', targetId: account.id, ip: ctx.ip });
      await this.app.outbox.enqueue(m, {
        to: account.email, language: account.language, template: 'reset-required',
        vars: { name: account.displayName, link: `${config.PUBLIC_URL}/password-link` },
      });
    }
    return lockedNow || resetNow;
  }

  /** Change with the current password. Ends the user's other sessions; from the password-change stage it signs in fully. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
    const account = ctx.account!;
    const session = ctx.session!;
    // A held session must not become an unlimited oracle for the current password.
    if (!this.app.limiter.consume(`change-password:${account.id}`, this.app.config.LOCKOUT_THRESHOLD, minutes(this.app.config.LOCKOUT_WINDOW_MINUTES))) {
      throw new DomainError('RATE_LIMITED');
    }
    if (!(await this.app.passwords.verify(account.passwordHash, currentPassword))) {
      await inTransaction(this.app, (m) => this.app.audit.record(m, { action: 'password.change-failed', actorId: account.id, targetId: account.id, ip: ctx.ip }));
      throw new DomainError('INVALID_CREDENTIALS');
    }
    this.assertPolicy(account, newPassword);
    if (newPassword === currentPassword) throw new DomainError('PASSWORD_POLICY', { reasons: ['SAME_AS_CURRENT'] });
    const hash = await this.app.passwords.hash(newPassword);
    const newToken = await inTransaction(this.app, async (m) => {
      const now = this.app.clock.now();
      await m.update(Account, { id: account.id }, { passwordHash: hash, passwordChangedAt: now });
      await m.update(AuthLink, { accountId: account.id, usedAt: IsNull() }, { usedAt: now });
      await this.sessions.endAllFor(m, account.id, 'password-changed', ctx.ip, session.id);
      await this.app.audit.record(m, { action: 'password.changed', actorId: account.id, targetId: account.id, ip: ctx.ip });
      await this.app.outbox.enqueue(m, { to: account.email, language: account.language, template: 'password-changed', vars: { name: account.displayName, link: `${this.app.config.PUBLIC_URL}/login` } });
      if (session.stage !== 'PASSWORD_CHANGE') return null;
      const token = await this.sessions.advance(m, session, account, 'FULL', ctx.ip);
      await this.app.audit.record(m, { action: 'login.succeeded', actorId: account.id, targetId: account.id, ip: ctx.ip, detail: { via: 'password-change' } });
      return token;
    });
    if (newToken) this.sessions.setCookie(ctx.res, newToken);
    return true;
  }

  async logout(ctx: RequestContext): Promise<boolean> {
    if (ctx.session) {
      const session = ctx.session;
      await inTransaction(this.app, async (m) => {
        await this.sessions.end(m, session, 'logout', ctx.ip);
        await this.app.audit.record(m, { action: 'logout', actorId: session.accountId, targetId: session.accountId, ip: ctx.ip });
      });
    }
    this.sessions.clearCookie(ctx.res);
    return true;
  }
}
