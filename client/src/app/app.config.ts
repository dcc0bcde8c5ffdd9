import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideGraphql } from './core/apollo/apollo.providers';
import { provideI18n } from './core/i18n/i18n.providers';
import { LanguageService } from './core/i18n/language.service';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';
import { SessionService } from './core/session/session.service';
import { routes } from './app.routes';

/** Before the first route: the interface language, and who is signed in (`me`). */
async function initialiseSession(): Promise<void> {
  const language = inject(LanguageService);
  const session = inject(SessionService);
  inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
  // The anonymous preference first; the account's language (if signed in) then wins.
  await language.use(language.storedPreference());
  await session.load();
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideGraphql(),
    provideI18n(),
    provideAppInitializer(initialiseSession),
  ],
};
