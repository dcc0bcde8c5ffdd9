import type { EntityManager } from 'typeorm';
import type { App } from '../app-context.js';
import { isSqlite } from '../db/data-source.js';
import { inTransaction } from '../db/transaction.js';
import type { RequestContext } from '../graphql/context.js';
import { DomainError } from '../graphql/errors.js';
import { Account } from '../modules/account/account.entity.js';
import { TwoFactorMethod } from '../modules/account/account.enums.js';
import { minutes } from '../clock.js';
import { LoginFailure } from './login-failure.entity.js';
import { maskMobile, normaliseMobile } from './phone.js';
import type { AuthResult, AuthStatus } from './auth.types.js';
import { looksLikeRecoveryCode } from './recovery-codes.js';
import { outcome, type AuthOutcome } from './auth.service.js';
import { normaliseCode, totpStep } from './totp.js';

type Method = 'TOTP' | 'SMS' | 'RECOVERY_CODE';

/** The API's view of a sign-in step: the account only once signed in; what the second step offers while it is asked. */
export function toAuthResult(app: App, { status, account }: AuthOutcome): AuthResult {
  const secondStep = status === 'SECOND_FACTOR_REQUIRED';
  const smsAvailable = secondStep && app.config.SMS_ALLOWED && !!account.mobileNumber
    && (account.twoFactorMethod === TwoFactorMethod.SMS || !!account.mobileVerifiedAt);
  return {
    status: status as AuthStatus,
    account: status === 'SIGNED_IN' ? account : null,
    secondFactor: secondStep ? account.twoFactorMethod : null,
    smsAvailable: secondStep ? smsAvailable : null,
    maskedMobileNumber: smsAvailable ? maskMobile(account.mobileNumber!) : null,
  };
}

/** Re-reads the account under a row lock, so concurrent second steps are counted one after another. */
export function lockAccount(m: EntityManager, id: string): Promise<Account> {
  return isSqlite(m)
    ? m.findOneByOrFail(Account, { id })
    : m.createQueryBuilder(Account, 'a').setLock('pessimistic_write').where('a.id = :id', { id }).getOneOrFail();
}

/**
 * The second step of a login: a code from the authenticator app, an SMS code (SMS users, or app users asking
 * for one), or a recovery code. Only a session in the SECOND_FACTOR stage gets here. Wrong codes count toward
 * the lockout like wrong passwords; the lock also ends the half-finished session.
 */
export class SecondStepService {
  constructor(private readonly app: App) {}

  private secondStepSession(ctx: RequestContext) {
    if (!ctx.session || !ctx.account || ctx.session.stage !== 'SECOND_FACTOR') throw new DomainError('UNAUTHENTICATED');
    return { session: ctx.session, account: ctx.account };
  }

  /** Where the current session stands in signing in; null without a session. Lets a reloaded page resume the right step. */
  state(ctx: RequestContext): AuthResult | null {
    return ctx.session && ctx.account ? toAuthResult(this.app, outcome(ctx.session.stage, ctx.account)) : null;
  }

