import argon2 from 'argon2';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { serverRoot } from '../paths.js';

/** OWASP's argon2id parameters (Password Storage Cheat Sheet): 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export type PolicyReason = 'TOO_SHORT' | 'TOO_LONG' | 'NO_UPPERCASE' | 'NO_DIGIT' | 'BLOCKLISTED' | 'CONTAINS_IDENTITY';

export interface PolicyDescription {
  mode: 'SEED' | 'STANDARDS';
  minLength: number;
  maxLength: number;
  requireUppercase: boolean;
  requireDigit: boolean;
}

let blocklist: Set<string> | undefined;
/** Common and breached passwords (SecLists top list, length ≥ 8, plus Dutch patterns), compared case-insensitively. */
function commonPasswords(): Set<string> {
  blocklist ??= new Set(
    readFileSync(resolve(serverRoot, 'assets/common-passwords.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean),
  );
  return blocklist;
}

/** Hashing, verification and the password policy. Passwords are never trimmed, normalised or truncated. */
export class Passwords {
  private dummyHash?: Promise<string>;
  constructor(private readonly config: Config) {}

  describe(): PolicyDescription {
    const seed = this.config.PASSWORD_POLICY === 'seed';
    return {
      mode: seed ? 'SEED' : 'STANDARDS',
      minLength: this.config.PASSWORD_MIN_LENGTH,
      maxLength: this.config.PASSWORD_MAX_LENGTH,
      requireUppercase: seed,
      requireDigit: seed,
    };
  }

  /** Every rule the password breaks; empty when it is acceptable. `identity` holds the user's e-mail and account number. */
  check(password: string, identity: string[] = []): PolicyReason[] {
    const policy = this.describe();
    const reasons: PolicyReason[] = [];
    // Length in code points, so that an emoji counts as one character.
    const length = [...password].length;
    if (length < policy.minLength) reasons.push('TOO_SHORT');
    if (length > policy.maxLength) reasons.push('TOO_LONG');
    if (policy.requireUppercase && !/\p{Lu}/u.test(password)) reasons.push('NO_UPPERCASE');
    if (policy.requireDigit && !/\p{Nd}/u.test(password)) reasons.push('NO_DIGIT');
    const lower = password.toLowerCase();
    if (commonPasswords().has(lower)) reasons.push('BLOCKLISTED');
    const local = (value: string) => value.toLowerCase().split('@')[0];
    if (identity.some((id) => id && (lower === id.toLowerCase() || (local(id).length >= 4 && lower.includes(local(id)))))) {
      reasons.push('CONTAINS_IDENTITY');
    }
    return reasons;
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /**
   * Verifies against the stored hash, or against a dummy hash when there is none, so that an unknown
   * or not yet activated account costs the same time as a wrong password.
   */
  async verify(hash: string | null, password: string): Promise<boolean> {
    this.dummyHash ??= this.hash('dummy password that never matches anything');
    const target = hash ?? (await this.dummyHash);
    const ok = await argon2.verify(target, password).catch(() => false);
    return ok && hash !== null;
  }
}
