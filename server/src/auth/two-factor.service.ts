import type { EntityManager } from 'typeorm';
import type { App } from '../app-context.js';
import { addMs, minutes } from '../clock.js';
import { inTransaction } from '../db/transaction.js';
import type { RequestContext } from '../graphql/context.js';
import { badInput, DomainError } from '../graphql/errors.js';
import { Account } from '../modules/account/account.entity.js';
import { TwoFactorMethod } from '../modules/account/account.enums.js';
import { onClientSide } from '../modules/event/event.service.js';
import type { TwoFactorChange } from '../notify/templates.js';
import { normaliseMobile } from './phone.js';
import { Session } from './session.entity.js';
import { newTotpSecret, normaliseCode, totpEnrolment, totpStep } from './totp.js';
import { lockAccount } from './second-step.service.js';

/** Changing the phone or the 2-step method needs the password entered at most this long ago. */
export const PASSWORD_CONFIRMATION_MINUTES = 5;
/** An authenticator being set up must be confirmed within this time. */
const TOTP_SETUP_MINUTES = 15;

export interface TwoFactorState {
  method: TwoFactorMethod;
  mobileNumber: string | null;
  mobileVerified: boolean;
  recoveryCodesLeft: number;
  required: boolean;
  smsAllowed: boolean;
  passwordConfirmedUntil: Date | null;
}

/**
 * Everything a user sets up about two-step verification under Mijn gegevens (and the admin's reset).
 * Every change is audited and announced to the user by e-mail; a user who had to set it up before going on
 * is moved on to a full session (new token) when the setup is confirmed.
 */
export class TwoFactorService {
  constructor(private readonly app: App) {}

  async state(ctx: RequestContext): Promise<TwoFactorState> {
    const account = ctx.account!;
    const confirmed = ctx.session?.passwordConfirmedAt;
    const until = confirmed ? addMs(confirmed, minutes(PASSWORD_CONFIRMATION_MINUTES)) : null;
    return {
      method: account.twoFactorMethod,
      mobileNumber: account.mobileNumber,
      mobileVerified: !!account.mobileVerifiedAt,
      recoveryCodesLeft: await this.app.recoveryCodes.left(this.app.ds.manager, account.id),
      required: this.app.services.auth.twoFactorRequired(account),
      smsAllowed: this.app.config.SMS_ALLOWED,
      passwordConfirmedUntil: until && until > this.app.clock.now() ? until : null,
    };
  }

  /** Checks the password of the signed-in user, limited per account so a held session is no password oracle. */
  private async checkPassword(ctx: RequestContext, password: string): Promise<void> {
    const account = ctx.account!;
    const { config } = this.app;
    if (!this.app.limiter.consume(`confirm-password:${account.id}`, config.LOCKOUT_THRESHOLD, minutes(config.LOCKOUT_WINDOW_MINUTES))) {
      throw new DomainError('RATE_LIMITED');
    }
    if (!(await this.app.passwords.verify(account.passwordHash, password))) {
      await inTransaction(this.app, (m) => this.app.audit.record(m, { action: 'password.confirm-failed', actorId: account.id, targetId: account.id, ip: ctx.ip }));
      throw new DomainError('INVALID_CREDENTIALS');
    }
  }

  /** Re-enters the password: for PASSWORD_CONFIRMATION_MINUTES the phone and 2-step method may be changed. */
  async confirmPassword(ctx: RequestContext, password: string): Promise<Date> {
    await this.checkPassword(ctx, password);
    const now = this.app.clock.now();
    await this.app.ds.getRepository(Session).update({ id: ctx.session!.id }, { passwordConfirmedAt: now });
    ctx.session!.passwordConfirmedAt = now;
    return addMs(now, minutes(PASSWORD_CONFIRMATION_MINUTES));
  }

  private requireRecentPassword(ctx: RequestContext): void {
    const at = ctx.session?.passwordConfirmedAt;
    if (!at || addMs(at, minutes(PASSWORD_CONFIRMATION_MINUTES)) <= this.app.clock.now()) throw new DomainError('REAUTHENTICATION_REQUIRED');
  }

