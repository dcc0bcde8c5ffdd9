import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { SessionStore } from '../session/session.store';

/**
 * Route `title`s are translation keys. The document title is "<page> – <firm>" and is
 * re-translated when the language changes, without a navigation.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly session = inject(SessionStore);
  private titleKey: string | undefined;

  constructor() {
    super();
    this.transloco.langChanges$.subscribe(() => this.apply());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.titleKey = this.buildTitle(snapshot);
    this.apply();
  }

  private apply(): void {
    const site: string = this.session.portalInfo()?.firmName || this.transloco.translate<string>('app.name');
    const page: string = this.titleKey ? this.transloco.translate<string>(this.titleKey) : '';
    this.title.setTitle(page ? `${page} – ${site}` : site);
  }
}
