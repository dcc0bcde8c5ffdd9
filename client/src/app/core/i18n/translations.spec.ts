import { FIELD_ERROR_CODES, PASSWORD_REASONS, errorMessageKey, fieldErrorKey, passwordReasonKey } from '../errors/api-error';
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
    const twoFactor = ['INVALID_CODE', 'REAUTHENTICATION_REQUIRED', 'SECOND_FACTOR_REQUIRED', 'TWO_FACTOR_SETUP_REQUIRED'];
    for (const code of [...codes, ...more, ...twoFactor]) {
      expect(nlKeys.has(errorMessageKey(code)), code).toBe(true);
    }
    for (const reason of PASSWORD_REASONS) {
      expect(nlKeys.has(passwordReasonKey(reason)), reason).toBe(true);
    }
    for (const field of FIELD_ERROR_CODES) {
      expect(nlKeys.has(fieldErrorKey(field)), field).toBe(true);
    }
  });

  it('every 2-step method has a translation', () => {
    for (const method of ['NONE', 'SMS', 'TOTP']) {
      expect(nlKeys.has(`myDetails.twoFactor.${method}`), method).toBe(true);
    }
  });

  it('keeps the seed wording for 2-step verification, the e-mail reminder and extra accounts', () => {
    expect(nl.myDetails.twoFactor.heading).toBe('2-staps verificatie');
    expect(nl.twoFactor.intro).toBe(
      'Als extra beveiliging voor het inloggen op het klantenportaal kunt u 2-staps verificatie instellen.',
    );
    expect(nl.twoFactor.sms.intro).toBe(
      'Na het ingeven van uw mobiele nummer ontvangt u vervolgens een sms-bericht met een code.',
    );
    expect(nl.twoFactor.recoveryCodes.introSms).toBe(
      'Deze herstelcodes heeft u nodig als uw mobiele nummer niet beschikbaar is en u wilt inloggen op het klantenportaal.',
    );
    expect(nl.twoFactorSetup.required).toContain('Voor uw account is 2-staps verificatie verplicht');
    expect(nl.secondFactor.totpIntro).toBe('Voer de code uit uw authenticator-app in.');
    expect(nl.secondFactor.smsIntro).toBe('We hebben een sms-code gestuurd naar {{ number }}.');
    expect(nl.secondFactor.sendSms).toBe('Code per sms sturen');
    expect(nl.secondFactor.resendSms).toBe('Opnieuw versturen');
    expect(nl.secondFactor.useRecoveryCode).toBe('Herstelcode gebruiken');
    expect(nl.login.forgotEmail).toBe('E-mailadres vergeten');
    expect(nl.emailReminder.submit).toBe('Verstuur');
    expect(nl.emailReminder.sent).toBe(
      'Als dit mobiele nummer bij ons bekend is, ontvangt u binnen enkele minuten een sms met uw e-mailadres.',
    );
    expect(nl.fieldErrors.INVALID_MOBILE_NUMBER).toContain('Vul een geldig mobiel nummer in (bijvoorbeeld 06 12345678)');
    expect(nl.nav.accounts).toBe('Accounts');
    expect(nl.extraAccounts.heading).toBe('Extra accounts');
    expect(nl.extraAccounts.addHelp).toBe('Het toevoegen van extra accounts aan het hoofdaccount van de rechtspersoon.');
    expect(nl.extraAccounts.viewHelp).toBe('Inzien van de vastgelegde gegevens van het extra account.');
    expect(nl.extraAccounts.removeHelp).toBe('Het verwijderen van het extra account.');
    expect(nl.extraAccounts.invitationSent).toBe('De uitnodiging is verstuurd naar {{ email }}.');
    expect(nl.twoFactor.recoveryCodes.saved).toBe('Ik heb mijn herstelcodes bewaard');
    expect(nl.twoFactor.recoveryCodes.done).toBe('Gereed');
  });

  it('every role has a translation', () => {
    for (const role of ['CLIENT', 'COMPANY_MAIN', 'COMPANY_EXTRA', 'INTERMEDIARY', 'OFFICE_USER_ADMIN', 'STAFF', 'ADMIN']) {
      expect(nlKeys.has(`myDetails.roles.${role}`), role).toBe(true);
    }
  });
});
