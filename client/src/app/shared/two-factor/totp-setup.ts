import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  inject,
  output,
  signal,
} from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { DomSanitizer, SafeHtml, SafeUrl } from '@angular/platform-browser';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import { FormSubmission } from '../../core/errors/form-errors';
import { ConfirmTotpSetupGQL, StartTotpSetupGQL } from '../../graphql/generated';
import { focusAfterRender } from '../a11y/focus';
import { ErrorAlert } from '../feedback/error-alert';
import { StatusMessage } from '../feedback/status-message';
import { normaliseOneTimeCode, oneTimeCodeControl } from './one-time-code';
import { OneTimeCodeField } from './one-time-code-field';
import { PasswordConfirmation } from './password-confirmation';
import { PasswordPrompt } from './password-prompt';

type Step = 'password' | 'starting' | 'scan';

interface Enrolment {
  secret: string;
  /** The secret in blocks of four, as people type it over. */
  groupedSecret: string;
  qrCode: SafeHtml;
  otpauthUri: SafeUrl;
}

/** "ABCDEFGHIJ" → "ABCD EFGH IJ". */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * 2-step verification with an authenticator app (seed 004): the password first when it was
 * not confirmed in the last minutes, then a new secret as QR code and as text, then a code
 * from the app to confirm; emits the new recovery codes.
 */
@Component({
  selector: 'app-totp-setup',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatIconModule,
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
          <app-password-prompt inputId="two-factor-password" [confirm]="confirmPassword" (cancelled)="cancelled.emit()" />
        }
        @case ('starting') {
          <app-error-alert [error]="startError()" alertId="totp-start-error" />
          @if (!startError()) {
            <p role="status">{{ t('twoFactor.totp.starting') }}</p>
          }
          <div class="form-actions">
            <button mat-button type="button" (click)="cancelled.emit()">{{ t('common.cancel') }}</button>
          </div>
        }
        @case ('scan') {
          @if (enrolment(); as e) {
            <ol class="totp-steps" tabindex="-1">
              <li>{{ t('twoFactor.totp.step1') }}</li>
              <li>
                {{ t('twoFactor.totp.step2') }}
                <div class="totp-qr" role="img" [attr.aria-label]="t('twoFactor.totp.qrLabel')" [innerHTML]="e.qrCode"></div>
                <p><a [href]="e.otpauthUri">{{ t('twoFactor.totp.openInApp') }}</a></p>
                <p class="secret-row">
                  <span id="totp-secret-label">{{ t('twoFactor.totp.secret') }}:</span>
                  <code class="secret" data-testid="totp-secret" aria-labelledby="totp-secret-label">{{ e.groupedSecret }}</code>
                  <button mat-stroked-button type="button" (click)="copySecret(e.secret)">
                    <mat-icon aria-hidden="true">content_copy</mat-icon>
                    {{ t('twoFactor.totp.copySecret') }}
                  </button>
                </p>
                <app-status-message [messageKey]="status()" />
              </li>
              <li id="totp-code-intro">{{ t('twoFactor.totp.step3') }}</li>
            </ol>
            <form [formGroup]="codeForm" (ngSubmit)="confirmCode()" novalidate [attr.aria-busy]="codeSubmission.busy()">
              <app-error-alert [error]="codeSubmission.error()" alertId="totp-code-error" />
              <app-one-time-code-field
                [control]="codeForm.controls.code"
                inputId="totp-code"
                labelKey="twoFactor.totp.code"
                describedBy="totp-code-intro"
              />
              <div class="form-actions">
                <button mat-flat-button type="submit">{{ t('twoFactor.totp.confirm') }}</button>
                <button mat-button type="button" (click)="cancelled.emit()">{{ t('common.cancel') }}</button>
              </div>
            </form>
          }
        }
      }
    </ng-container>
  `,
  styles: `
    .totp-steps { padding-inline-start: 24px; margin: 0 0 16px; }
    .totp-steps li { margin-block-end: 12px; }
    .totp-qr { width: 200px; max-width: 100%; margin-block: 12px; background: #fff; }
    .secret-row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
    .secret { font-size: 1.1rem; letter-spacing: 0.08em; overflow-wrap: anywhere; }
  `,
})
export class TotpSetup implements OnInit {
  private readonly startGql = inject(StartTotpSetupGQL);
  private readonly confirmGql = inject(ConfirmTotpSetupGQL);
  private readonly confirmation = inject(PasswordConfirmation);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly clipboard = inject(Clipboard);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  /** The app is linked: the new recovery codes. */
  readonly confirmed = output<string[]>();
  readonly cancelled = output<void>();

  protected readonly step = signal<Step>('starting');
  protected readonly enrolment = signal<Enrolment | null>(null);
  protected readonly startError = signal<UiError | null>(null);
  protected readonly status = signal<string | null>(null);

  protected readonly codeForm = new FormGroup({
    code: oneTimeCodeControl(),
  });
  protected readonly codeSubmission = new FormSubmission(this.codeForm, { INVALID_CODE: 'twoFactor.totp.invalidCode' });

  protected readonly confirmPassword = async (password: string): Promise<void> => {
    await this.confirmation.confirm(password);
    await this.start();
  };

  ngOnInit(): void {
    if (this.confirmation.isFresh()) {
      void this.start();
    } else {
      this.goTo('password', '#two-factor-password');
    }
  }

  protected copySecret(secret: string): void {
    this.status.set(null);
    if (this.clipboard.copy(secret)) {
      this.status.set('twoFactor.totp.secretCopied');
    }
  }

  protected confirmCode(): Promise<void> {
    return this.codeSubmission.run(async () => {
      const code = normaliseOneTimeCode(this.codeForm.controls.code.value);
      const result = await firstValueFrom(this.confirmGql.mutate({ variables: { code } }));
      const recovery = result.data?.confirmTotpSetup;
      if (!recovery) {
        this.codeSubmission.error.set({ key: 'errors.generic', reasons: [] });
        return;
      }
      this.confirmed.emit(recovery.codes);
    });
  }

  /** A new secret; the QR code is the server's SVG (from the qrcode library), shown as is. */
  private async start(): Promise<void> {
    this.startError.set(null);
    this.step.set('starting');
    try {
      const result = await firstValueFrom(this.startGql.mutate());
      const setup = result.data?.startTotpSetup;
      if (!setup) {
        this.startError.set({ key: 'errors.generic', reasons: [] });
        return;
      }
      this.enrolment.set({
        secret: setup.secret,
        groupedSecret: groupSecret(setup.secret),
        qrCode: this.sanitizer.bypassSecurityTrustHtml(setup.qrCodeSvg),
        otpauthUri: this.sanitizer.bypassSecurityTrustUrl(setup.otpauthUri),
      });
      this.goTo('scan', '.totp-steps');
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'REAUTHENTICATION_REQUIRED') {
        this.confirmation.expire();
        this.goTo('password', '#two-factor-password');
      } else {
        this.startError.set(describeError(error));
      }
    }
  }

  private goTo(step: Step, focus: string): void {
    this.step.set(step);
    focusAfterRender(this.host, focus, this.injector);
  }
}
