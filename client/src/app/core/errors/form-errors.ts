import { ElementRef, inject, signal } from '@angular/core';
import { AbstractControl, FormArray, FormGroup } from '@angular/forms';
import { ApiError, FieldError, UiError, describeError, fieldErrorKey, toApiError } from './api-error';

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

/**
 * The translation key of what is wrong with a field: required, a malformed e-mail address or
 * mobile number (`mobileNumber`, see shared/forms/mobile-number), or the server's code for it.
 * Null while the field is valid.
 */
export function controlErrorKey(control: AbstractControl): string | null {
  const errors = control.errors;
  if (!errors) {
    return null;
  }
  if (errors['required']) {
    return 'common.required';
  }
  if (errors['email']) {
    return 'common.emailInvalid';
  }
  if (errors['mobileNumber']) {
    return 'fieldErrors.INVALID_MOBILE_NUMBER';
  }
  return errors['server'] ? fieldErrorKey(errors['server']) : 'common.fieldInvalid';
}

/** Moves focus to the first invalid field of a submitted form (WCAG 3.3.1). */
export function focusFirstInvalid(host: HTMLElement): void {
  const invalid = host.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, select.ng-invalid');
  invalid?.focus();
}

/**
 * The submit cycle of a form, with the `busy` and `error` its template shows. Create it in a
 * component field initializer: it injects the host element to focus the first invalid field.
 */
export class FormSubmission {
  readonly busy = signal(false);
  readonly error = signal<UiError | null>(null);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  /** `messages`: per-form overrides of the error keys, see {@link describeError}. */
  constructor(
    private readonly form: AbstractControl,
    private readonly messages: Readonly<Record<string, string>> = {},
  ) {}

  /**
   * Runs `action` unless a submit is still running or the form is invalid. What `action`
   * throws is shown as `error`, with `BAD_USER_INPUT` fields marked on their controls, unless
   * `handle` returns true for it (the component dealt with it).
   */
  async run(action: () => Promise<void>, handle?: (error: ApiError) => boolean): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    try {
      await action();
    } catch (e) {
      const apiError = toApiError(e);
      if (handle?.(apiError)) {
        return;
      }
      if (apiError.code === 'BAD_USER_INPUT') {
        applyFieldErrors(this.form, apiError.fields);
      }
      this.error.set(describeError(apiError, this.messages));
    } finally {
      this.busy.set(false);
    }
  }
}