  /**
   * Sends a code to a new mobile number. With `twoFactor` (the default) confirming it also turns on 2-step by SMS;
   * without, it only changes the number (which app users need for "code per SMS" and everyone for "e-mailadres vergeten").
   */
  async startSms(ctx: RequestContext, mobileNumber: string, twoFactor: boolean): Promise<boolean> {
    const account = ctx.account!;
    if (!this.app.config.SMS_ALLOWED) throw new DomainError('FORBIDDEN');
    const number = normaliseMobile(mobileNumber);
    if (!number) throw badInput([{ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' }]);
    this.requireRecentPassword(ctx);
    const sent = await inTransaction(this.app, async (m) => {
      const ok = await this.app.smsCodes.issue(m, account, twoFactor ? 'TWO_FACTOR_SMS' : 'MOBILE', ctx.session!.id, number);
      await this.app.audit.record(m, { action: ok ? 'mobile-code.sent' : 'mobile-code.rate-limited', actorId: account.id, targetId: account.id, ip: ctx.ip, detail: { twoFactor } });
      return ok;
    });
    if (!sent) throw new DomainError('RATE_LIMITED');
    return true;
  }

  /** Confirms the code sent by startSms. Returns the new recovery codes when 2-step by SMS was turned on, else none. */
  async confirmSms(ctx: RequestContext, code: string): Promise<string[]> {
    const session = ctx.session!;
    const { codes, token } = await inTransaction(this.app, async (m) => {
      const account = await lockAccount(m, session.accountId);
      const check = await this.app.smsCodes.check(m, account.id, session.id, ['MOBILE', 'TWO_FACTOR_SMS'], normaliseCode(code));
      if (!check.ok) return { codes: null, token: null };
      const now = this.app.clock.now();
      const previousNumber = account.mobileNumber;
      account.mobileNumber = check.code.mobileNumber;
      account.mobileVerifiedAt = now;
      if (check.code.purpose !== 'TWO_FACTOR_SMS') {
        await m.save(account);
        await this.audited(m, ctx, account, 'mobile-number.changed', previousNumber !== account.mobileNumber ? 'MOBILE_NUMBER_CHANGED' : null);
        return { codes: [] as string[], token: null };
      }
      return this.enable(m, ctx, account, TwoFactorMethod.SMS);
    });
    if (!codes) throw new DomainError('INVALID_CODE');
    if (token) this.app.sessions.setCookie(ctx.res, token);
    return codes;
  }

  /** A new authenticator secret (160 bits), kept pending (encrypted) until confirmTotp; the QR code and the secret go to the user. */
  async startTotp(ctx: RequestContext) {
    const account = ctx.account!;
    this.requireRecentPassword(ctx);
    const secret = newTotpSecret();
    await inTransaction(this.app, async (m) => {
      await m.update(Account, { id: account.id }, { pendingTotpSecret: this.app.secretBox.seal(secret), pendingTotpCreatedAt: this.app.clock.now() });
      await this.app.audit.record(m, { action: 'totp.setup-started', actorId: account.id, targetId: account.id, ip: ctx.ip });
    });
    return totpEnrolment(secret, account.email, this.app.config.FIRM_NAME);
  }

  /** Confirms the pending authenticator with a code from it; it then replaces any earlier authenticator. */
  async confirmTotp(ctx: RequestContext, code: string): Promise<string[]> {
    const session = ctx.session!;
    const { config } = this.app;
    if (!this.app.limiter.consume(`totp-setup:${session.accountId}`, config.LOCKOUT_THRESHOLD, minutes(config.LOCKOUT_WINDOW_MINUTES))) {
      throw new DomainError('RATE_LIMITED');
    }
    const { codes, token } = await inTransaction(this.app, async (m) => {
      const account = await lockAccount(m, session.accountId);
      const now = this.app.clock.now();
      const fresh = account.pendingTotpSecret && account.pendingTotpCreatedAt && addMs(account.pendingTotpCreatedAt, minutes(TOTP_SETUP_MINUTES)) > now;
      const step = fresh ? totpStep(this.app.secretBox.open(account.pendingTotpSecret!), normaliseCode(code), now) : null;
      if (step === null) return { codes: null, token: null };
      account.totpSecret = account.pendingTotpSecret;
      account.totpLastCounter = step;
      account.pendingTotpSecret = null;
      account.pendingTotpCreatedAt = null;
      return this.enable(m, ctx, account, TwoFactorMethod.TOTP);
    });
    if (!codes) throw new DomainError('INVALID_CODE');
    if (token) this.app.sessions.setCookie(ctx.res, token);
    return codes;
  }

  /** Turns a method on: fresh recovery codes, notice e-mail, and the way on for a user who had to set it up. */
  private async enable(m: EntityManager, ctx: RequestContext, account: Account, method: TwoFactorMethod): Promise<{ codes: string[]; token: string | null }> {
    account.twoFactorMethod = method;
    if (method === TwoFactorMethod.SMS) account.totpSecret = null;
    await m.save(account);
    const codes = await this.app.recoveryCodes.replace(m, account.id);
    await this.audited(m, ctx, account, 'two-factor.enabled', method === TwoFactorMethod.SMS ? 'SMS_ENABLED' : 'TOTP_ENABLED', { method });
    const session = ctx.session!;
    const token = session.stage === 'TWO_FACTOR_SETUP'
      ? await this.app.sessions.advance(m, session, account, this.app.services.auth.stageAfterSecondStep(account), ctx.ip)
      : null;
    return { codes, token };
  }

  async disable(ctx: RequestContext, password: string): Promise<Account> {
    const account = ctx.account!;
    if (this.app.services.auth.twoFactorRequired(account)) throw new DomainError('FORBIDDEN');
    await this.checkPassword(ctx, password);
    return inTransaction(this.app, async (m) => {
      const fresh = await lockAccount(m, account.id);
      if (fresh.twoFactorMethod === TwoFactorMethod.NONE) return fresh;
      await this.clear(m, fresh);
      await this.audited(m, ctx, fresh, 'two-factor.disabled', 'DISABLED');
      return fresh;
    });
  }

  async regenerateRecoveryCodes(ctx: RequestContext, password: string): Promise<string[]> {
    const account = ctx.account!;
    if (account.twoFactorMethod === TwoFactorMethod.NONE) throw new DomainError('FORBIDDEN');
    await this.checkPassword(ctx, password);
    return inTransaction(this.app, async (m) => {
      const codes = await this.app.recoveryCodes.replace(m, account.id);
      await this.audited(m, ctx, account, 'recovery-codes.regenerated', 'RECOVERY_CODES_REGENERATED');
      return codes;
    });
  }

  /** Admins: takes 2-step off an account (lost phone); its sessions end, and a role that requires it sets it up at the next login. */
  async reset(ctx: RequestContext, accountId: string): Promise<Account> {
    return inTransaction(this.app, async (m) => {
      const account = await m.findOneBy(Account, { id: accountId });
      if (!account) throw new DomainError('NOT_FOUND');
      await this.clear(m, account);
      // Usually the phone is lost: the number stays on file but no longer counts as confirmed for codes.
      account.mobileVerifiedAt = null;
      await m.save(account);
      await this.app.sessions.endAllFor(m, account.id, 'two-factor-reset', ctx.ip);
      await this.audited(m, ctx, account, 'two-factor.reset', 'RESET_BY_ADMIN');
      return account;
    });
  }

  private async clear(m: EntityManager, account: Account): Promise<void> {
    Object.assign(account, { twoFactorMethod: TwoFactorMethod.NONE, totpSecret: null, pendingTotpSecret: null, pendingTotpCreatedAt: null });
    await m.save(account);
    await this.app.recoveryCodes.clear(m, account.id);
  }

  private async audited(m: EntityManager, ctx: RequestContext, account: Account, action: string, change: TwoFactorChange | null, detail?: Record<string, unknown>) {
    await this.app.audit.record(m, { action, actorId: ctx.account?.id ?? null, targetId: account.id, ip: ctx.ip, detail });
    if (change && onClientSide(account)) await this.app.events.record(m, { type: 'twofactor.changed', accountId: account.id, subjectId: account.id });
    if (change) {
      await this.app.outbox.enqueue(m, {
        to: account.email, language: account.language, template: 'two-factor-changed',
        vars: { name: account.displayName, change, link: `${this.app.config.PUBLIC_URL}/login` },
      });
    }
  }
}
