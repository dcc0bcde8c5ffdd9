import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A mobile number in E.164 (`+31612345678`), or null when the input is not a valid mobile number.
 * National Dutch input (`06 1234 5678`, `0031 6…`) is read as Dutch; other countries need their `+` prefix.
 * Fixed lines are refused: an SMS would never arrive.
 */
export function normaliseMobile(input: string): string | null {
  const raw = input.trim();
  if (!raw || raw.length > 30 || !/^[+\d][\d\s().-]*$/.test(raw)) return null;
  const parsed = parsePhoneNumberFromString(raw.replace(/^00/, '+'), 'NL');
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return parsed.number;
}

/** `+31612345678` → `+31 6 ••• ••• 78`: enough for the user to recognise the number, not enough to learn it. */
export function maskMobile(e164: string): string {
  return `${e164.slice(0, 3)} ${e164.slice(3, 4)} ••• ••• ${e164.slice(-2)}`;
}
