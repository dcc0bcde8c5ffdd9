import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../../core/session/session.store';
import { DisableTwoFactorGQL, RegenerateRecoveryCodesGQL, type TwoFactorMethod } from '../../graphql/generated';
import { focusAfterRender } from '../../shared/a11y/focus';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { StatusMessage } from '../../shared/feedback/status-message';
import { PasswordPrompt } from '../../shared/two-factor/password-prompt';
import { RecoveryCodes } from '../../shared/two-factor/recovery-codes';
import { SmsSetup } from '../../shared/two-factor/sms-setup';
import { TotpSetup } from '../../shared/two-factor/totp-setup';
import { TwoFactorState } from '../../shared/two-factor/two-factor-state';

type Flow = 'SMS' | 'TOTP' | 'regenerate' | 'disable';

interface ShownCodes {
  codes: string[];
  method: TwoFactorMethod;
  replaced: boolean;
  /** The status message once the user is done with them. */
  doneKey: string;
}

/**
 * "2-staps verificatie" under Mijn gegevens: the status, and in place (one at a time) setting
 * it up by SMS or app, new recovery codes and turning it off. Needs the page's
 * {@link TwoFactorState} and PasswordConfirmation.
 */
@Component({
  selector: 'app-two-factor-section',
  imports: [
    MatButtonModule,
    MatIconModule,
    TranslocoDirective,
    ErrorAlert,
    StatusMessage,
    PasswordPrompt,
    RecoveryCodes,
    SmsSetup,
    TotpSetup,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './two-factor-section.html',
  styleUrl: './settings-sections.scss',
})
export class TwoFactorSection {
  private readonly state = inject(TwoFactorState);
  private readonly store = inject(SessionStore);
  private readonly regenerateGql = inject(RegenerateRecoveryCodesGQL);
  private readonly disableGql = inject(DisableTwoFactorGQL);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  protected readonly status = this.state.status;
  protected readonly loadError = this.state.error;
  protected readonly flow = signal<Flow | null>(null);
  protected readonly shownCodes = signal<ShownCodes | null>(null);
  protected readonly statusKey = signal<string | null>(null);

  protected readonly regenerate = async (password: string): Promise<void> => {
    const result = await firstValueFrom(this.regenerateGql.mutate({ variables: { password } }));
    const recovery = result.data?.regenerateRecoveryCodes;
    if (!recovery) {
      throw new Error('No recovery codes in the answer');
    }
    this.shownCodes.set({
      codes: recovery.codes,
      method: this.status()?.method ?? 'SMS',
      replaced: true,
      doneKey: 'myDetails.twoFactor.regenerated',
    });
    void this.state.load();
  };

  protected readonly disable = async (password: string): Promise<void> => {
    const result = await firstValueFrom(this.disableGql.mutate({ variables: { password } }));
    const account = result.data?.disableTwoFactor;
    if (!account) {
      throw new Error('No account in the answer');
    }
    this.store.setAccount(account);
    await this.state.load();
    this.close('myDetails.twoFactor.disabled');
  };

  protected start(flow: Flow): void {
    this.statusKey.set(null);
    this.flow.set(flow);
    if (flow === 'regenerate' || flow === 'disable') {
      // The setup components move focus themselves; the password prompt is focused here.
      focusAfterRender(this.host, '#two-factor-password', this.injector);
    }
  }

  protected onConfirmed(codes: string[], method: TwoFactorMethod): void {
    this.shownCodes.set({ codes, method, replaced: false, doneKey: 'myDetails.twoFactor.enabled' });
    void this.state.load();
  }

  protected codesDone(): void {
    this.close(this.shownCodes()?.doneKey ?? null);
  }

  /** Back to the status; focus returns to the section heading, where the message follows. */
  protected close(statusKey: string | null = null): void {
    this.flow.set(null);
    this.shownCodes.set(null);
    this.statusKey.set(statusKey);
    focusAfterRender(this.host, '#two-factor-heading', this.injector);
  }
}