  async verify(ctx: RequestContext, input: string): Promise<AuthOutcome> {
    const { session } = this.secondStepSession(ctx);
    if (!this.app.limiter.consume(`login:${ctx.ip}`, this.app.config.LOGIN_IP_LIMIT_PER_MINUTE, minutes(1))) throw new DomainError('RATE_LIMITED');
    const code = normaliseCode(input);
    const result = await inTransaction(this.app, async (m) => {
      const account = await lockAccount(m, session.accountId);
      const now = this.app.clock.now();
      const locked = (account.lockedUntil !== null && account.lockedUntil > now) || account.resetRequired;
      const method = locked ? null : await this.match(m, account, session.id, code, now);
      if (!method) {
        await m.delete(LoginFailure, { id: session.id });
        const lockedNow = await this.app.services.auth.recordFailure(m, ctx, account, locked, now, 'wrong-second-factor');
        if (locked || lockedNow) await this.app.sessions.end(m, session, 'locked', ctx.ip);
        return { ok: false as const };
      }
      account.consecutiveFailures = 0;
      account.lockedUntil = null;
      account.lastLoginAt = now;
      await m.save(account);
      await m.delete(LoginFailure, { accountId: account.id });
      const stage = this.app.services.auth.stageAfterSecondStep(account);
      const token = await this.app.sessions.advance(m, session, account, stage, ctx.ip);
      await this.app.audit.record(m, { action: 'login.succeeded', actorId: account.id, targetId: account.id, ip: ctx.ip, detail: { via: 'second-factor', method, stage } });
      if (method === 'RECOVERY_CODE') {
        await this.app.audit.record(m, { action: 'recovery-code.used', actorId: account.id, targetId: account.id, ip: ctx.ip, detail: { left: await this.app.recoveryCodes.left(m, account.id) } });
      }
      return { ok: true as const, token, outcome: outcome(stage, account) };
    });
    if (!result.ok) throw new DomainError('INVALID_CODE');
    this.app.sessions.setCookie(ctx.res, result.token);
    return result.outcome;
  }

  private async match(m: EntityManager, account: Account, sessionId: string, code: string, now: Date): Promise<Method | null> {
    if (/^\d{6}$/.test(code)) {
      if (account.twoFactorMethod === TwoFactorMethod.TOTP && account.totpSecret) {
        const step = totpStep(this.app.secretBox.open(account.totpSecret), code, now);
        if (step !== null && step > account.totpLastCounter) {
          account.totpLastCounter = step;
          return 'TOTP';
        }
      }
      return (await this.app.smsCodes.check(m, account.id, sessionId, ['LOGIN'], code)).ok ? 'SMS' : null;
    }
    if (looksLikeRecoveryCode(code) && (await this.app.recoveryCodes.consume(m, account.id, code))) return 'RECOVERY_CODE';
    return null;
  }

  /** "Code per SMS": a (new) login code for SMS users, and for app users with a confirmed number. */
  async sendLoginCode(ctx: RequestContext): Promise<boolean> {
    const { session, account } = this.secondStepSession(ctx);
    if (!toAuthResult(this.app, outcome('SECOND_FACTOR', account)).smsAvailable) throw new DomainError('FORBIDDEN');
    const sent = await inTransaction(this.app, async (m) => {
      const ok = await this.app.smsCodes.issue(m, account, 'LOGIN', session.id, account.mobileNumber!);
      await this.app.audit.record(m, { action: ok ? 'login-code.sent' : 'login-code.rate-limited', actorId: account.id, targetId: account.id, ip: ctx.ip });
      return ok;
    });
    if (!sent) throw new DomainError('RATE_LIMITED');
    return true;
  }

  /**
   * "E-mailadres vergeten": when exactly one account has this mobile number, an SMS tells its login address.
   * The answer is the same whether or not that happened; only a malformed number is refused.
   */
  async requestEmailReminder(ctx: RequestContext, mobileNumber: string): Promise<boolean> {
    if (!this.app.limiter.consume(`link:${ctx.ip}`, this.app.config.LINK_IP_LIMIT_PER_15_MINUTES, minutes(15))) throw new DomainError('RATE_LIMITED');
    const number = normaliseMobile(mobileNumber);
    if (!number) throw new DomainError('BAD_USER_INPUT', { fields: [{ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' }] });
    await inTransaction(this.app, async (m) => {
      const matches = this.app.config.SMS_ALLOWED ? await m.find(Account, { where: { mobileNumber: number }, take: 2 }) : [];
      const sent = matches.length === 1 && (await this.app.smsCodes.remindEmail(m, matches[0], number));
      await this.app.audit.record(m, {
        action: sent ? 'email-reminder.sent' : 'email-reminder.not-sent', targetId: sent ? matches[0].id : null, ip: ctx.ip,
        detail: { reason: sent ? undefined : matches.length === 1 ? 'rate-limited' : matches.length ? 'several-accounts' : 'unknown-number' },
      });
    });
    return true;
  }
}
