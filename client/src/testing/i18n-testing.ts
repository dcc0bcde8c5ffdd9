import { EnvironmentProviders, importProvidersFrom } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { en } from '../app/core/i18n/en';
import { nl } from '../app/core/i18n/nl';

/** The real NL/EN texts, preloaded, for component tests (assertions use the Dutch wording). */
export function provideTranslocoTesting(): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: { nl, en },
      translocoConfig: { availableLangs: ['nl', 'en'], defaultLang: 'nl', reRenderOnLangChange: true },
      preloadLangs: true,
    }),
  );
}
