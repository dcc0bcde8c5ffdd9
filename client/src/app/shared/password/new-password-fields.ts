import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  FormGroupDirective,
  NgForm,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { startWith, switchMap } from 'rxjs';
import { PasswordRulesChecklist } from './password-rules-checklist';
import { PasswordPolicy, passwordPolicyValidator } from './password-rules';

export type NewPasswordForm = FormGroup<{
  newPassword: FormControl<string>;
  repeatPassword: FormControl<string>;
}>;

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const { newPassword, repeatPassword } = (group as NewPasswordForm).getRawValue();
  return repeatPassword !== '' && newPassword !== repeatPassword ? { mismatch: true } : null;
}

/** New password + repeat, validated against the policy. Values are used exactly as typed. */
export function createNewPasswordForm(policy: () => PasswordPolicy): NewPasswordForm {
  return new FormGroup(
    {
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, passwordPolicyValidator(policy)],
      }),
      repeatPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: passwordsMatch },
  );
}

/** Shows the repeat field in error when the two passwords differ (a group-level error). */
class RepeatErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    const invalid = !!control && (control.invalid || !!control.parent?.hasError('mismatch'));
    return invalid && (!!control?.touched || !!form?.submitted);
  }
}

/** The shared "new password" block: field, live rules checklist, repeat field. */
@Component({
  selector: 'app-new-password-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslocoDirective, PasswordRulesChecklist],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div [formGroup]="form()" class="new-password-fields" *transloco="let t">
      <mat-form-field appearance="outline" class="full-width">
        <mat-label>{{ t('password.new') }}</mat-label>
        <input
          matInput
          id="new-password"
          name="new-password"
          [type]="visible() ? 'text' : 'password'"
          autocomplete="new-password"
          autocapitalize="off"
          spellcheck="false"
          formControlName="newPassword"
          required
          aria-describedby="new-password-rules"
        />
        @if (form().controls.newPassword.hasError('required')) {
          <mat-error>{{ t('common.required') }}</mat-error>
        } @else if (form().controls.newPassword.hasError('passwordPolicy')) {
          <mat-error>{{ t('password.notAllRulesMet') }}</mat-error>
        } @else if (form().controls.newPassword.hasError('server')) {
          <mat-error>{{ t('common.fieldInvalid') }}</mat-error>
        }
      </mat-form-field>

      <app-password-rules-checklist [policy]="policy()" [password]="newPassword()" rulesId="new-password-rules" />

      <mat-form-field appearance="outline" class="full-width">
        <mat-label>{{ t('password.repeat') }}</mat-label>
        <input
          matInput
          id="repeat-password"
          name="repeat-password"
          [type]="visible() ? 'text' : 'password'"
          autocomplete="new-password"
          autocapitalize="off"
          spellcheck="false"
          formControlName="repeatPassword"
          required
          [errorStateMatcher]="repeatMatcher"
        />
        @if (form().controls.repeatPassword.hasError('required')) {
          <mat-error>{{ t('common.required') }}</mat-error>
        } @else if (form().hasError('mismatch')) {
          <mat-error>{{ t('password.mismatch') }}</mat-error>
        }
      </mat-form-field>
    </div>
  `,
})
export class NewPasswordFields {
  readonly form = input.required<NewPasswordForm>();
  readonly policy = input.required<PasswordPolicy>();
  /** Shows the passwords as plain text (the parent's "Wachtwoord tonen" checkbox). */
  readonly visible = input(false);

  protected readonly repeatMatcher = new RepeatErrorStateMatcher();
  protected readonly newPassword = toSignal(
    toObservable(this.form).pipe(
      switchMap((form) => form.controls.newPassword.valueChanges.pipe(startWith(form.controls.newPassword.value))),
    ),
    { initialValue: '' },
  );
}
