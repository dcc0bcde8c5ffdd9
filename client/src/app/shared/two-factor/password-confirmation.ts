import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ConfirmPasswordGQL } from '../../graphql/generated';

/** The server's window: a confirmed password counts for 5 minutes. */
const WINDOW_MS = 5 * 60_000;
/** When the browser's clock disagrees with the server's, a fresh confirmation counts this long. */
const SKEWED_CLOCK_WINDOW_MS = 60_000;
/** Ask again this long before the window closes, rather than fail halfway a step. */
const MARGIN_MS = 15_000;

/**
 * Whether the password was confirmed recently enough (server: 5 minutes) to change the phone
 * or the 2-step method without asking it again. Provide it per page: the page seeds it from
 * `myTwoFactor.passwordConfirmedUntil`; the setup steps ask the password when it is stale or
 * the server answers REAUTHENTICATION_REQUIRED.
 */
@Injectable()
export class PasswordConfirmation {
  private readonly confirmPasswordGql = inject(ConfirmPasswordGQL);
  private readonly until = signal<number | null>(null);

  /**
   * Seeds the window from the server's `passwordConfirmedUntil` (null once it has passed).
   * It is the server's clock: where the browser's clock is off (the remaining time comes out
   * negative or beyond the window), the confirmation counts only briefly; the server decides
   * anyway (REAUTHENTICATION_REQUIRED).
   */
  setUntil(isoDateTime: string | null): void {
    const remaining = isoDateTime ? Date.parse(isoDateTime) - Date.now() : NaN;
    if (Number.isNaN(remaining)) {
      this.until.set(null);
      return;
    }
    const plausible = remaining > 0 && remaining <= WINDOW_MS;
    this.until.set(Date.now() + (plausible ? remaining : SKEWED_CLOCK_WINDOW_MS));
  }

  isFresh(): boolean {
    const until = this.until();
    return until !== null && until - Date.now() > MARGIN_MS;
  }

  /** The server said the confirmation has run out. */
  expire(): void {
    this.until.set(null);
  }

  /** `confirmPassword`; throws what the server answers (INVALID_CREDENTIALS, RATE_LIMITED). */
  async confirm(password: string): Promise<void> {
    const result = await firstValueFrom(this.confirmPasswordGql.mutate({ variables: { password } }));
    this.setUntil(result.data?.confirmPassword ?? null);
  }
}
