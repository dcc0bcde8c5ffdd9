import { Injector, afterNextRender } from '@angular/core';

/**
 * After the next render, moves focus to the first element in `host` matching `selector`: the
 * first field or the heading of a step that has just appeared, so keyboard and screen-reader
 * users continue there instead of at the top of the page.
 */
export function focusAfterRender(host: HTMLElement, selector: string, injector: Injector): void {
  afterNextRender({ write: () => host.querySelector<HTMLElement>(selector)?.focus() }, { injector });
}
