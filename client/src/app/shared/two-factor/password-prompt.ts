import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { FormSubmission } from '../../core/errors/form-errors';
import { ErrorAlert } from '../feedback/error-alert';

/** When the password is asked again, INVALID_CREDENTIALS can only mean it was mistyped. */
const PASSWORD_PROMPT_MESSAGES = { INVALID_CREDENTIALS: 'errors.wrongPassword' };

/**
 * "Vul ter bevestiging uw wachtwoord in": asks the password before a sensitive change and
 * hands it to `confirm` (confirmPassword, disableTwoFactor, regenerateRecoveryCodes). What
 * `confirm` throws is shown here; a wrong password keeps the form.
 */
@Component({
  selector: 'app-password-prompt',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    ErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="submission.busy()" *transloco="let t">
      <p [id]="inputId() + '-intro'">{{ t(introKey()) }}</p>
      <app-error-alert [error]="submission.error()" [alertId]="inputId() + '-error'" />
      <mat-form-field appearance="outline" class="full-width">
        <mat-label>{{ t('twoFactor.password.label') }}</mat-label>
        <input
          matInput
          [id]="inputId()"
          name="password"
          [type]="visible() ? 'text' : 'password'"
          autocomplete="current-password"
          autocapitalize="off"
          spellcheck="false"
          formControlName="password"
          required
          [aria-describedby]="inputId() + '-intro'"
        />
        @if (form.controls.password.hasError('required')) {
          <mat-error>{{ t('common.required') }}</mat-error>
        }
      </mat-form-field>
      <mat-checkbox class="show-password" [checked]="visible()" (change)="visible.set($event.checked)">
        {{ t('common.showPassword') }}
      </mat-checkbox>
      <div class="form-actions">
        <button mat-flat-button type="submit">{{ t(submitLabel()) }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ t('common.cancel') }}</button>
      </div>
    </form>
  `,
})
export class PasswordPrompt {
  /** Does the work with the password; the prompt shows what it throws. */
  readonly confirm = input.required<(password: string) => Promise<void>>();
  readonly introKey = input('twoFactor.password.intro');
  readonly submitLabel = input('twoFactor.password.submit');
  /** Id of the password input (the prompt's other ids derive from it). */
  readonly inputId = input('confirm-password');
  readonly cancelled = output<void>();

  protected readonly visible = signal(false);
  protected readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = new FormSubmission(this.form, PASSWORD_PROMPT_MESSAGES);

  protected submit(): Promise<void> {
    // The password is used exactly as typed, never trimmed.
    return this.submission.run(() => this.confirm()(this.form.controls.password.value));
  }
}
