import { Injectable } from '@angular/core';
import { TranslocoLoader } from '@jsverse/transloco';
import { Observable, of, throwError } from 'rxjs';
import { en } from './en';
import { nl, Translation } from './nl';

const BUNDLED: Record<string, Translation> = { nl, en };

/** Serves the translations compiled into the bundle: no HTTP request, no flash of keys. */
@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    const translation = BUNDLED[lang];
    return translation ? of(translation) : throwError(() => new Error(`No translation for "${lang}"`));
  }
}
