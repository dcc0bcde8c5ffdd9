import { inject } from '@angular/core';
import { CanActivateChildFn, CanActivateFn, Router } from '@angular/router';
import { SessionStore } from '../session/session.store';

/** Where a signed-in user goes when they open an anonymous page. */
export const SIGNED_IN_HOME = '/home';

/** The signed-in area: anonymous visitors go to /login and come back afterwards. */
export const signedInGuard: CanActivateChildFn = (_route, state) => {
  if (inject(SessionStore).signedIn()) {
    return true;
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

/** Accepts only same-site paths as a post-login destination (no open redirect). */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  const anonymousOnly = ['/login', '/password-link', '/activate', '/set-password', '/password-change'];
  return anonymousOnly.some((p) => value === p || value.startsWith(`${p}/`) || value.startsWith(`${p}?`))
    ? null
    : value;
}
