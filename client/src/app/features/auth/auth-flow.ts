import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SIGNED_IN_HOME, SIGN_IN_STEP_ROUTES, safeReturnUrl } from '../../core/guards/auth.guards';
import { NoticeKey, NoticeService } from '../../core/notice/notice.service';
import { SessionService } from '../../core/session/session.service';
import { SessionStore, SignInContinuation, toPendingSignIn } from '../../core/session/session.store';
import { LogoutGQL, type AuthResultFieldsFragment } from '../../graphql/generated';

export type AuthResult = AuthResultFieldsFragment;

export type AuthFlowOptions = Partial<SignInContinuation> & Pick<SignInContinuation, 'via'>;

/** Where the user goes after an `AuthResult`. */
export function routeAfterAuth(result: Pick<AuthResult, 'status' | 'account'>, options: AuthFlowOptions): string {
  const status = result.status;
  switch (status) {
    case 'SIGNED_IN':
      if (options.via === 'setPassword' || result.account?.firstLogin) {
        return '/my-details';
      }
      return safeReturnUrl(options.returnUrl) ?? SIGNED_IN_HOME;
    case 'PASSWORD_CHANGE_REQUIRED':
    case 'SECOND_FACTOR_REQUIRED':
    case 'TWO_FACTOR_SETUP_REQUIRED':
      return SIGN_IN_STEP_ROUTES[status];
    default: {
      const unknown: never = status;
      throw new Error(`Unknown auth status ${String(unknown)}`);
    }
  }
}

/**
 * The way through a sign-in: applies each `AuthResult` to the session state and navigates on.
 * A sign-in that needs more steps (second factor, 2-step setup, new password) keeps where it
 * leads in the session store, so the last step ends where the first one was headed.
 */
@Injectable({ providedIn: 'root' })
export class AuthFlow {
  private readonly session = inject(SessionService);
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly logoutGql = inject(LogoutGQL);
  private readonly notices = inject(NoticeService);

  async complete(result: AuthResult, options: AuthFlowOptions): Promise<void> {
    const status = result.status;
    if (status === 'SIGNED_IN') {
      if (result.account) {
        await this.session.signIn(result.account);
      } else {
        await this.session.load();
      }
    } else {
      this.store.setPendingSignIn(
        toPendingSignIn(status, result, { via: options.via, returnUrl: options.returnUrl ?? null }),
      );
    }
    await this.router.navigateByUrl(routeAfterAuth(result, options));
  }

  /** The result of a later step (the second factor): on to where the sign-in was headed. */
  completeStep(result: AuthResult): Promise<void> {
    return this.complete(result, this.continuation());
  }

  /**
   * After the server moved the session on by itself (a mandatory 2-step setup confirmed):
   * reloads the session and goes where it now stands.
   */
  async resume(): Promise<void> {
    const continuation = this.continuation();
    await this.session.load();
    const me = this.store.me();
    const pending = this.store.pendingSignIn();
    const target = me
      ? routeAfterAuth({ status: 'SIGNED_IN', account: me }, continuation)
      : pending
        ? SIGN_IN_STEP_ROUTES[pending.status]
        : '/login';
    await this.router.navigateByUrl(target);
  }

  /**
   * Gives up a half-finished sign-in ("Terug naar inloggen"), or lands on /login after the
   * server ended it (`notice`). The server session is ended too when it still exists.
   */
  async abandon(notice?: NoticeKey): Promise<void> {
    if (!notice) {
      try {
        await firstValueFrom(this.logoutGql.mutate());
      } catch {
        // Nothing to end, or the server is unreachable: its session dies with the idle timeout.
      }
    }
    await this.session.clear();
    if (notice) {
      this.notices.show(notice);
    }
    await this.router.navigateByUrl('/login');
  }

  private continuation(): SignInContinuation {
    const pending = this.store.pendingSignIn();
    return { via: pending?.via ?? 'login', returnUrl: pending?.returnUrl ?? null };
  }
}
