import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { UiError, describeError, toApiError } from '../../core/errors/api-error';
import { RemoveExtraAccountGQL, type ExtraAccountFieldsFragment } from '../../graphql/generated';
import { ErrorAlert } from '../../shared/feedback/error-alert';

/**
 * "Verwijderen": names the person and asks for confirmation; removes the account and closes
 * with `true`. Cancel has the initial focus: nothing is removed by pressing Enter.
 */
@Component({
  selector: 'app-remove-extra-account-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('extraAccounts.confirmRemove.heading') }}</h2>
      <mat-dialog-content>
        <app-error-alert [error]="error()" alertId="remove-extra-account-error" />
        <p>{{ t('extraAccounts.confirmRemove.text', { name: account.displayName, email: account.email }) }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ t('common.cancel') }}</button>
        <button mat-flat-button type="button" class="danger" [attr.aria-busy]="busy()" (click)="remove()">
          {{ t('extraAccounts.confirmRemove.submit') }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class RemoveExtraAccountDialog {
  private readonly removeGql = inject(RemoveExtraAccountGQL);
  private readonly dialogRef = inject<MatDialogRef<RemoveExtraAccountDialog, boolean>>(MatDialogRef);
  protected readonly account = inject<ExtraAccountFieldsFragment>(MAT_DIALOG_DATA);
  protected readonly busy = signal(false);
  protected readonly error = signal<UiError | null>(null);

  protected async remove(): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.removeGql.mutate({ variables: { id: this.account.id } }));
      this.dialogRef.close(true);
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'NOT_FOUND') {
        // Already gone (removed elsewhere): the list is refreshed all the same.
        this.dialogRef.close(true);
        return;
      }
      this.error.set(describeError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
