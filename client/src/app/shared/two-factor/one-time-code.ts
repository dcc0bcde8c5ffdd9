import { FormControl, Validators } from '@angular/forms';

/** A code from an SMS or an authenticator app: six digits, spaces in between forgiven ("123 456"). */
export const ONE_TIME_CODE_PATTERN = /^\s*(\d\s*){6}$/;

/** The control of a one-time code: required, {@link ONE_TIME_CODE_PATTERN}. */
export function oneTimeCodeControl(): FormControl<string> {
  return new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(ONE_TIME_CODE_PATTERN)] });
}

/** The code as the server expects it: the six digits only. */
export function normaliseOneTimeCode(value: string): string {
  return value.replace(/\s/g, '');
}
