import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../../core/errors/api-error';
import { FormSubmission } from '../../../core/errors/form-errors';
import { SessionStore } from '../../../core/session/session.store';
import { SendLoginCodeBySmsGQL, VerifySecondFactorGQL } from '../../../graphql/generated';
import { focusAfterRender } from '../../../shared/a11y/focus';
import { ErrorAlert } from '../../../shared/feedback/error-alert';
import { StatusMessage } from '../../../shared/feedback/status-message';
import { normaliseOneTimeCode, oneTimeCodeControl } from '../../../shared/two-factor/one-time-code';
import { OneTimeCodeField } from '../../../shared/two-factor/one-time-code-field';
import { AuthFlow } from '../auth-flow';

type Mode = 'code' | 'recovery';

/** As printed: `ABCDE-FGHJK`; also without the dash or with a space. */
const RECOVERY_CODE = /^\s*[A-Za-z0-9]{5}[\s-]?[A-Za-z0-9]{5}\s*$/;

/**
 * The second step of a login: a code from the authenticator app or an SMS, or a recovery
 * code. SMS users got their code when the password was accepted; app users with a known
 * mobile number can ask for one instead. The server ends the half-finished sign-in after too
 * many wrong codes, which brings the user back to /login.
 */
@Component({
  selector: 'app-second-factor-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    ErrorAlert,
    StatusMessage,
    OneTimeCodeField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './second-factor-page.html',
  styles: `
    .secondary-actions { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-block: 8px 16px; }
  `,
})
export class SecondFactorPage {
  private readonly verifyGql = inject(VerifySecondFactorGQL);
  private readonly sendSmsGql = inject(SendLoginCodeBySmsGQL);
  private readonly authFlow = inject(AuthFlow);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  /** The route guard lets only a session at this step in. */
  private readonly pending = inject(SessionStore).pendingSignIn;
  protected readonly smsAvailable = computed(() => this.pending()?.smsAvailable ?? false);
  protected readonly maskedNumber = computed(() => this.pending()?.maskedMobileNumber ?? '');

  protected readonly mode = signal<Mode>('code');
  /** SMS users were sent a code with the accepted password; app users once they ask. */
  protected readonly smsSent = signal(this.pending()?.secondFactor === 'SMS' && this.smsAvailable());
  protected readonly smsStatus = signal<string | null>(null);
  protected readonly sendError = signal<UiError | null>(null);
  protected readonly sending = signal(false);

  protected readonly introKey = computed(() => {
    if (this.mode() === 'recovery') {
      return 'secondFactor.recoveryIntro';
    }
    if (this.smsSent()) {
      return 'secondFactor.smsIntro';
    }
    return this.pending()?.secondFactor === 'TOTP' ? 'secondFactor.totpIntro' : 'secondFactor.codeIntro';
  });

  protected readonly form = new FormGroup({
    code: oneTimeCodeControl(),
    recoveryCode: new FormControl(
      { value: '', disabled: true },
      { nonNullable: true, validators: [Validators.required, Validators.pattern(RECOVERY_CODE)] },
    ),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected toggleMode(): void {
    const next: Mode = this.mode() === 'code' ? 'recovery' : 'code';
    const [on, off] =
      next === 'recovery'
        ? [this.form.controls.recoveryCode, this.form.controls.code]
        : [this.form.controls.code, this.form.controls.recoveryCode];
    off.reset();
    off.disable();
    on.enable();
    this.submission.error.set(null);
    this.mode.set(next);
    focusAfterRender(this.host, next === 'recovery' ? '#recovery-code-input' : '#one-time-code', this.injector);
  }

  protected async sendSms(): Promise<void> {
    if (this.sending()) {
      return;
    }
    this.sending.set(true);
    this.sendError.set(null);
    this.smsStatus.set(null);
    try {
      await firstValueFrom(this.sendSmsGql.mutate());
      this.smsSent.set(true);
      this.smsStatus.set('secondFactor.smsSent');
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.code === 'UNAUTHENTICATED') {
        await this.authFlow.abandon('signInEnded');
        return;
      }
      this.sendError.set(describeError(apiError, { RATE_LIMITED: 'errors.smsRateLimited' }));
    } finally {
      this.sending.set(false);
    }
  }

  protected submit(): Promise<void> {
    const recovery = this.mode() === 'recovery';
    return this.submission.run(
      async () => {
        const code = recovery
          ? this.form.controls.recoveryCode.value.trim().toUpperCase()
          : normaliseOneTimeCode(this.form.controls.code.value);
        const result = await firstValueFrom(this.verifyGql.mutate({ variables: { code } }));
        const authResult = result.data?.verifySecondFactor;
        if (!authResult) {
          this.submission.error.set({ key: 'errors.generic', reasons: [] });
          return;
        }
        await this.authFlow.completeStep(authResult);
      },
      (apiError) => {
        if (apiError.code === 'UNAUTHENTICATED') {
          void this.authFlow.abandon('signInEnded');
          return true;
        }
        if (apiError.code === 'INVALID_CODE') {
          this.submission.error.set({
            key: recovery ? 'secondFactor.invalidRecoveryCode' : 'errors.invalidCode',
            reasons: [],
          });
          return true;
        }
        return false;
      },
    );
  }

  protected abandon(): Promise<void> {
    return this.authFlow.abandon();
  }
}
