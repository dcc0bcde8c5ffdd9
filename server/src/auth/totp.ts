import QRCode from 'qrcode';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
const totp = (secret: string, label = '', issuer = '') =>
  new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

/** A new secret of 160 bits (RFC 4226's recommended length), base32 as authenticator apps expect. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export async function totpEnrolment(secret: string, accountLabel: string, issuer: string) {
  const otpauthUri = totp(secret, accountLabel, issuer).toString();
  const qrCodeSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrCodeSvg };
}

/**
 * The time step a code belongs to when it is valid now or one step before/after (clock drift), else null.
 * Callers accept it only when that step is later than the last accepted one, so no code works twice.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const t = totp(secret);
  const delta = t.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : t.counter({ timestamp: now.getTime() }) + delta;
}

/** Six-digit codes as apps and SMS show them ("123 456") become "123456"; anything else is only trimmed. */
export function normaliseCode(input: string): string {
  const digits = input.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : input.trim();
}
