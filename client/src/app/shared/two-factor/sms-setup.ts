import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ApiError, describeError, toApiError } from '../../core/errors/api-error';
import { FormSubmission, controlErrorKey } from '../../core/errors/form-errors';
import { ConfirmSmsVerificationGQL, StartSmsVerificationGQL } from '../../graphql/generated';
import { focusAfterRender } from '../a11y/focus';
import { ErrorAlert } from '../feedback/error-alert';
import { StatusMessage } from '../feedback/status-message';
import { mobileNumberValidator } from '../forms/mobile-number';
import { normaliseOneTimeCode, oneTimeCodeControl } from './one-time-code';
import { OneTimeCodeField } from './one-time-code-field';
import { PasswordConfirmation } from './password-confirmation';
import { PasswordPrompt } from './password-prompt';

type Step = 'password' | 'number' | 'code';

/** What the setup is for: 2-step verification by SMS, or only (another) mobile number. */
export type SmsSetupPurpose = 'twoFactor' | 'mobile';

/** The id of each step's input (its intro and error alert derive theirs from it). */
const IDS: Record<SmsSetupPurpose, Record<Step, string>> = {
  twoFactor: { password: 'two-factor-password', number: 'sms-mobile-number', code: 'sms-code' },
  mobile: { password: 'mobile-confirm-password', number: 'new-mobile-number', code: 'mobile-code' },
};

const SMS_MESSAGES = { RATE_LIMITED: 'errors.smsRateLimited' };

/**
 * A mobile number confirmed with an SMS code (seed: "Na het ingeven van uw mobiele nummer
 * ontvangt u vervolgens een sms-bericht met een code"): the password first when it was not
 * confirmed in the last minutes, then the number, then the code. With purpose `twoFactor`
 * confirming turns on 2-step by SMS and emits the new recovery codes; with `mobile` it only
 * changes the number (and emits none).
 */
