import { randomInt } from 'node:crypto';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import type { App } from '../app-context.js';
import { addMs, minutes } from '../clock.js';
import { newId } from '../db/columns.js';
import type { Account } from '../modules/account/account.entity.js';
import type { SmsTemplateName } from '../notify/templates.js';
import { SmsCode, type SmsPurpose } from './sms-code.entity.js';
import { hashToken } from './tokens.js';

export const SMS_CODE_MINUTES = 10;
export const SMS_CODE_MAX_ATTEMPTS = 5;
const LIMIT_WINDOW_MINUTES = 10;

const TEMPLATES: Record<Exclude<SmsPurpose, 'REMINDER'>, SmsTemplateName> = { LOGIN: 'sms-login-code', MOBILE: 'sms-setup-code', TWO_FACTOR_SMS: 'sms-setup-code' };

export type SmsCheck = { ok: true; code: SmsCode } | { ok: false; reason: 'NONE' | 'WRONG' };

/**
 * Six-digit codes by SMS: from a CSPRNG, valid SMS_CODE_MINUTES, single use, bound to the session that asked,
 * dead after SMS_CODE_MAX_ATTEMPTS wrong entries; a new code replaces the previous one. At most
 * SMS_LIMIT_PER_10_MINUTES SMS go to one number, whatever their purpose.
 */
export class SmsCodes {
  constructor(private readonly app: App) {}

  private hash(id: string, code: string) {
    return hashToken(this.app.config.SESSION_SECRET, `sms:${id}:${code}`);
  }

  /** Whether one more SMS may go to this number now. */
  async withinLimit(m: EntityManager, mobileNumber: string): Promise<boolean> {
    const since = addMs(this.app.clock.now(), -minutes(LIMIT_WINDOW_MINUTES));
    return (await m.countBy(SmsCode, { mobileNumber, createdAt: MoreThan(since) })) < this.app.config.SMS_LIMIT_PER_10_MINUTES;
  }

  /** Sends a new code (in the caller's transaction, through the outbox); false when the number's limit is reached. */
  async issue(m: EntityManager, account: Account, purpose: Exclude<SmsPurpose, 'REMINDER'>, sessionId: string, mobileNumber: string): Promise<boolean> {
    if (!(await this.withinLimit(m, mobileNumber))) return false;
    const now = this.app.clock.now();
    await m.update(SmsCode, { accountId: account.id, sessionId, usedAt: IsNull() }, { usedAt: now });
    const id = newId();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await m.insert(SmsCode, {
      id, accountId: account.id, purpose, sessionId, mobileNumber, codeHash: this.hash(id, code),
      createdAt: now, expiresAt: addMs(now, minutes(SMS_CODE_MINUTES)), attempts: 0, usedAt: null,
    });
    await this.app.outbox.enqueueSms(m, { to: mobileNumber, language: account.language, template: TEMPLATES[purpose], vars: { code, minutes: SMS_CODE_MINUTES } });
    return true;
  }

  /** Checks a code against the session's live code of one of `purposes`; a match uses it up, a miss counts an attempt. */
  async check(m: EntityManager, accountId: string, sessionId: string, purposes: SmsPurpose[], code: string): Promise<SmsCheck> {
    const now = this.app.clock.now();
    const live = await m.findOne(SmsCode, {
      where: purposes.map((purpose) => ({ accountId, sessionId, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) })),
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    if (!live?.codeHash) return { ok: false, reason: 'NONE' };
    if (/^\d{6}$/.test(code) && this.hash(live.id, code) === live.codeHash) {
      const claimed = await m.update(SmsCode, { id: live.id, usedAt: IsNull() }, { usedAt: now });
      if (claimed.affected === 1) return { ok: true, code: live };
      return { ok: false, reason: 'NONE' };
    }
    const attempts = live.attempts + 1;
    await m.update(SmsCode, { id: live.id }, { attempts, ...(attempts >= SMS_CODE_MAX_ATTEMPTS ? { usedAt: now } : {}) });
    return { ok: false, reason: 'WRONG' };
  }

  /** "E-mailadres vergeten": tells the login address by SMS; false when the number's limit is reached. */
  async remindEmail(m: EntityManager, account: Account, mobileNumber: string): Promise<boolean> {
    if (!(await this.withinLimit(m, mobileNumber))) return false;
    const now = this.app.clock.now();
    await m.insert(SmsCode, {
      id: newId(), accountId: account.id, purpose: 'REMINDER', sessionId: null, mobileNumber, codeHash: null,
      createdAt: now, expiresAt: now, attempts: 0, usedAt: now,
    });
    await this.app.outbox.enqueueSms(m, { to: mobileNumber, language: account.language, template: 'sms-email-reminder', vars: { email: account.email } });
    return true;
  }
}
