import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * A polite live region that is always in the DOM (so screen readers hear changes); it shows
 * a translated message when `messageKey` is set.
 */
@Component({
  selector: 'app-status-message',
  imports: [MatIconModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" class="status-message" [class.has-message]="!!messageKey()" [attr.id]="statusId()">
      @if (messageKey(); as key) {
        <ng-container *transloco="let t">
          <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
          <span>{{ t(key, params()) }}</span>
        </ng-container>
      }
    </div>
  `,
})
export class StatusMessage {
  readonly messageKey = input<string | null>(null);
  /** Interpolation values of the message, e.g. `{ email }`. */
  readonly params = input<Record<string, unknown>>({});
  readonly icon = input('check_circle');
  readonly statusId = input<string | null>(null);
}
