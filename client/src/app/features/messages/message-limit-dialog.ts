import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { MESSAGE_MAX_LENGTH } from './body-limit';

/** "Maximum bereikt" (seed 000 §2.1.1.5): the body reached 4000 characters; more is cut. */
@Component({
  selector: 'app-message-limit-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('messages.limit.heading') }}</h2>
      <mat-dialog-content>
        <p>{{ t('messages.limit.text', { max }) }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>{{ t('messages.limit.ok') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
})
export class MessageLimitDialog {
  protected readonly max = MESSAGE_MAX_LENGTH;
}
