import { Injectable } from '@angular/core';
import { TranslocoLoader } from '@jsverse/transloco';
import { Observable, from, of, throwError } from 'rxjs';
import { nl, Translation } from './nl';

/**
 * Dutch (the default) is compiled into the initial bundle; English is a lazy chunk fetched
 * when it is first chosen. LanguageService awaits the load before switching, so no keys
 * ever flash on screen.
 */
@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    switch (lang) {
      case 'nl':
        return of(nl);
      case 'en':
        return from(import('./en').then((m) => m.en));
      default:
        return throwError(() => new Error(`No translation for "${lang}"`));
    }
  }
}
