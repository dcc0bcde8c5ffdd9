import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

/** Dossiers overview; the list, search and filters arrive with the dossier API. */
@Component({
  selector: 'app-dossiers-page',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('dossiers.heading') }}</h1>
      <p>{{ t('dossiers.intro') }}</p>
    </ng-container>
  `,
})
export class DossiersPage {}
