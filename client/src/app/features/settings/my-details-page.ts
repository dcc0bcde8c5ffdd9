import {
  ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  WritableSignal,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioGroup, MatRadioModule } from '@angular/material/radio';
import { MatSlideToggle, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import { LanguageService, UI_LANGUAGES, toApiLanguage } from '../../core/i18n/language.service';
import { SessionStore } from '../../core/session/session.store';
import {
  Language,
  MarkFirstLoginDoneGQL,
  MySettingsInput,
  UpdateMySettingsGQL,
} from '../../graphql/generated';
import { focusAfterRender } from '../../shared/a11y/focus';
import { ChangePasswordForm } from '../../shared/change-password/change-password-form';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { StatusMessage } from '../../shared/feedback/status-message';
import { PasswordConfirmation } from '../../shared/two-factor/password-confirmation';
import { SmsSetup } from '../../shared/two-factor/sms-setup';
import { TwoFactorState } from '../../shared/two-factor/two-factor-state';
import { TwoFactorSection } from './two-factor-section';

type NotificationKey = 'newDocuments' | 'newQuestionnaires' | 'newMessages';

const NOTIFICATIONS: readonly { key: NotificationKey; id: string }[] = [
  { key: 'newDocuments', id: 'notify-new-documents' },
  { key: 'newQuestionnaires', id: 'notify-new-questionnaires' },
  { key: 'newMessages', id: 'notify-new-messages' },
];

/**
 * "Mijn gegevens": account details (with the mobile number), language, 2-step verification,
 * notifications, password.
 */
@Component({
  selector: 'app-my-details-page',
  imports: [
    MatButtonModule,
    MatRadioModule,
    MatSlideToggleModule,
    TranslocoDirective,
    ChangePasswordForm,
    ErrorAlert,
    StatusMessage,
    SmsSetup,
    TwoFactorSection,
  ],
  providers: [PasswordConfirmation, TwoFactorState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-details-page.html',
  styleUrls: ['./settings-sections.scss', './my-details-page.scss'],
})
export class MyDetailsPage implements OnInit {
  private readonly store = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly updateSettingsGql = inject(UpdateMySettingsGQL);
  private readonly markFirstLoginDoneGql = inject(MarkFirstLoginDoneGQL);
  private readonly appRef = inject(ApplicationRef);
  private readonly twoFactor = inject(TwoFactorState);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  protected readonly me = this.store.me;
  /** The number is confirmed by SMS, so it can only be changed where the portal sends SMS. */
  protected readonly smsAllowed = computed(
    () => this.twoFactor.status()?.smsAllowed ?? this.store.portalInfo()?.smsAllowed ?? false,
  );
  protected readonly changingMobile = signal(false);
  protected readonly mobileStatus = signal<string | null>(null);
  protected readonly languages = UI_LANGUAGES.map((l) => ({ ...l, value: toApiLanguage(l.code) }));
  protected readonly notifications = NOTIFICATIONS;

  /** Shown for the whole visit on which `firstLogin` was true. */
  protected readonly welcome = signal(false);

  protected readonly selectedLanguage = linkedSignal<Language>(() => this.store.me()?.language ?? 'NL');
  protected readonly languageStatus = signal<string | null>(null);
  protected readonly languageError = signal<UiError | null>(null);

  protected readonly notificationValues = linkedSignal(
    () => this.store.me()?.notifications ?? { newDocuments: false, newQuestionnaires: false, newMessages: false },
  );
  protected readonly notificationStatus = signal<string | null>(null);
  protected readonly notificationError = signal<UiError | null>(null);

  protected readonly passwordStatus = signal<string | null>(null);

  private readonly languageGroup = viewChild(MatRadioGroup);

  ngOnInit(): void {
    if (this.store.me()?.firstLogin) {
      this.welcome.set(true);
      void this.markFirstLoginDone();
    }
    void this.twoFactor.load();
  }

  protected changeMobile(): void {
    this.mobileStatus.set(null);
    this.changingMobile.set(true);
  }

  /** The new number is confirmed: reload it (as the server stored it) and return to the button. */
  protected async onMobileConfirmed(): Promise<void> {
    await this.twoFactor.load();
    this.closeMobile();
    this.mobileStatus.set('myDetails.account.mobileSaved');
  }

  protected closeMobile(): void {
    this.changingMobile.set(false);
    focusAfterRender(this.host, '#mobile-change-button', this.injector);
  }

  private async markFirstLoginDone(): Promise<void> {
    try {
      const result = await firstValueFrom(this.markFirstLoginDoneGql.mutate());
      if (result.data) {
        this.store.setAccount(result.data.markFirstLoginDone);
      }
    } catch {
      // Harmless: the welcome shows again next time.
    }
  }

  protected async changeLanguage(language: Language): Promise<void> {
    this.languageStatus.set(null);
    this.languageError.set(null);
    this.selectedLanguage.set(language);
    const account = await this.save({ language }, this.languageError);
    if (account) {
      await this.language.useAccountLanguage(account.language);
      this.languageStatus.set('myDetails.language.saved');
    } else {
      // Let the user's click render first, else putting the old value back is no change to
      // Angular while the native radio already shows the new one.
      await this.appRef.whenStable();
      const previous = this.store.me()?.language ?? 'NL';
      this.selectedLanguage.set(previous);
      const group = this.languageGroup();
      if (group) {
        group.value = previous;
      }
    }
  }

  protected async toggleNotification(key: NotificationKey, enabled: boolean, toggle: MatSlideToggle): Promise<void> {
    this.notificationStatus.set(null);
    this.notificationError.set(null);
    this.notificationValues.update((v) => ({ ...v, [key]: enabled }));
    const account = await this.save({ [key]: enabled }, this.notificationError);
    if (account) {
      this.notificationStatus.set('myDetails.notifications.saved');
    } else {
      await this.appRef.whenStable(); // see changeLanguage
      this.notificationValues.update((v) => ({ ...v, [key]: !enabled }));
      toggle.checked = !enabled;
    }
  }

  protected onPasswordChanged(): void {
    this.passwordStatus.set(null);
    // Set after a tick so the live region announces it even when the text is unchanged.
    setTimeout(() => this.passwordStatus.set('myDetails.password.changed'));
  }

  private async save(input: MySettingsInput, error: WritableSignal<UiError | null>) {
    try {
      const result = await firstValueFrom(this.updateSettingsGql.mutate({ variables: { input } }));
      const account = result.data?.updateMySettings ?? null;
      if (account) {
        this.store.setAccount(account);
      } else {
        error.set({ key: 'errors.generic', reasons: [] });
      }
      return account;
    } catch (e) {
      error.set(describeError(toApiError(e)));
      return null;
    }
  }
}
