import { AbstractControl, FormArray, FormGroup } from '@angular/forms';
import type { FieldError } from './api-error';

function findControl(root: AbstractControl, name: string): AbstractControl | null {
  if (root instanceof FormGroup || root instanceof FormArray) {
    const direct = root.get(name);
    if (direct) {
      return direct;
    }
    for (const child of Object.values(root.controls)) {
      const found = findControl(child, name);
      if (found) {
        return found;
      }
    }
  }
  return null;
}

/**
 * Marks the controls named in a `BAD_USER_INPUT` error (`extensions.fields`) with a `server`
 * error, so the field itself shows it. Returns whether any field was matched.
 */
export function applyFieldErrors(form: AbstractControl, fields: readonly FieldError[]): boolean {
  let matched = false;
  for (const { field, message } of fields) {
    const control = findControl(form, field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message || true });
      control.markAsTouched();
      matched = true;
    }
  }
  return matched;
}

/** Moves focus to the first invalid field of a submitted form (WCAG 3.3.1). */
export function focusFirstInvalid(host: HTMLElement): void {
  const invalid = host.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, select.ng-invalid');
  invalid?.focus();
}
