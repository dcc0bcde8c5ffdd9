import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { EmailLinkForm } from '../email-link-form';

/** "Wachtwoord vergeten" / "Instellen wachtwoord": ask for a set-password link by e-mail. */
@Component({
  selector: 'app-password-link-page',
  imports: [TranslocoDirective, EmailLinkForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('passwordLink.heading') }}</h1>
      <p>{{ t('passwordLink.intro') }}</p>
      <app-email-link-form />
    </ng-container>
  `,
})
export class PasswordLinkPage {}
