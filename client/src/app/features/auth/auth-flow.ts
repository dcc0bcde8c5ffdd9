import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { SIGNED_IN_HOME, safeReturnUrl } from '../../core/guards/auth.guards';
import { SessionService } from '../../core/session/session.service';
import { SessionStore } from '../../core/session/session.store';
import type { AuthResultFieldsFragment } from '../../graphql/generated';

export type AuthResult = AuthResultFieldsFragment;

export interface AuthFlowOptions {
  /** `setPassword` always lands on "Mijn gegevens" (SPEC §2.3). */
  via: 'login' | 'setPassword';
  returnUrl?: string | null;
}

/** Where the user goes after an `AuthResult`. */
export function routeAfterAuth(result: AuthResult, options: AuthFlowOptions): string {
  const status = result.status;
  switch (status) {
    case 'SIGNED_IN':
      if (options.via === 'setPassword' || result.account?.firstLogin) {
        return '/my-details';
      }
      return safeReturnUrl(options.returnUrl) ?? SIGNED_IN_HOME;
    case 'PASSWORD_CHANGE_REQUIRED':
      return '/password-change';
    case 'SECOND_FACTOR_REQUIRED':
      // The second-factor page arrives with two-step verification.
      return '/second-factor';
    default: {
      const unknown: never = status;
      throw new Error(`Unknown auth status ${String(unknown)}`);
    }
  }
}

/** Applies an `AuthResult` to the session state and navigates on. */
@Injectable({ providedIn: 'root' })
export class AuthFlow {
  private readonly session = inject(SessionService);
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);

  async complete(result: AuthResult, options: AuthFlowOptions): Promise<void> {
    if (result.status === 'SIGNED_IN') {
      if (result.account) {
        await this.session.signIn(result.account);
      } else {
        await this.session.load();
      }
    } else if (result.status === 'PASSWORD_CHANGE_REQUIRED') {
      this.store.setAccount(null);
      this.store.setPasswordChangeRequired(true);
    }
    await this.router.navigateByUrl(routeAfterAuth(result, options));
  }
}
