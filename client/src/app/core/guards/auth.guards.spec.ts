import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { anAccount } from '../../../testing/fixtures';
import { PendingSignIn, SessionStore, SignInStep } from '../session/session.store';
import {
  anonymousGuard,
  passwordChangeGuard,
  roleGuard,
  safeReturnUrl,
  signInStepGuard,
  signedInGuard,
} from './auth.guards';

const account = anAccount();

function pending(status: SignInStep): PendingSignIn {
  return { status, secondFactor: null, smsAvailable: false, maskedMobileNumber: null, via: 'login', returnUrl: null };
}

function run<T>(guard: (...args: never[]) => T, url = '/dossiers'): T {
  const route = {} as ActivatedRouteSnapshot;
  const state = { url } as RouterStateSnapshot;
  return TestBed.runInInjectionContext(() => (guard as unknown as (r: unknown, s: unknown) => T)(route, state));
}

function urlOf(result: unknown): string {
  expect(result).toBeInstanceOf(UrlTree);
  return TestBed.inject(Router).serializeUrl(result as UrlTree);
}

describe('auth guards', () => {
  let store: SessionStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    store = TestBed.inject(SessionStore);
  });

  it('signedInGuard sends an anonymous visitor to /login and remembers where they were going', () => {
    expect(urlOf(run(signedInGuard, '/dossiers'))).toBe('/login?returnUrl=%2Fdossiers');
  });

  it('signedInGuard does not bother remembering /home', () => {
    expect(urlOf(run(signedInGuard, '/home'))).toBe('/login');
  });

  it('signedInGuard lets a signed-in user through', () => {
    store.setAccount(account);
    expect(run(signedInGuard)).toBe(true);
  });

  it('anonymousGuard sends a signed-in user home and lets visitors through', () => {
    expect(run(anonymousGuard)).toBe(true);
    store.setAccount(account);
    expect(urlOf(run(anonymousGuard))).toBe('/home');
  });

  it('passwordChangeGuard needs a login that required a new password', () => {
    expect(urlOf(run(passwordChangeGuard))).toBe('/login');
    store.setPendingSignIn(pending('PASSWORD_CHANGE_REQUIRED'));
    expect(run(passwordChangeGuard)).toBe(true);
  });

  it('signedInGuard sends a half-finished sign-in on to its step', () => {
    store.setPendingSignIn(pending('SECOND_FACTOR_REQUIRED'));
    expect(urlOf(run(signedInGuard, '/dossiers'))).toBe('/second-factor');
    store.setPendingSignIn(pending('TWO_FACTOR_SETUP_REQUIRED'));
    expect(urlOf(run(signedInGuard, '/dossiers'))).toBe('/two-factor-setup');
  });

  it('signInStepGuard opens a step page only at that step', () => {
    const secondFactor = signInStepGuard('SECOND_FACTOR_REQUIRED');
    expect(urlOf(run(secondFactor))).toBe('/login');
    store.setPendingSignIn(pending('SECOND_FACTOR_REQUIRED'));
    expect(run(secondFactor)).toBe(true);
    store.setPendingSignIn(pending('TWO_FACTOR_SETUP_REQUIRED'));
    expect(urlOf(run(secondFactor))).toBe('/two-factor-setup');
    store.setAccount(account);
    expect(urlOf(run(secondFactor))).toBe('/home');
  });

  it('roleGuard lets only the named roles in and leaves visitors to the sign-in guard', () => {
    const companyOnly = roleGuard('COMPANY_MAIN');
    expect(run(companyOnly)).toBe(true);
    store.setAccount(anAccount({ role: 'CLIENT' }));
    expect(urlOf(run(companyOnly))).toBe('/home');
    store.setAccount(anAccount({ role: 'COMPANY_MAIN' }));
    expect(run(companyOnly)).toBe(true);
  });
});

describe('safeReturnUrl', () => {
  it.each([
    ['/dossiers/42', '/dossiers/42'],
    ['/my-details?x=1', '/my-details?x=1'],
    ['https://evil.example', null],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['/login', null],
    ['/set-password/abc', null],
    ['/second-factor', null],
    ['/two-factor-setup', null],
    ['/email-reminder', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnUrl(input)).toBe(expected);
  });
});
