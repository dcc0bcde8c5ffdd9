import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SIGNED_IN_HOME } from '../../../core/guards/auth.guards';
import { NoticeService } from '../../../core/notice/notice.service';
import { SessionService } from '../../../core/session/session.service';
import { SessionStore } from '../../../core/session/session.store';
import { ChangePasswordForm } from '../../../shared/change-password/change-password-form';

/** The password has expired (seed 004): a new one must be chosen before anything else. */
@Component({
  selector: 'app-password-change-page',
  imports: [TranslocoDirective, ChangePasswordForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('passwordChange.heading') }}</h1>
      <p>{{ t('passwordChange.intro') }}</p>
      <app-change-password-form submitLabel="passwordChange.submit" (changed)="onChanged()" />
    </ng-container>
  `,
})
export class PasswordChangePage {
  private readonly session = inject(SessionService);
  private readonly store = inject(SessionStore);
  private readonly notices = inject(NoticeService);
  private readonly router = inject(Router);

  protected async onChanged(): Promise<void> {
    await this.session.load();
    if (this.store.signedIn()) {
      await this.router.navigateByUrl(SIGNED_IN_HOME);
    } else {
      // The server ended the restricted session: sign in with the new password.
      this.store.setPendingSignIn(null);
      this.notices.show('passwordChangedSignIn');
      await this.router.navigateByUrl('/login');
    }
  }
}
