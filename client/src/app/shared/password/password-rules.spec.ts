import { FormControl } from '@angular/forms';
import {
  PasswordPolicy,
  evaluatePassword,
  passwordLength,
  passwordPolicyValidator,
  passwordProblems,
  visiblePasswordRules,
} from './password-rules';

const seed: PasswordPolicy = { mode: 'SEED', minLength: 8, maxLength: 128, requireUppercase: true, requireDigit: true };
const standards: PasswordPolicy = {
  mode: 'STANDARDS',
  minLength: 15,
  maxLength: 256,
  requireUppercase: false,
  requireDigit: false,
};

function met(password: string, policy: PasswordPolicy): Record<string, boolean> {
  return Object.fromEntries(evaluatePassword(password, policy).map((r) => [r.id, r.met]));
}

describe('password rules', () => {
  it('checks the minimum length', () => {
    expect(met('Abcdef1', seed)['minLength']).toBe(false);
    expect(met('Abcdefg1', seed)['minLength']).toBe(true);
  });

  it('checks for a capital letter, including non-ASCII capitals', () => {
    expect(met('abcdefg1', seed)['uppercase']).toBe(false);
    expect(met('abcdefG1', seed)['uppercase']).toBe(true);
    expect(met('ébcdefÉ1', seed)['uppercase']).toBe(true);
  });

  it('checks for a digit', () => {
    expect(met('Abcdefgh', seed)['digit']).toBe(false);
    expect(met('Abcdefg9', seed)['digit']).toBe(true);
  });

  it('accepts exactly the maximum length and rejects one more', () => {
    const max = 'A1' + 'x'.repeat(126);
    expect(max.length).toBe(128);
    expect(passwordProblems(max, seed)).toEqual([]);
    expect(passwordProblems(max + 'x', seed)).toEqual(['TOO_LONG']);
  });

  it('allows passwords longer than 128 characters when the policy does', () => {
    const long = 'a'.repeat(200);
    expect(passwordProblems(long, standards)).toEqual([]);
  });

  it('never trims: spaces count as characters', () => {
    expect(passwordLength('  Abc1  ')).toBe(8);
    expect(passwordProblems('  Abc1  ', seed)).toEqual([]);
    expect(passwordProblems(' Abc1 ', seed)).toEqual(['TOO_SHORT']);
  });

  it('counts an emoji as one character', () => {
    expect(passwordLength('Ab1😀😀😀😀😀')).toBe(8);
    expect(passwordProblems('Ab1😀😀😀😀😀', seed)).toEqual([]);
  });

  it('imposes no capital or digit in STANDARDS mode', () => {
    expect(evaluatePassword('all lower case words', standards).map((r) => r.id)).toEqual(['minLength', 'maxLength']);
    expect(passwordProblems('all lower case words', standards)).toEqual([]);
  });

  it('reports every broken rule with the server reason names', () => {
    expect(passwordProblems('abc', seed)).toEqual(['TOO_SHORT', 'NO_UPPERCASE', 'NO_DIGIT']);
  });

  it('shows the maximum as a rule in STANDARDS mode, and in SEED mode only once exceeded', () => {
    expect(visiblePasswordRules('', standards).map((r) => r.id)).toContain('maxLength');
    expect(visiblePasswordRules('', seed).map((r) => r.id)).toEqual(['minLength', 'uppercase', 'digit']);
    expect(visiblePasswordRules('A1' + 'x'.repeat(127), seed).map((r) => r.id)).toContain('maxLength');
  });

  it('validator: empty is left to `required`, a weak password lists its problems', () => {
    const validator = passwordPolicyValidator(() => seed);
    expect(validator(new FormControl(''))).toBeNull();
    expect(validator(new FormControl('abcdefgh'))).toEqual({ passwordPolicy: ['NO_UPPERCASE', 'NO_DIGIT'] });
    expect(validator(new FormControl('Abcdefg1'))).toBeNull();
  });
});
