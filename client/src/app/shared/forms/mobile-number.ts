import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Digits with an optional international prefix, once spaces, dashes, dots and brackets are gone. */
const MOBILE_SHAPE = /^(\+|00)?\d{9,15}$/;

/**
 * A first check of a mobile number's shape (`{ mobileNumber: true }`), so a typo is caught
 * before sending; the server decides whether it really is a mobile number. Empty is left to
 * `required`.
 */
export function mobileNumberValidator(control: AbstractControl<string | null>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  if (value === '') {
    return null;
  }
  return MOBILE_SHAPE.test(value.replace(/[\s().-]/g, '')) ? null : { mobileNumber: true };
}
