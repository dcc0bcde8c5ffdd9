import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import { LanguageService, UI_LANGUAGES, fromApiLanguage } from '../../core/i18n/language.service';
import { ExtraAccountGQL, type ExtraAccountFieldsFragment } from '../../graphql/generated';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { formatDateTime } from './format-date-time';

export interface ExtraAccountDetailsData {
  id: string;
  displayName: string;
}

/** "Inzien": everything registered about one extra account, read fresh from the server. */
@Component({
  selector: 'app-extra-account-details-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('extraAccounts.details.heading', { name: data.displayName }) }}</h2>
      <mat-dialog-content>
        <app-error-alert [error]="error()" alertId="extra-account-details-error" />
        @if (account(); as a) {
          <dl class="details" data-testid="extra-account-details">
            <div>
              <dt>{{ t('extraAccounts.columns.name') }}</dt>
              <dd>{{ a.displayName }}</dd>
            </div>
            <div>
              <dt>{{ t('extraAccounts.columns.email') }}</dt>
              <dd>{{ a.email }}</dd>
            </div>
            <div>
              <dt>{{ t('extraAccounts.columns.accountNumber') }}</dt>
              <dd>{{ a.accountNumber }}</dd>
            </div>
            <div>
              <dt>{{ t('extraAccounts.details.mobile') }}</dt>
              <dd>{{ a.mobileNumber || t('common.none') }}</dd>
            </div>
            <div>
              <dt>{{ t('extraAccounts.details.language') }}</dt>
              <dd>{{ languageLabel() }}</dd>
            </div>
            <div>
              <dt>{{ t('extraAccounts.details.status') }}</dt>
              <dd>
                @if (a.activatedAt) {
                  {{ t('extraAccounts.details.activatedAt', { date: format(a.activatedAt) }) }}
                } @else {
                  {{ t('extraAccounts.invited') }}
                }
              </dd>
            </div>
            <div>
              <dt>{{ t('extraAccounts.details.lastLogin') }}</dt>
              <dd>{{ a.lastLoginAt ? format(a.lastLoginAt) : t('extraAccounts.details.neverLoggedIn') }}</dd>
            </div>
            <div>
              <dt>{{ t('extraAccounts.details.twoFactor') }}</dt>
              <dd>{{ t('myDetails.twoFactor.' + a.twoFactorMethod) }}</dd>
            </div>
          </dl>
        } @else if (!error()) {
          <p role="status">{{ t('common.loading') }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" mat-dialog-close>{{ t('common.close') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .details { display: grid; gap: 8px; margin: 0; }
    .details > div { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr; gap: 12px; }
    .details dt { font-weight: 500; color: var(--mat-sys-on-surface-variant); }
    .details dd { margin: 0; overflow-wrap: anywhere; }
    @media (max-width: 599.98px) { .details > div { grid-template-columns: 1fr; gap: 0; } }
  `,
})
export class ExtraAccountDetailsDialog implements OnInit {
  private readonly extraAccountGql = inject(ExtraAccountGQL);
  private readonly language = inject(LanguageService).current;
  protected readonly data = inject<ExtraAccountDetailsData>(MAT_DIALOG_DATA);

  protected readonly account = signal<ExtraAccountFieldsFragment | null>(null);
  protected readonly error = signal<UiError | null>(null);
  protected readonly languageLabel = computed(() => {
    const code = this.account() ? fromApiLanguage(this.account()!.language) : null;
    return UI_LANGUAGES.find((l) => l.code === code)?.label ?? '';
  });

  async ngOnInit(): Promise<void> {
    try {
      const result = await firstValueFrom(this.extraAccountGql.fetch({ variables: { id: this.data.id } }));
      this.account.set(result.data?.extraAccount ?? null);
    } catch (e) {
      this.error.set(describeError(toApiError(e)));
    }
  }

  protected format(value: string): string {
    return formatDateTime(value, this.language());
  }
}
