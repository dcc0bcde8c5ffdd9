import { Language } from '../modules/account/account.enums.js';

export type TemplateName = 'invitation' | 'password-link' | 'password-set' | 'password-changed' | 'account-locked' | 'reset-required' | 'two-factor-changed' | 'dossier-news';

/** What changed about two-step verification (the notice e-mail names it). */
export type TwoFactorChange = 'SMS_ENABLED' | 'TOTP_ENABLED' | 'DISABLED' | 'RECOVERY_CODES_REGENERATED' | 'RESET_BY_ADMIN' | 'MOBILE_NUMBER_CHANGED';

export interface TemplateVars {
  firmName: string;
  name: string;
  /** Absolute link into the portal, built from PUBLIC_URL. */
  link?: string;
  validFor?: string;
  lockedMinutes?: number;
  change?: TwoFactorChange;
  /** dossier-news: what is new, per dossier — counts only, never titles or content. */
  news?: DossierNews[];
}

export interface DossierNews { number: string; documents: number; messages: number; questionnaires: number }

const newsLine = (n: DossierNews, en: boolean) => {
  const parts = [
    n.documents && (en ? `${n.documents} new document${n.documents > 1 ? 's' : ''}` : `${n.documents} ${n.documents > 1 ? 'nieuwe documenten' : 'nieuw document'}`),
    n.messages && (en ? `${n.messages} new message${n.messages > 1 ? 's' : ''}` : `${n.messages} ${n.messages > 1 ? 'nieuwe berichten' : 'nieuw bericht'}`),
    n.questionnaires && (en ? `${n.questionnaires} new questionnaire${n.questionnaires > 1 ? 's' : ''}` : `${n.questionnaires} ${n.questionnaires > 1 ? 'nieuwe vragenlijsten' : 'nieuwe vragenlijst'}`),
  ].filter(Boolean);
  return en ? `Dossier ${n.number}: ${parts.join(', ')}` : `Dossier ${n.number}: ${parts.join(', ')}`;
};

const CHANGES: Record<TwoFactorChange, { NL: string; EN: string }> = {
  SMS_ENABLED: { NL: '2-staps verificatie met een code per sms is ingeschakeld.', EN: 'Two-step verification with a code by text message has been turned on.' },
  TOTP_ENABLED: { NL: '2-staps verificatie met een authenticator-app is ingeschakeld.', EN: 'Two-step verification with an authenticator app has been turned on.' },
  DISABLED: { NL: '2-staps verificatie is uitgeschakeld.', EN: 'Two-step verification has been turned off.' },
  RECOVERY_CODES_REGENERATED: { NL: 'Er zijn nieuwe herstelcodes aangemaakt; de oude herstelcodes werken niet meer.', EN: 'New recovery codes have been created; the old recovery codes no longer work.' },
  RESET_BY_ADMIN: { NL: 'Een beheerder heeft uw 2-staps verificatie opnieuw ingesteld. Bij de volgende keer inloggen stelt u deze zo nodig opnieuw in.', EN: 'An administrator has reset your two-step verification. If it is required for you, you will set it up again at your next sign-in.' },
  MOBILE_NUMBER_CHANGED: { NL: 'Uw mobiele nummer is gewijzigd.', EN: 'Your mobile number has been changed.' },
};

interface Text { subject: string; lines: string[]; action?: string }

