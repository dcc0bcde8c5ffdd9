import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionStore } from '../session/session.store';
import { LanguageSwitch } from './language-switch';
import { SkipLink } from './skip-link';

/** Frame of the sign-in pages: firm name, language switch, one centred card. */
@Component({
  selector: 'app-anonymous-layout',
  imports: [RouterOutlet, TranslocoDirective, LanguageSwitch, SkipLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-skip-link />
    <div class="anonymous-frame" *transloco="let t">
      <header class="anonymous-header">
        <span class="brand">{{ firmName() || t('app.name') }}</span>
        <app-language-switch />
      </header>
      <main id="main-content" tabindex="-1" class="anonymous-main">
        <div class="anonymous-card">
          <router-outlet />
        </div>
      </main>
    </div>
  `,
})
export class AnonymousLayout {
  private readonly store = inject(SessionStore);
  protected readonly firmName = computed(() => this.store.portalInfo()?.firmName ?? null);
}
