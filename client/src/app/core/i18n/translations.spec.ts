import { PASSWORD_REASONS, errorMessageKey, passwordReasonKey } from '../errors/api-error';
import { en } from './en';
import { nl } from './nl';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      out.set(path, value);
    } else {
      for (const [k, v] of flatten(value, path)) {
        out.set(k, v);
      }
    }
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
}

const nlKeys = flatten(nl);
const enKeys = flatten(en);

describe('translations', () => {
  it('NL and EN have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...nlKeys.keys()].sort());
  });

  it('no text is empty', () => {
    for (const [key, value] of [...nlKeys, ...enKeys]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('NL and EN use the same interpolation parameters', () => {
    for (const [key, value] of nlKeys) {
      expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('keeps the seed wording for the core Dutch texts', () => {
    expect(nl.login.submit).toBe('Inloggen');
    expect(nl.login.password).toBe('Wachtwoord');
    expect(nl.login.forgotPassword).toBe('Wachtwoord vergeten');
    expect(nl.setPassword.submit).toBe('Instellen wachtwoord');
    expect(nl.passwordLink.submit).toBe('Verstuur');
    expect(nl.nav.myDetails).toBe('Mijn gegevens');
    expect(nl.nav.logout).toBe('Uitloggen');
    expect(nl.password.introSeed.replace('{{ min }}', '8')).toBe(
      'Het wachtwoord dient minimaal 8 tekens bevatten, waarvan minimaal 1 hoofdletter en 1 cijfer',
    );
  });

  it('every error message key and password reason key exists', () => {
    const codes = ['INVALID_CREDENTIALS', 'RATE_LIMITED', 'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];
    const more = ['LINK_EXPIRED', 'LINK_INVALID', 'PASSWORD_POLICY', 'PASSWORD_CHANGE_REQUIRED', 'NETWORK_ERROR', 'INTERNAL_SERVER_ERROR'];
    for (const code of [...codes, ...more]) {
      expect(nlKeys.has(errorMessageKey(code)), code).toBe(true);
    }
    for (const reason of PASSWORD_REASONS) {
      expect(nlKeys.has(passwordReasonKey(reason)), reason).toBe(true);
    }
  });

  it('every role has a translation', () => {
    for (const role of ['CLIENT', 'COMPANY_MAIN', 'COMPANY_EXTRA', 'INTERMEDIARY', 'OFFICE_USER_ADMIN', 'STAFF', 'ADMIN']) {
      expect(nlKeys.has(`myDetails.roles.${role}`), role).toBe(true);
    }
  });
});
