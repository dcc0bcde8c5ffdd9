import type { UiLanguage } from '../../core/i18n/language.service';

function locale(language: UiLanguage): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/** A day in the interface language: "3 mrt 2026" / "3 Mar 2026". */
export function formatDate(value: string, language: UiLanguage): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium' }).format(new Date(value));
}

/** A moment in the interface language: "3 mrt 2026, 14:05" / "3 Mar 2026, 14:05". */
export function formatDateTimeShort(value: string, language: UiLanguage): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A file size as people read it: binary multiples (1 KB = 1024 bytes, as Windows shows them,
 * so a configured "25 MB" limit reads as 25 MB), one decimal from KB on, the language's
 * decimal separator: "1,2 MB" / "1.2 MB". Whole bytes below 1 KB.
 */
export function formatFileSize(bytes: number, language: UiLanguage): string {
  const size = Math.max(0, bytes);
  let unit = 0;
  let value = size;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // Rounding can carry into the next unit (1023.96 KB → "1024 KB"): show "1 MB" instead.
  if (unit > 0 && unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale(language), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${UNITS[unit]}`;
}
