import { DOCUMENT, Injectable, Injector, afterNextRender, inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/**
 * After each in-app navigation, focus moves to the new page's `<h1>` so keyboard and
 * screen-reader users start at the top of the new content (not on the first page load).
 */
@Injectable({ providedIn: 'root' })
export class RouteFocus {
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private started = false;

  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    let first = true;
    this.router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe(() => {
      if (first) {
        first = false;
        return;
      }
      afterNextRender(() => this.focusHeading(), { injector: this.injector });
    });
  }

  private focusHeading(): void {
    const target =
      this.document.querySelector<HTMLElement>('main h1') ?? this.document.getElementById('main-content');
    if (!target) {
      return;
    }
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus({ preventScroll: false });
  }
}
