import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

/** Open questionnaires; the list arrives with the questionnaire API. */
@Component({
  selector: 'app-actions-page',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('actions.heading') }}</h1>
      <p>{{ t('actions.intro') }}</p>
    </ng-container>
  `,
})
export class ActionsPage {}