const nl = (v: TemplateVars): Record<TemplateName, Text> => ({
  invitation: {
    subject: `Uw account voor het klantenportaal van ${v.firmName}`,
    lines: [
      `Beste ${v.name},`,
      `We hebben voor u een account aangemaakt voor ons klantenportaal. Met de link hieronder start u het instellen van uw account: u vult uw e-mailadres in en ontvangt daarna een tweede e-mail om uw wachtwoord in te stellen.`,
      `De link is ${v.validFor} geldig. Is hij verlopen, klik er dan toch op: u ontvangt automatisch een nieuwe uitnodiging.`,
    ],
    action: 'Account instellen',
  },
  'password-link': {
    subject: `Instellen wachtwoord – klantenportaal ${v.firmName}`,
    lines: [
      `Beste ${v.name},`,
      `Via de link hieronder stelt u uw wachtwoord in. De link is ${v.validFor} geldig en werkt één keer.`,
      `Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren; uw huidige wachtwoord blijft geldig.`,
    ],
    action: 'Instellen wachtwoord',
  },
  'password-set': {
    subject: `Uw wachtwoord is ingesteld – klantenportaal ${v.firmName}`,
    lines: [
      `Beste ${v.name},`,
      `Ter bevestiging: uw wachtwoord voor het klantenportaal is ingesteld. U kunt nu inloggen.`,
      `Heeft u dit niet zelf gedaan? Stel dan direct een nieuw wachtwoord in via "Wachtwoord vergeten" en neem contact met ons op.`,
    ],
    action: 'Naar het klantenportaal',
  },
  'password-changed': {
    subject: `Uw wachtwoord is gewijzigd – klantenportaal ${v.firmName}`,
    lines: [
      `Beste ${v.name},`,
      `Uw wachtwoord voor het klantenportaal is gewijzigd. Andere sessies zijn beëindigd.`,
      `Heeft u dit niet zelf gedaan? Stel dan direct een nieuw wachtwoord in via "Wachtwoord vergeten" en neem contact met ons op.`,
    ],
    action: 'Naar het klantenportaal',
  },
  'account-locked': {
    subject: `Uw toegang tot het klantenportaal is tijdelijk geblokkeerd`,
    lines: [
      `Beste ${v.name},`,
      `Uw toegang tot het klantenportaal van ${v.firmName} is geblokkeerd door te veel foute wachtwoordpogingen.`,
      `De blokkade vervalt na ${v.lockedMinutes} minuten. Wilt u niet wachten, of was u het niet zelf? Stel dan een nieuw wachtwoord in via "Wachtwoord vergeten" in het inlogscherm; daarmee wordt de blokkade direct opgeheven.`,
    ],
    action: 'Wachtwoord opnieuw instellen',
  },
  'reset-required': {
    subject: `Stel een nieuw wachtwoord in voor het klantenportaal`,
    lines: [
      `Beste ${v.name},`,
      `Op uw account bij het klantenportaal van ${v.firmName} is vaak een fout wachtwoord ingevoerd. Ter bescherming kunt u pas weer inloggen nadat u een nieuw wachtwoord heeft ingesteld.`,
      `Gebruik hiervoor "Wachtwoord vergeten" in het inlogscherm.`,
    ],
    action: 'Wachtwoord opnieuw instellen',
  },
  'two-factor-changed': {
    subject: `Wijziging in uw 2-staps verificatie – klantenportaal ${v.firmName}`,
    lines: [
      `Beste ${v.name},`,
      v.change ? CHANGES[v.change].NL : '',
      `Heeft u dit niet zelf gedaan? Stel dan direct een nieuw wachtwoord in via "Wachtwoord vergeten" en neem contact met ons op.`,
    ],
    action: 'Naar het klantenportaal',
  },
  'dossier-news': {
    subject: v.news?.length === 1 ? `Nieuw in dossier ${v.news[0].number} – klantenportaal ${v.firmName}` : `Nieuw in uw dossiers – klantenportaal ${v.firmName}`,
    lines: [
      `Beste ${v.name},`,
      `Er staat iets nieuws voor u klaar in het klantenportaal:`,
      ...(v.news ?? []).map((n) => newsLine(n, false)),
      `Log in om het te bekijken. Om veiligheidsredenen staat de inhoud niet in deze e-mail. Deze e-mails zet u aan of uit onder "Mijn gegevens".`,
    ],
    action: 'Naar het klantenportaal',
  },
});

