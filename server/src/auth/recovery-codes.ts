import { randomInt } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { App } from '../app-context.js';
import { newId } from '../db/columns.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { hashToken } from './tokens.js';

/** No 0/O, 1/I/L: codes are read from paper. 31 symbols × 10 ≈ 49 bits per code. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SET_SIZE = 10;
const CODE_LENGTH = 10;

/** Upper-cased without spaces and dashes, so "abcde-fghjk" and "ABCDE FGHJK" are the same code. */
export const normaliseRecoveryCode = (input: string) => input.replace(/[\s-]/g, '').toUpperCase();
export const looksLikeRecoveryCode = (input: string) => normaliseRecoveryCode(input).length === CODE_LENGTH;

/** The account's recovery codes: a set of 10, shown once, stored as keyed hashes, each usable once. */
export class RecoveryCodes {
  constructor(private readonly app: App) {}

  private hash(code: string) {
    return hashToken(this.app.config.SESSION_SECRET, `recovery:${normaliseRecoveryCode(code)}`);
  }

  /** Replaces the account's set (old codes stop working) and returns the new codes, formatted `XXXXX-XXXXX`. */
  async replace(m: EntityManager, accountId: string): Promise<string[]> {
    await m.delete(RecoveryCode, { accountId });
    const now = this.app.clock.now();
    const codes = Array.from({ length: SET_SIZE }, () => {
      const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await m.insert(RecoveryCode, codes.map((code) => ({ id: newId(), accountId, codeHash: this.hash(code), createdAt: now, usedAt: null })));
    return codes;
  }

  /** Uses up a code; false when it is not an unused code of this account. Safe against two concurrent uses. */
  async consume(m: EntityManager, accountId: string, code: string): Promise<boolean> {
    const result = await m.update(RecoveryCode, { accountId, codeHash: this.hash(code), usedAt: IsNull() }, { usedAt: this.app.clock.now() });
    return result.affected === 1;
  }

  left(m: EntityManager, accountId: string): Promise<number> {
    return m.countBy(RecoveryCode, { accountId, usedAt: IsNull() });
  }

  clear(m: EntityManager, accountId: string): Promise<unknown> {
    return m.delete(RecoveryCode, { accountId });
  }
}
