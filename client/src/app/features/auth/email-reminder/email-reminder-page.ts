import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { FormSubmission, controlErrorKey } from '../../../core/errors/form-errors';
import { RequestEmailReminderGQL } from '../../../graphql/generated';
import { ErrorAlert } from '../../../shared/feedback/error-alert';
import { mobileNumberValidator } from '../../../shared/forms/mobile-number';

/**
 * "E-mailadres vergeten" (seed 004): the login address by SMS to a registered mobile number.
 * The confirmation is the same whether or not the number is known (no account enumeration).
 */
@Component({
  selector: 'app-email-reminder-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoDirective, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('emailReminder.heading') }}</h1>
      <div role="status" class="status-message" [class.has-message]="sent()">
        @if (sent()) {
          <div>
            <p #confirmation tabindex="-1" class="confirmation">{{ t('emailReminder.sent') }}</p>
            <p class="confirmation">{{ t('emailReminder.noSms') }}</p>
          </div>
        }
      </div>
      @if (!sent()) {
        <p id="email-reminder-intro">{{ t('emailReminder.intro') }}</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="submission.busy()">
          <app-error-alert [error]="submission.error()" alertId="email-reminder-error" />
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>{{ t('emailReminder.mobile') }}</mat-label>
            <input
              matInput
              id="mobile-number"
              name="mobile-number"
              type="tel"
              autocomplete="tel"
              formControlName="mobileNumber"
              required
              aria-describedby="email-reminder-intro"
            />
            <mat-hint>{{ t('common.mobileHint') }}</mat-hint>
            @if (controlErrorKey(form.controls.mobileNumber); as key) {
              <mat-error>{{ t(key) }}</mat-error>
            }
          </mat-form-field>
          <div class="form-actions">
            <button mat-flat-button type="submit">{{ t('emailReminder.submit') }}</button>
          </div>
        </form>
      }
      <p class="back-link"><a routerLink="/login">{{ t('common.backToLogin') }}</a></p>
    </ng-container>
  `,
})
export class EmailReminderPage {
  private readonly reminderGql = inject(RequestEmailReminderGQL);
  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');

  protected readonly controlErrorKey = controlErrorKey;
  protected readonly sent = signal(false);
  protected readonly form = new FormGroup({
    mobileNumber: new FormControl('', { nonNullable: true, validators: [Validators.required, mobileNumberValidator] }),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): Promise<void> {
    return this.submission.run(async () => {
      const mobileNumber = this.form.controls.mobileNumber.value.trim();
      await firstValueFrom(this.reminderGql.mutate({ variables: { mobileNumber } }));
      this.sent.set(true);
      // The form (and the focused button) is gone: put focus on the confirmation.
      setTimeout(() => this.confirmation()?.nativeElement.focus());
    });
  }
}
