import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** The page body for a link that can no longer be used: heading, explanation, next step. */
@Component({
  selector: 'app-expired-link',
  imports: [MatButtonModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t(headingKey()) }}</h1>
      <p>{{ t(textKey()) }}</p>
      <div class="form-actions">
        @if (requestNewLink()) {
          <a mat-flat-button routerLink="/password-link">{{ t('setPassword.requestNew') }}</a>
        } @else {
          <a mat-stroked-button routerLink="/login">{{ t('common.backToLogin') }}</a>
        }
      </div>
    </ng-container>
  `,
})
export class ExpiredLink {
  readonly headingKey = input.required<string>();
  readonly textKey = input.required<string>();
  /** Offer "Nieuwe link aanvragen" (/password-link) instead of going back to sign in. */
  readonly requestNewLink = input(false);
}
