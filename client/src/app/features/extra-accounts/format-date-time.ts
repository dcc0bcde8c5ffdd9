import type { UiLanguage } from '../../core/i18n/language.service';

/** A moment in the interface language, e.g. "3 maart 2026 om 14:05" / "3 March 2026 at 14:05". */
export function formatDateTime(value: string, language: UiLanguage): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(value),
  );
}
