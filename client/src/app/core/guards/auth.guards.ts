import { inject } from '@angular/core';
import { CanActivateChildFn, CanActivateFn, CanMatchFn, Router } from '@angular/router';
import type { Role } from '../../graphql/generated';
import { SessionStore, SignInStep } from '../session/session.store';

/** Where a signed-in user goes when they open an anonymous page. */
export const SIGNED_IN_HOME = '/home';

/** The page of each step of an unfinished sign-in. */
export const SIGN_IN_STEP_ROUTES: Readonly<Record<SignInStep, string>> = {
  PASSWORD_CHANGE_REQUIRED: '/password-change',
  SECOND_FACTOR_REQUIRED: '/second-factor',
  TWO_FACTOR_SETUP_REQUIRED: '/two-factor-setup',
};

/**
 * The signed-in area: halfway a sign-in the user goes on with its step; anonymous visitors
 * go to /login and come back afterwards.
 */
export const signedInGuard: CanActivateChildFn = (_route, state) => {
  const store = inject(SessionStore);
  if (store.signedIn()) {
    return true;
  }
  const pending = store.pendingSignIn();
  if (pending) {
    return inject(Router).createUrlTree([SIGN_IN_STEP_ROUTES[pending.status]]);
  }
  return inject(Router).createUrlTree(['/login'], {
    queryParams: state.url && state.url !== '/' && state.url !== SIGNED_IN_HOME ? { returnUrl: state.url } : {},
  });
};

/** Sign-in pages: a signed-in user has no business there and goes home. */
export const anonymousGuard: CanActivateFn = () =>
  inject(SessionStore).signedIn() ? inject(Router).createUrlTree([SIGNED_IN_HOME]) : true;

/** /password-change: only after a login that required a new password (or when signed in). */
export const passwordChangeGuard: CanActivateFn = () => {
  const store = inject(SessionStore);
  return store.passwordChangeRequired() || store.signedIn() ? true : inject(Router).createUrlTree(['/login']);
};

/**
 * The page of one sign-in step, open only while the session is at that step (known from
 * `authState` after a reload). Otherwise: home when signed in, the step the session is
 * really at, or /login.
 */
export function signInStepGuard(step: SignInStep): CanActivateFn {
  return () => {
    const store = inject(SessionStore);
    const router = inject(Router);
    const pending = store.pendingSignIn();
    if (pending?.status === step) {
      return true;
    }
    if (store.signedIn()) {
      return router.createUrlTree([SIGNED_IN_HOME]);
    }
    return router.createUrlTree([pending ? SIGN_IN_STEP_ROUTES[pending.status] : '/login']);
  };
}

/**
 * A feature for some roles only (e.g. extra accounts for company main accounts): others go
 * home without loading it. Visitors who are not signed in are left to {@link signedInGuard},
 * so they come back here after signing in.
 */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return () => {
    const me = inject(SessionStore).me();
    if (!me || roles.includes(me.role)) {
      return true;
    }
    return inject(Router).createUrlTree([SIGNED_IN_HOME]);
  };
}

/** Accepts only same-site paths as a post-login destination (no open redirect). */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  const anonymousOnly = [
    '/login',
    '/password-link',
    '/activate',
    '/set-password',
    '/password-change',
    '/second-factor',
    '/two-factor-setup',
    '/email-reminder',
  ];
  return anonymousOnly.some((p) => value === p || value.startsWith(`${p}/`) || value.startsWith(`${p}?`))
    ? null
    : value;
}
