import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { FormSubmission } from '../../core/errors/form-errors';
import { RequestPasswordLinkGQL } from '../../graphql/generated';
import { ErrorAlert } from '../../shared/feedback/error-alert';

/**
 * E-mail address + "Verstuur" → `requestPasswordLink`. The confirmation is the same whether
 * or not the address is known (no account enumeration).
 */
@Component({
  selector: 'app-email-link-form',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoDirective, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <div role="status" class="status-message" [class.has-message]="sent()">
        @if (sent()) {
          <p #confirmation tabindex="-1" class="confirmation">{{ t('passwordLink.sent') }}</p>
        }
      </div>
      @if (!sent()) {
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="submission.busy()">
          <app-error-alert [error]="submission.error()" alertId="password-link-error" />
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>{{ t('passwordLink.email') }}</mat-label>
            <input
              matInput
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              autocapitalize="off"
              spellcheck="false"
              formControlName="email"
              required
            />
            @if (form.controls.email.hasError('required')) {
              <mat-error>{{ t('common.required') }}</mat-error>
            } @else if (form.controls.email.hasError('email') || form.controls.email.hasError('server')) {
              <mat-error>{{ t('common.emailInvalid') }}</mat-error>
            }
          </mat-form-field>
          <div class="form-actions">
            <button mat-flat-button type="submit">{{ t('passwordLink.submit') }}</button>
          </div>
        </form>
      }
      <p class="back-link"><a routerLink="/login">{{ t('common.backToLogin') }}</a></p>
    </ng-container>
  `,
})
export class EmailLinkForm {
  private readonly requestLinkGql = inject(RequestPasswordLinkGQL);
  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');

  protected readonly sent = signal(false);
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): Promise<void> {
    return this.submission.run(async () => {
      await firstValueFrom(this.requestLinkGql.mutate({ variables: { email: this.form.controls.email.value.trim() } }));
      this.sent.set(true);
      // The form (and the focused button) is gone: put focus on the confirmation.
      setTimeout(() => this.confirmation()?.nativeElement.focus());
    });
  }
}
