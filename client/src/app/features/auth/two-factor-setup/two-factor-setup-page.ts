import { ChangeDetectionStrategy, Component, ElementRef, Injector, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionStore } from '../../../core/session/session.store';
import { focusAfterRender } from '../../../shared/a11y/focus';
import { ErrorAlert } from '../../../shared/feedback/error-alert';
import { PasswordConfirmation } from '../../../shared/two-factor/password-confirmation';
import { RecoveryCodes } from '../../../shared/two-factor/recovery-codes';
import { SmsSetup } from '../../../shared/two-factor/sms-setup';
import { TotpSetup } from '../../../shared/two-factor/totp-setup';
import { TwoFactorState } from '../../../shared/two-factor/two-factor-state';
import { AuthFlow } from '../auth-flow';

type Flow = 'choose' | 'SMS' | 'TOTP';

/**
 * After the password, for a role that requires 2-step verification without it set up: the
 * same setup as under "Mijn gegevens". Confirming it moves the server session on; after the
 * recovery codes the sign-in continues where it was headed.
 */
@Component({
  selector: 'app-two-factor-setup-page',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective, ErrorAlert, RecoveryCodes, SmsSetup, TotpSetup],
  providers: [PasswordConfirmation, TwoFactorState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('twoFactorSetup.heading') }}</h1>
      <p>{{ t('twoFactorSetup.required') }}</p>
      <app-error-alert [error]="loadError()" alertId="two-factor-status-error" />

      @if (codes(); as list) {
        <app-recovery-codes [codes]="list" [method]="method()" [headingLevel]="2" (done)="finish()" />
      } @else {
        @switch (flow()) {
          @case ('choose') {
            <p>{{ t('twoFactorSetup.choose') }}</p>
            <div class="form-actions">
              @if (smsAllowed()) {
                <button mat-stroked-button type="button" (click)="choose('SMS')">
                  <mat-icon aria-hidden="true">sms</mat-icon>
                  {{ t('twoFactor.setUpSms') }}
                </button>
              }
              <button mat-stroked-button type="button" (click)="choose('TOTP')">
                <mat-icon aria-hidden="true">phone_iphone</mat-icon>
                {{ t('twoFactor.setUpTotp') }}
              </button>
            </div>
          }
          @case ('SMS') {
            <h2>{{ t('twoFactor.smsHeading') }}</h2>
            <app-sms-setup
              purpose="twoFactor"
              [initialNumber]="status()?.mobileNumber ?? null"
              (confirmed)="showCodes($event)"
              (cancelled)="backToChoice()"
            />
          }
          @case ('TOTP') {
            <h2>{{ t('twoFactor.totpHeading') }}</h2>
            <app-totp-setup (confirmed)="showCodes($event)" (cancelled)="backToChoice()" />
          }
        }
        <p class="back-link">
          <button mat-button type="button" (click)="abandon()">{{ t('common.backToLogin') }}</button>
        </p>
      }
    </ng-container>
  `,
})
export class TwoFactorSetupPage implements OnInit {
  private readonly twoFactor = inject(TwoFactorState);
  private readonly authFlow = inject(AuthFlow);
  private readonly store = inject(SessionStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  protected readonly status = this.twoFactor.status;
  protected readonly loadError = this.twoFactor.error;
  protected readonly smsAllowed = computed(
    () => this.status()?.smsAllowed ?? this.store.portalInfo()?.smsAllowed ?? false,
  );
  protected readonly flow = signal<Flow>('choose');
  protected readonly method = signal<'SMS' | 'TOTP'>('TOTP');
  protected readonly codes = signal<string[] | null>(null);

  ngOnInit(): Promise<void> {
    return this.twoFactor.load();
  }

  protected choose(method: 'SMS' | 'TOTP'): void {
    this.method.set(method);
    this.flow.set(method);
  }

  protected backToChoice(): void {
    this.flow.set('choose');
    focusAfterRender(this.host, '.form-actions button', this.injector);
  }

  protected showCodes(codes: string[]): void {
    this.codes.set(codes);
  }

  /** The server has upgraded the session: reload it and go on like after a login. */
  protected finish(): Promise<void> {
    return this.authFlow.resume();
  }

  protected abandon(): Promise<void> {
    return this.authFlow.abandon();
  }
}
