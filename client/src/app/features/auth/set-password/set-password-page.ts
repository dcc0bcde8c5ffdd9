import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { FormSubmission } from '../../../core/errors/form-errors';
import { SessionStore } from '../../../core/session/session.store';
import { PasswordLinkStateGQL, SetPasswordGQL } from '../../../graphql/generated';
import { ErrorAlert } from '../../../shared/feedback/error-alert';
import { NewPasswordFields, createNewPasswordForm } from '../../../shared/password/new-password-fields';
import { FALLBACK_PASSWORD_POLICY } from '../../../shared/password/password-rules';
import { AuthFlow } from '../auth-flow';
import { ExpiredLink } from '../expired-link';

type PageState = 'checking' | 'form' | 'expired';

/** The set-password link (second e-mail): choose a password, then signed in on "Mijn gegevens". */
@Component({
  selector: 'app-set-password-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, TranslocoDirective, ErrorAlert, ExpiredLink, NewPasswordFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @switch (state()) {
        @case ('checking') {
          <h1>{{ t('setPassword.heading') }}</h1>
          <p role="status">{{ t('setPassword.checking') }}</p>
        }
        @case ('expired') {
          <app-expired-link headingKey="setPassword.expiredHeading" textKey="setPassword.expired" [requestNewLink]="true" />
        }
        @case ('form') {
          <h1>{{ t('setPassword.heading') }}</h1>
          <p>{{ t('setPassword.intro') }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="submission.busy()">
            <app-error-alert [error]="submission.error()" alertId="set-password-error" />
            <app-new-password-fields [form]="form" [policy]="policy()" [visible]="showPassword()" />
            <mat-checkbox class="show-password" [checked]="showPassword()" (change)="showPassword.set($event.checked)">
              {{ t('common.showPassword') }}
            </mat-checkbox>
            <div class="form-actions">
              <button mat-flat-button type="submit">{{ t('setPassword.submit') }}</button>
            </div>
          </form>
        }
      }
    </ng-container>
  `,
})
export class SetPasswordPage implements OnInit {
  private readonly linkStateGql = inject(PasswordLinkStateGQL);
  private readonly setPasswordGql = inject(SetPasswordGQL);
  private readonly authFlow = inject(AuthFlow);
  private readonly store = inject(SessionStore);

  /** Route parameter `:token` (component input binding). */
  readonly token = input.required<string>();

  protected readonly state = signal<PageState>('checking');
  protected readonly showPassword = signal(false);
  protected readonly policy = computed(() => this.store.portalInfo()?.passwordPolicy ?? FALLBACK_PASSWORD_POLICY);
  protected readonly form = createNewPasswordForm(() => this.policy());
  protected readonly submission = new FormSubmission(this.form);

  async ngOnInit(): Promise<void> {
    try {
      const result = await firstValueFrom(
        this.linkStateGql.fetch({ variables: { token: this.token() }, fetchPolicy: 'no-cache' }),
      );
      this.state.set(result.data?.passwordLinkState === 'VALID' ? 'form' : 'expired');
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.code === 'LINK_INVALID' || apiError.code === 'LINK_EXPIRED') {
        this.state.set('expired');
      } else {
        // Let the user try; setPassword reports an unusable link itself.
        this.state.set('form');
      }
    }
  }

  protected submit(): Promise<void> {
    return this.submission.run(
      async () => {
        const password = this.form.controls.newPassword.value;
        const result = await firstValueFrom(
          this.setPasswordGql.mutate({ variables: { token: this.token(), password } }),
        );
        const authResult = result.data?.setPassword;
        if (!authResult) {
          this.submission.error.set({ key: 'errors.generic', reasons: [] });
          return;
        }
        await this.authFlow.complete(authResult, { via: 'setPassword' });
      },
      (apiError) => {
        const linkGone = apiError.code === 'LINK_EXPIRED' || apiError.code === 'LINK_INVALID';
        if (linkGone) {
          this.state.set('expired');
        }
        return linkGone;
      },
    );
  }
}