const en = (v: TemplateVars): Record<TemplateName, Text> => ({
  invitation: {
    subject: `Your account for the client portal of ${v.firmName}`,
    lines: [
      `Dear ${v.name},`,
      `We have created an account for you on our client portal. The link below starts setting it up: you enter your e-mail address and then receive a second e-mail to set your password.`,
      `The link is valid for ${v.validFor}. If it has expired, click it anyway: a new invitation is sent to you automatically.`,
    ],
    action: 'Set up your account',
  },
  'password-link': {
    subject: `Set your password – client portal ${v.firmName}`,
    lines: [
      `Dear ${v.name},`,
      `Use the link below to set your password. It is valid for ${v.validFor} and works once.`,
      `Did you not ask for this? Then ignore this e-mail; your current password stays valid.`,
    ],
    action: 'Set password',
  },
  'password-set': {
    subject: `Your password has been set – client portal ${v.firmName}`,
    lines: [
      `Dear ${v.name},`,
      `This confirms that your password for the client portal has been set. You can now sign in.`,
      `Was this not you? Set a new password at once through "Forgot password" and contact us.`,
    ],
    action: 'Go to the client portal',
  },
  'password-changed': {
    subject: `Your password has been changed – client portal ${v.firmName}`,
    lines: [
      `Dear ${v.name},`,
      `Your password for the client portal has been changed. Other sessions have been ended.`,
      `Was this not you? Set a new password at once through "Forgot password" and contact us.`,
    ],
    action: 'Go to the client portal',
  },
  'account-locked': {
    subject: `Your access to the client portal is temporarily blocked`,
    lines: [
      `Dear ${v.name},`,
      `Your access to the client portal of ${v.firmName} has been blocked after too many wrong password attempts.`,
      `The block ends after ${v.lockedMinutes} minutes. Don't want to wait, or was it not you? Set a new password through "Forgot password" on the sign-in page; that lifts the block at once.`,
    ],
    action: 'Reset your password',
  },
  'reset-required': {
    subject: `Set a new password for the client portal`,
    lines: [
      `Dear ${v.name},`,
      `A wrong password has been entered many times for your account on the client portal of ${v.firmName}. To protect you, you can sign in again only after setting a new password.`,
      `Use "Forgot password" on the sign-in page.`,
    ],
    action: 'Reset your password',
  },
  'two-factor-changed': {
    subject: `A change to your two-step verification – client portal ${v.firmName}`,
    lines: [
      `Dear ${v.name},`,
      v.change ? CHANGES[v.change].EN : '',
      `Was this not you? Set a new password at once through "Forgot password" and contact us.`,
    ],
    action: 'Go to the client portal',
  },
  'dossier-news': {
    subject: v.news?.length === 1 ? `New in dossier ${v.news[0].number} – client portal ${v.firmName}` : `New in your dossiers – client portal ${v.firmName}`,
    lines: [
      `Dear ${v.name},`,
      `Something new is waiting for you on the client portal:`,
      ...(v.news ?? []).map((n) => newsLine(n, true)),
      `Sign in to see it. For your security the content is not in this e-mail. You can turn these e-mails on or off under "My details".`,
    ],
    action: 'Go to the client portal',
  },
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders a mail in the recipient's language: plain text and a simple, inline-styled HTML part. */
export function renderMail(template: TemplateName, language: Language, vars: TemplateVars) {
  const t = (language === Language.EN ? en : nl)(vars)[template];
  const footer = language === Language.EN
    ? `This e-mail was sent automatically by the client portal of ${vars.firmName}.`
    : `Deze e-mail is automatisch verstuurd door het klantenportaal van ${vars.firmName}.`;
  const text = [...t.lines, ...(vars.link ? [`${t.action}: ${vars.link}`] : []), '', footer].join('\n\n');
  const html = `<!doctype html><html lang="${language.toLowerCase()}"><body style="font-family:Arial,sans-serif;color:#1b1b1f;max-width:600px">`
    + t.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')
    + (vars.link ? `<p><a href="${escapeHtml(vars.link)}" style="background:#1d4e89;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px;display:inline-block">${escapeHtml(t.action ?? vars.link)}</a></p><p style="font-size:12px;color:#555">${escapeHtml(vars.link)}</p>` : '')
    + `<p style="font-size:12px;color:#555">${escapeHtml(footer)}</p></body></html>`;
  return { subject: t.subject, text, html };
}

export type SmsTemplateName = 'sms-login-code' | 'sms-setup-code' | 'sms-email-reminder';
export interface SmsVars { firmName: string; code?: string; email?: string; minutes?: number }

/**
 * SMS texts in the recipient's language. Codes come first so phones can offer them for autofill;
 * no dossier content ever goes into an SMS.
 */
export function renderSms(template: SmsTemplateName, language: Language, v: SmsVars): string {
  const en = language === Language.EN;
  switch (template) {
    case 'sms-login-code':
      return en
        ? `${v.code} is your sign-in code for the client portal of ${v.firmName}. Valid for ${v.minutes} minutes. Never share it.`
        : `${v.code} is uw inlogcode voor het klantenportaal van ${v.firmName}. ${v.minutes} minuten geldig. Deel deze code met niemand.`;
    case 'sms-setup-code':
      return en
        ? `${v.code} is your code to confirm this mobile number for the client portal of ${v.firmName}. Valid for ${v.minutes} minutes.`
        : `${v.code} is uw code om dit mobiele nummer te bevestigen voor het klantenportaal van ${v.firmName}. ${v.minutes} minuten geldig.`;
    case 'sms-email-reminder':
      return en
        ? `You sign in to the client portal of ${v.firmName} with the e-mail address ${v.email}.`
        : `U logt in op het klantenportaal van ${v.firmName} met het e-mailadres ${v.email}.`;
  }
}
