import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Language } from '../../graphql/generated';

export type UiLanguage = 'nl' | 'en';

export const UI_LANGUAGES: readonly { code: UiLanguage; label: string }[] = [
  { code: 'nl', label: 'Nederlands' },
  { code: 'en', label: 'English' },
];

export const DEFAULT_LANGUAGE: UiLanguage = 'nl';

/** localStorage key for the anonymous visitor's language choice: the only thing the client stores. */
export const LANGUAGE_STORAGE_KEY = 'dossierportaal.language';

export function toApiLanguage(language: UiLanguage): Language {
  return language === 'en' ? 'EN' : 'NL';
}

export function fromApiLanguage(language: Language): UiLanguage {
  return language === 'EN' ? 'en' : 'nl';
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'nl' || value === 'en';
}

/**
 * The interface language. Switching is live (no reload) and keeps `<html lang>` in step.
 * Dutch by default; a signed-in account's language wins over the stored anonymous choice.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly currentLanguage = signal<UiLanguage>(DEFAULT_LANGUAGE);
  readonly current = this.currentLanguage.asReadonly();

  /** The language remembered from an earlier anonymous choice, or the default. */
  storedPreference(): UiLanguage {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isUiLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  }

  /** Switches the interface; `remember` stores the choice (only for anonymous visitors). */
  async use(language: UiLanguage, options: { remember?: boolean } = {}): Promise<void> {
    await firstValueFrom(this.transloco.load(language));
    this.transloco.setActiveLang(language);
    this.document.documentElement.lang = language;
    this.currentLanguage.set(language);
    if (options.remember) {
      try {
        this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
      } catch {
        // Storage may be unavailable (private mode, policy); the switch itself still applies.
      }
    }
  }

  useAccountLanguage(language: Language): Promise<void> {
    return this.use(fromApiLanguage(language));
  }
}
