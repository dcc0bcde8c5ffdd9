import {
  ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  OnInit,
  WritableSignal,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
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
import { ChangePasswordForm } from '../../shared/change-password/change-password-form';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { StatusMessage } from '../../shared/feedback/status-message';

type NotificationKey = 'newDocuments' | 'newQuestionnaires' | 'newMessages';

const NOTIFICATIONS: readonly { key: NotificationKey; id: string }[] = [
  { key: 'newDocuments', id: 'notify-new-documents' },
  { key: 'newQuestionnaires', id: 'notify-new-questionnaires' },
  { key: 'newMessages', id: 'notify-new-messages' },
];

/** "Mijn gegevens": account details, language, notifications, password. */
@Component({
  selector: 'app-my-details-page',
  imports: [MatRadioModule, MatSlideToggleModule, TranslocoDirective, ChangePasswordForm, ErrorAlert, StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-details-page.html',
  styleUrl: './my-details-page.scss',
})
export class MyDetailsPage implements OnInit {
  private readonly store = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly updateSettingsGql = inject(UpdateMySettingsGQL);
  private readonly markFirstLoginDoneGql = inject(MarkFirstLoginDoneGQL);
  private readonly appRef = inject(ApplicationRef);

  protected readonly me = this.store.me;
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
