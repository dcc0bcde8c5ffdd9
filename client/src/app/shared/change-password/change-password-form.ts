import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { FormSubmission } from '../../core/errors/form-errors';
import { SessionStore } from '../../core/session/session.store';
import { ChangePasswordGQL } from '../../graphql/generated';
import { ErrorAlert } from '../feedback/error-alert';
import { NewPasswordFields, createNewPasswordForm } from '../password/new-password-fields';
import { FALLBACK_PASSWORD_POLICY } from '../password/password-rules';

/** On a password change, INVALID_CREDENTIALS can only mean the current password was wrong. */
const CHANGE_PASSWORD_MESSAGES = { INVALID_CREDENTIALS: 'errors.wrongCurrentPassword' };

/**
 * Current password + new password (with the live rules) + repeat → `changePassword`.
 * Used by the forced change after login and by "Mijn gegevens"; emits `changed` on success.
 */
@Component({
  selector: 'app-change-password-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    ErrorAlert,
    NewPasswordFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="submission.busy()" *transloco="let t">
      <app-error-alert [error]="submission.error()" alertId="change-password-error" />
      <mat-form-field appearance="outline" class="full-width">
        <mat-label>{{ t('password.current') }}</mat-label>
        <input
          matInput
          id="current-password"
          name="current-password"
          [type]="visible() ? 'text' : 'password'"
          autocomplete="current-password"
          autocapitalize="off"
          spellcheck="false"
          formControlName="currentPassword"
          required
        />
        @if (form.controls.currentPassword.hasError('required')) {
          <mat-error>{{ t('common.required') }}</mat-error>
        } @else if (form.controls.currentPassword.hasError('server')) {
          <mat-error>{{ t('common.fieldInvalid') }}</mat-error>
        }
      </mat-form-field>

      <app-new-password-fields [form]="form.controls.passwords" [policy]="policy()" [visible]="visible()" />

      <mat-checkbox class="show-password" [checked]="visible()" (change)="visible.set($event.checked)">
        {{ t('common.showPassword') }}
      </mat-checkbox>

      <div class="form-actions">
        <button mat-flat-button type="submit">{{ t(submitLabel()) }}</button>
      </div>
    </form>
  `,
})
export class ChangePasswordForm {
  private readonly changePasswordGql = inject(ChangePasswordGQL);
  private readonly store = inject(SessionStore);

  /** Translation key of the submit button's text. */
  readonly submitLabel = input('myDetails.password.submit');
  readonly changed = output<void>();

  protected readonly policy = computed(() => this.store.portalInfo()?.passwordPolicy ?? FALLBACK_PASSWORD_POLICY);
  protected readonly visible = signal(false);

  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    passwords: createNewPasswordForm(() => this.policy()),
  });
  protected readonly submission = new FormSubmission(this.form, CHANGE_PASSWORD_MESSAGES);

  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected submit(): Promise<void> {
    return this.submission.run(async () => {
      const { currentPassword, passwords } = this.form.getRawValue();
      const result = await firstValueFrom(
        this.changePasswordGql.mutate({ variables: { currentPassword, newPassword: passwords.newPassword } }),
      );
      if (!result.data?.changePassword) {
        this.submission.error.set({ key: 'errors.generic', reasons: [] });
        return;
      }
      // resetForm also clears `submitted`, so the emptied fields do not show errors.
      this.formDirective().resetForm();
      this.visible.set(false);
      this.changed.emit();
    });
  }
}
