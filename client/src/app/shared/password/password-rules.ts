import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { PasswordPolicyMode } from '../../graphql/generated';

/** The policy as `portalInfo.passwordPolicy` delivers it. */
export interface PasswordPolicy {
  mode: PasswordPolicyMode;
  minLength: number;
  maxLength: number;
  requireUppercase: boolean;
  requireDigit: boolean;
}

/** Used only until `portalInfo` arrives (or if it cannot): the seed's rules. The server decides anyway. */
export const FALLBACK_PASSWORD_POLICY: PasswordPolicy = {
  mode: 'SEED',
  minLength: 8,
  maxLength: 128,
  requireUppercase: true,
  requireDigit: true,
};

export type PasswordRuleId = 'minLength' | 'maxLength' | 'uppercase' | 'digit';

/** The server's `PASSWORD_POLICY` reasons that the client can check itself (not BLOCKLISTED). */
export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'NO_UPPERCASE' | 'NO_DIGIT';

export interface PasswordRuleResult {
  id: PasswordRuleId;
  met: boolean;
  /** Interpolation values for the rule's text. */
  params: Record<string, number>;
}

const UPPERCASE = /\p{Lu}/u;
const DIGIT = /\p{Nd}/u;

/**
 * Length in characters (Unicode code points), so an emoji counts once. The password is
 * never trimmed or normalised: spaces are characters like any other.
 */
export function passwordLength(password: string): number {
  let n = 0;
  for (const _ of password) {
    n++;
  }
  return n;
}

/** Every rule the policy imposes, and whether `password` meets it. */
export function evaluatePassword(password: string, policy: PasswordPolicy): PasswordRuleResult[] {
  const length = passwordLength(password);
  const results: PasswordRuleResult[] = [
    { id: 'minLength', met: length >= policy.minLength, params: { min: policy.minLength } },
    { id: 'maxLength', met: length <= policy.maxLength, params: { max: policy.maxLength } },
  ];
  if (policy.requireUppercase) {
    results.push({ id: 'uppercase', met: UPPERCASE.test(password), params: {} });
  }
  if (policy.requireDigit) {
    results.push({ id: 'digit', met: DIGIT.test(password), params: {} });
  }
  return results;
}

/**
 * The rules shown as a checklist. In STANDARDS mode the maximum is a rule like the others;
 * in SEED mode (where the seed names only minimum, capital and digit) it appears only once
 * it is exceeded.
 */
export function visiblePasswordRules(password: string, policy: PasswordPolicy): PasswordRuleResult[] {
  return evaluatePassword(password, policy).filter(
    (r) => r.id !== 'maxLength' || policy.mode === 'STANDARDS' || !r.met,
  );
}

const PROBLEM_OF: Record<PasswordRuleId, PasswordProblem> = {
  minLength: 'TOO_SHORT',
  maxLength: 'TOO_LONG',
  uppercase: 'NO_UPPERCASE',
  digit: 'NO_DIGIT',
};

/** The rules `password` breaks, named as the server names them. Empty = acceptable here. */
export function passwordProblems(password: string, policy: PasswordPolicy): PasswordProblem[] {
  return evaluatePassword(password, policy)
    .filter((r) => !r.met)
    .map((r) => PROBLEM_OF[r.id]);
}

/** Form validator: `{ passwordPolicy: PasswordProblem[] }` when a rule is broken. */
export function passwordPolicyValidator(policy: () => PasswordPolicy): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value ?? '';
    if (value === '') {
      return null; // `required` reports an empty field
    }
    const problems = passwordProblems(value, policy());
    return problems.length ? { passwordPolicy: problems } : null;
  };
}
