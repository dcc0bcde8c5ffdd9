import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService, UI_LANGUAGES, UiLanguage } from '../i18n/language.service';

/** NL/EN switch for anonymous pages; the choice is remembered on this device. */
@Component({
  selector: 'app-language-switch',
  imports: [MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="language-switch" role="group" [attr.aria-label]="t('language.label')" *transloco="let t">
      @for (option of languages; track option.code) {
        <button
          mat-button
          type="button"
          [attr.lang]="option.code"
          [attr.aria-pressed]="current() === option.code"
          [class.active]="current() === option.code"
          (click)="choose(option.code)"
        >
          {{ option.label }}
        </button>
      }
    </div>
  `,
  styles: `
    .language-switch { display: flex; gap: 4px; }
    button.active { text-decoration: underline; text-underline-offset: 4px; font-weight: 700; }
  `,
})
export class LanguageSwitch {
  private readonly language = inject(LanguageService);
  protected readonly languages = UI_LANGUAGES;
  protected readonly current = this.language.current;

  protected choose(code: UiLanguage): void {
    void this.language.use(code, { remember: true });
  }
}
