import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import type { UiError } from '../../core/errors/api-error';

/** A form-level error, announced assertively when it appears. */
@Component({
  selector: 'app-error-alert',
  imports: [MatIconModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as e) {
      <div class="error-alert" role="alert" [id]="alertId()" *transloco="let t">
        <mat-icon aria-hidden="true">error</mat-icon>
        <div>
          <p>{{ t(e.key, e.params ?? {}) }}</p>
          @if (e.reasons.length) {
            <ul>
              @for (reason of e.reasons; track reason) {
                <li>{{ t(reason) }}</li>
              }
            </ul>
          }
        </div>
      </div>
    }
  `,
})
export class ErrorAlert {
  readonly error = input<UiError | null>(null);
  readonly alertId = input('form-error');
}
