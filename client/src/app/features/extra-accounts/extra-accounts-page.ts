import { ChangeDetectionStrategy, Component, ElementRef, Injector, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import { ExtraAccountsGQL, type ExtraAccountFieldsFragment } from '../../graphql/generated';
import { focusAfterRender } from '../../shared/a11y/focus';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { StatusMessage } from '../../shared/feedback/status-message';
import { AddExtraAccountDialog } from './add-extra-account-dialog';
import { ExtraAccountDetailsData, ExtraAccountDetailsDialog } from './extra-account-details-dialog';
import { RemoveExtraAccountDialog } from './remove-extra-account-dialog';

/** Dialogs fit small screens; the page behind stays readable on large ones. */
const DIALOG_WIDTH = { width: '560px', maxWidth: 'calc(100vw - 32px)' };

interface Status {
  key: string;
  params: Record<string, string>;
}

/**
 * "Accounts | Extra accounts" (seeds 000/001) for a company main account: the extra accounts
 * of the company, adding one (which sends the invitation), viewing one and removing one.
 */
@Component({
  selector: 'app-extra-accounts-page',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslocoDirective, ErrorAlert, StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './extra-accounts-page.html',
  styleUrl: './extra-accounts-page.scss',
})
export class ExtraAccountsPage implements OnInit {
  private readonly extraAccountsGql = inject(ExtraAccountsGQL);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  protected readonly accounts = signal<ExtraAccountFieldsFragment[] | null>(null);
  protected readonly loadError = signal<UiError | null>(null);
  protected readonly status = signal<Status | null>(null);

  ngOnInit(): Promise<void> {
    return this.load();
  }

  protected async add(): Promise<void> {
    this.status.set(null);
    const ref = this.dialog.open(AddExtraAccountDialog, DIALOG_WIDTH);
    const account = await firstValueFrom(ref.afterClosed());
    if (account) {
      this.status.set({ key: 'extraAccounts.invitationSent', params: { email: account.email } });
      await this.load();
    }
  }

  protected view(account: ExtraAccountFieldsFragment): void {
    const data: ExtraAccountDetailsData = { id: account.id, displayName: account.displayName };
    this.dialog.open(ExtraAccountDetailsDialog, { ...DIALOG_WIDTH, data });
  }

  protected async remove(account: ExtraAccountFieldsFragment): Promise<void> {
    this.status.set(null);
    // The row (and its button) goes away: focus is put on the list heading instead.
    const ref = this.dialog.open(RemoveExtraAccountDialog, { ...DIALOG_WIDTH, data: account, restoreFocus: false });
    const removed = await firstValueFrom(ref.afterClosed());
    if (removed) {
      this.status.set({ key: 'extraAccounts.removed', params: { name: account.displayName } });
      await this.load();
      focusAfterRender(this.host, '#extra-accounts-list-heading', this.injector);
    } else {
      this.host.querySelector<HTMLElement>(`[data-remove-id="${account.id}"]`)?.focus();
    }
  }

  private async load(): Promise<void> {
    try {
      const result = await firstValueFrom(this.extraAccountsGql.fetch());
      this.accounts.set(result.data?.extraAccounts ?? []);
      this.loadError.set(null);
    } catch (e) {
      this.loadError.set(describeError(toApiError(e)));
    }
  }
}
