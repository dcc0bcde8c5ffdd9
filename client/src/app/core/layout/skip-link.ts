import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

/** WCAG 2.4.1: the first focusable element jumps to `<main id="main-content">`. */
@Component({
  selector: 'app-skip-link',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<a class="skip-link" href="#main-content" (click)="skip($event)" *transloco="let t">{{ t('app.skipLink') }}</a>`,
})
export class SkipLink {
  private readonly document = inject(DOCUMENT);

  protected skip(event: Event): void {
    // A plain "#main-content" would resolve against <base href> and leave the SPA route.
    event.preventDefault();
    this.document.getElementById('main-content')?.focus();
  }
}