@Component({
  selector: 'app-sms-setup',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    ErrorAlert,
    StatusMessage,
    OneTimeCodeField,
    PasswordPrompt,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @switch (step()) {
        @case ('password') {
          <app-password-prompt [inputId]="ids().password" [confirm]="confirmPassword" (cancelled)="cancelled.emit()" />
        }
        @case ('number') {
          <p [id]="ids().number + '-intro'">
            {{ t(purpose() === 'twoFactor' ? 'twoFactor.sms.intro' : 'twoFactor.sms.mobileIntro') }}
          </p>
          <form [formGroup]="numberForm" (ngSubmit)="sendCode()" novalidate [attr.aria-busy]="numberSubmission.busy()">
            <app-error-alert [error]="numberSubmission.error()" [alertId]="ids().number + '-error'" />
            <mat-form-field appearance="outline" class="full-width">
              <mat-label>{{ t('twoFactor.sms.mobile') }}</mat-label>
              <input
                matInput
                [id]="ids().number"
                name="mobile-number"
                type="tel"
                autocomplete="tel"
                formControlName="mobileNumber"
                required
                [aria-describedby]="ids().number + '-intro'"
              />
              <mat-hint>{{ t('common.mobileHint') }}</mat-hint>
              @if (controlErrorKey(numberForm.controls.mobileNumber); as key) {
                <mat-error>{{ t(key) }}</mat-error>
              }
            </mat-form-field>
            <div class="form-actions">
              <button mat-flat-button type="submit">{{ t('twoFactor.sms.send') }}</button>
              <button mat-button type="button" (click)="cancelled.emit()">{{ t('common.cancel') }}</button>
            </div>
          </form>
        }
        @case ('code') {
          <p [id]="ids().code + '-intro'">{{ t('twoFactor.sms.sentTo', { number: sentTo() }) }}</p>
          <app-status-message [messageKey]="status()" [params]="{ number: sentTo() }" />
          <form [formGroup]="codeForm" (ngSubmit)="confirmCode()" novalidate [attr.aria-busy]="codeSubmission.busy()">
            <app-error-alert [error]="codeSubmission.error()" [alertId]="ids().code + '-error'" />
            <app-one-time-code-field
              [control]="codeForm.controls.code"
              [inputId]="ids().code"
              name="sms-code"
              labelKey="twoFactor.sms.code"
              [describedBy]="ids().code + '-intro'"
            />
            <div class="form-actions">
              <button mat-flat-button type="submit">{{ t('twoFactor.sms.confirm') }}</button>
              <button mat-stroked-button type="button" [attr.aria-busy]="resending()" (click)="resend()">
                {{ t('twoFactor.sms.resend') }}
              </button>
              <button mat-button type="button" (click)="goTo('number')">{{ t('twoFactor.sms.otherNumber') }}</button>
              <button mat-button type="button" (click)="cancelled.emit()">{{ t('common.cancel') }}</button>
            </div>
          </form>
        }
      }
    </ng-container>
  `,
})
export class SmsSetup implements OnInit {
  private readonly startGql = inject(StartSmsVerificationGQL);
  private readonly confirmGql = inject(ConfirmSmsVerificationGQL);
  private readonly confirmation = inject(PasswordConfirmation);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  readonly purpose = input<SmsSetupPurpose>('twoFactor');
  /** Prefills the number (the one on the account). */
  readonly initialNumber = input<string | null>(null);
  /** The number is confirmed: the new recovery codes (none when only the number changed). */
  readonly confirmed = output<string[]>();
  readonly cancelled = output<void>();

  protected readonly controlErrorKey = controlErrorKey;
  protected readonly ids = computed(() => IDS[this.purpose()]);
  protected readonly step = signal<Step>('number');
  protected readonly sentTo = signal('');
  protected readonly status = signal<string | null>(null);
  protected readonly resending = signal(false);
  /** Send the code as soon as the password is confirmed (the server asked for it). */
  private sendAfterPassword = false;

  protected readonly numberForm = new FormGroup({
    mobileNumber: new FormControl('', { nonNullable: true, validators: [Validators.required, mobileNumberValidator] }),
  });
  protected readonly numberSubmission = new FormSubmission(this.numberForm, SMS_MESSAGES);
  protected readonly codeForm = new FormGroup({
    code: oneTimeCodeControl(),
  });
  protected readonly codeSubmission = new FormSubmission(this.codeForm, SMS_MESSAGES);

  protected readonly confirmPassword = async (password: string): Promise<void> => {
    await this.confirmation.confirm(password);
    this.goTo('number');
    if (this.sendAfterPassword) {
      this.sendAfterPassword = false;
      await this.sendCode();
    }
  };

  ngOnInit(): void {
    this.numberForm.controls.mobileNumber.setValue(this.initialNumber() ?? '');
    this.goTo(this.confirmation.isFresh() ? 'number' : 'password');
  }

  protected goTo(step: Step): void {
    this.status.set(null);
    this.step.set(step);
    focusAfterRender(this.host, `#${this.ids()[step]}`, this.injector);
  }

  protected sendCode(): Promise<void> {
    return this.numberSubmission.run(
      async () => {
        const mobileNumber = this.numberForm.controls.mobileNumber.value.trim();
        await this.start(mobileNumber);
        this.sentTo.set(mobileNumber);
        this.codeForm.reset();
        this.codeSubmission.error.set(null);
        this.goTo('code');
      },
      (error) => this.askPasswordIfNeeded(error),
    );
  }

  protected async resend(): Promise<void> {
    if (this.resending()) {
      return;
    }
    this.resending.set(true);
    this.status.set(null);
    this.codeSubmission.error.set(null);
    try {
      await this.start(this.sentTo());
      this.status.set('twoFactor.sms.resent');
    } catch (e) {
      const error = toApiError(e);
      if (!this.askPasswordIfNeeded(error)) {
        this.codeSubmission.error.set(describeError(error, SMS_MESSAGES));
      }
    } finally {
      this.resending.set(false);
    }
  }

  protected confirmCode(): Promise<void> {
    return this.codeSubmission.run(async () => {
      const code = normaliseOneTimeCode(this.codeForm.controls.code.value);
      const result = await firstValueFrom(this.confirmGql.mutate({ variables: { code } }));
      const recovery = result.data?.confirmSmsVerification;
      if (!recovery) {
        this.codeSubmission.error.set({ key: 'errors.generic', reasons: [] });
        return;
      }
      this.confirmed.emit(recovery.codes);
    });
  }

  private async start(mobileNumber: string): Promise<void> {
    await firstValueFrom(
      this.startGql.mutate({ variables: { mobileNumber, twoFactor: this.purpose() === 'twoFactor' } }),
    );
  }

  /** REAUTHENTICATION_REQUIRED: ask the password, then send the code again. */
  private askPasswordIfNeeded(error: ApiError): boolean {
    if (error.code !== 'REAUTHENTICATION_REQUIRED') {
      return false;
    }
    this.confirmation.expire();
    this.sendAfterPassword = true;
    this.numberForm.controls.mobileNumber.setValue(this.sentTo() || this.numberForm.controls.mobileNumber.value);
    this.goTo('password');
    return true;
  }
}
