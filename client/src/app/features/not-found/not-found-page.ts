import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

@Component({
  selector: 'app-not-found-page',
  imports: [MatButtonModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('notFound.heading') }}</h1>
      <p>{{ t('notFound.text') }}</p>
      <div class="form-actions">
        <a mat-stroked-button routerLink="/home">{{ t('notFound.home') }}</a>
      </div>
    </ng-container>
  `,
})
export class NotFoundPage {}
