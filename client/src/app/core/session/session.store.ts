import { Injectable, computed, signal } from '@angular/core';
import type {
  AuthStateFieldsFragment,
  AuthStatus,
  PortalInfoFieldsFragment,
  SessionAccountFragment,
  TwoFactorMethod,
} from '../../graphql/generated';

export type SessionAccount = SessionAccountFragment;
export type PortalInfo = PortalInfoFieldsFragment;

/** A step the server asks for before the session is fully signed in. */
export type SignInStep = Exclude<AuthStatus, 'SIGNED_IN'>;

/** Where a completed sign-in leads; kept while its steps (second factor, 2-step setup) are done. */
export interface SignInContinuation {
  /** `setPassword` always lands on "Mijn gegevens" (SPEC §2.3). */
  via: 'login' | 'setPassword';
  returnUrl: string | null;
}

/** An unfinished sign-in: the step it is at, what that step offers, and where it leads afterwards. */
export interface PendingSignIn extends SignInContinuation {
  status: SignInStep;
  secondFactor: TwoFactorMethod | null;
  smsAvailable: boolean;
  /** The number login codes go to, masked by the server ("+31 6 ••• ••• 78"). */
  maskedMobileNumber: string | null;
}

export function toPendingSignIn(
  status: SignInStep,
  state: AuthStateFieldsFragment,
  continuation: SignInContinuation = { via: 'login', returnUrl: null },
): PendingSignIn {
  return {
    status,
    secondFactor: state.secondFactor,
    smsAvailable: state.smsAvailable ?? false,
    maskedMobileNumber: state.maskedMobileNumber,
    via: continuation.via,
    returnUrl: continuation.returnUrl,
  };
}

/**
 * Who is signed in, as signals. Pure state without dependencies, so the Apollo error link
 * can reach it without a DI cycle. `me === null` means not (fully) signed in; `pendingSignIn`
 * then tells whether a sign-in is halfway (password accepted, a step to go). The session
 * itself is an HttpOnly cookie the client never sees.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly account = signal<SessionAccount | null>(null);
  private readonly info = signal<PortalInfo | null>(null);
  private readonly pending = signal<PendingSignIn | null>(null);

  readonly me = this.account.asReadonly();
  readonly portalInfo = this.info.asReadonly();
  readonly pendingSignIn = this.pending.asReadonly();
  /** Signed in with a password that must be replaced first (only /password-change works). */
  readonly passwordChangeRequired = computed(() => this.pending()?.status === 'PASSWORD_CHANGE_REQUIRED');
  readonly signedIn = computed(() => this.account() !== null);

  setAccount(account: SessionAccount | null): void {
    this.account.set(account);
    if (account) {
      this.pending.set(null);
    }
  }

  setPortalInfo(info: PortalInfo | null): void {
    this.info.set(info);
  }

  /** A sign-in halfway: nobody is signed in (yet). `null` forgets it. */
  setPendingSignIn(pending: PendingSignIn | null): void {
    this.pending.set(pending);
    if (pending) {
      this.account.set(null);
    }
  }

  clear(): void {
    this.account.set(null);
    this.pending.set(null);
  }
}
