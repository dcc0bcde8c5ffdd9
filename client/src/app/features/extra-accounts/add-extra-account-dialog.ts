import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { FormSubmission, controlErrorKey } from '../../core/errors/form-errors';
import { UI_LANGUAGES, toApiLanguage } from '../../core/i18n/language.service';
import { SessionStore } from '../../core/session/session.store';
import { AddExtraAccountGQL, type ExtraAccountFieldsFragment, type Language } from '../../graphql/generated';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { mobileNumberValidator } from '../../shared/forms/mobile-number';

/**
 * "Extra account toevoegen": name, e-mail address, optional mobile number and language →
 * `addExtraAccount`, which sends the invitation. Closes with the new account.
 */
@Component({
  selector: 'app-add-extra-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    TranslocoDirective,
    ErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('extraAccounts.form.heading') }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="submission.busy()">
        <mat-dialog-content>
          <p>{{ t('extraAccounts.form.intro') }}</p>
          <app-error-alert [error]="submission.error()" alertId="add-extra-account-error" />
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>{{ t('extraAccounts.form.name') }}</mat-label>
            <input matInput id="extra-account-name" name="name" autocomplete="off" formControlName="displayName" required />
            @if (controlErrorKey(form.controls.displayName); as key) {
              <mat-error>{{ t(key) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>{{ t('extraAccounts.form.email') }}</mat-label>
            <input
              matInput
              id="extra-account-email"
              name="email"
              type="email"
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              formControlName="email"
              required
            />
            @if (controlErrorKey(form.controls.email); as key) {
              <mat-error>{{ t(key) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>{{ t('extraAccounts.form.mobile') }}</mat-label>
            <input matInput id="extra-account-mobile" name="mobile" type="tel" autocomplete="off" formControlName="mobileNumber" />
            <mat-hint>{{ t('common.mobileHint') }}</mat-hint>
            @if (controlErrorKey(form.controls.mobileNumber); as key) {
              <mat-error>{{ t(key) }}</mat-error>
            }
          </mat-form-field>
          <p id="extra-account-language-label" class="group-label">{{ t('extraAccounts.form.language') }}</p>
          <p id="extra-account-language-hint" class="group-hint">{{ t('extraAccounts.form.languageHint') }}</p>
          <mat-radio-group
            class="language-options"
            formControlName="language"
            aria-labelledby="extra-account-language-label"
            aria-describedby="extra-account-language-hint"
          >
            @for (option of languages; track option.code) {
              <mat-radio-button [id]="'extra-account-language-' + option.code" [value]="option.value" [attr.lang]="option.code">
                {{ option.label }}
              </mat-radio-button>
            }
          </mat-radio-group>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit">{{ t('extraAccounts.form.submit') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .group-label { margin: 8px 0 0; font-weight: 500; }
    .group-hint { margin: 0 0 8px; color: var(--mat-sys-on-surface-variant); }
    .language-options { display: flex; gap: 16px; flex-wrap: wrap; }
  `,
})
export class AddExtraAccountDialog {
  private readonly addGql = inject(AddExtraAccountGQL);
  private readonly dialogRef = inject<MatDialogRef<AddExtraAccountDialog, ExtraAccountFieldsFragment>>(MatDialogRef);

  protected readonly controlErrorKey = controlErrorKey;
  protected readonly languages = UI_LANGUAGES.map((l) => ({ ...l, value: toApiLanguage(l.code) }));
  /** Field names as the server names them in `extensions.fields`, so its errors land on them. */
  protected readonly form = new FormGroup({
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email, Validators.maxLength(254)],
    }),
    mobileNumber: new FormControl('', { nonNullable: true, validators: [mobileNumberValidator] }),
    language: new FormControl<Language>(inject(SessionStore).me()?.language ?? 'NL', { nonNullable: true }),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): Promise<void> {
    return this.submission.run(async () => {
      const { displayName, email, mobileNumber, language } = this.form.getRawValue();
      const input = {
        displayName: displayName.trim(),
        email: email.trim(),
        mobileNumber: mobileNumber.trim() || null,
        language,
      };
      const result = await firstValueFrom(this.addGql.mutate({ variables: { input } }));
      const account = result.data?.addExtraAccount;
      if (!account) {
        this.submission.error.set({ key: 'errors.generic', reasons: [] });
        return;
      }
      this.dialogRef.close(account);
    });
  }
}
