import { EnvironmentProviders, isDevMode } from '@angular/core';
import { provideTransloco } from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, UI_LANGUAGES } from './language.service';
import { BundledTranslationLoader } from './translation-loader';

export function provideI18n(): EnvironmentProviders[] {
  return provideTransloco({
    config: {
      availableLangs: UI_LANGUAGES.map((l) => l.code),
      defaultLang: DEFAULT_LANGUAGE,
      fallbackLang: DEFAULT_LANGUAGE,
      reRenderOnLangChange: true,
      prodMode: !isDevMode(),
      missingHandler: { logMissingKey: isDevMode(), useFallbackTranslation: true },
    },
    loader: BundledTranslationLoader,
  });
}
