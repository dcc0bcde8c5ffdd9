import { anAccount, anAuthResult } from '../../../testing/fixtures';
import { AuthResult, routeAfterAuth } from './auth-flow';

function signedIn(firstLogin: boolean): AuthResult {
  return anAuthResult({ account: anAccount({ firstLogin }) });
}

describe('routeAfterAuth', () => {
  it('goes home after a normal login, or back to where the user was going', () => {
    expect(routeAfterAuth(signedIn(false), { via: 'login' })).toBe('/home');
    expect(routeAfterAuth(signedIn(false), { via: 'login', returnUrl: '/dossiers' })).toBe('/dossiers');
  });

  it('ignores a foreign return URL', () => {
    expect(routeAfterAuth(signedIn(false), { via: 'login', returnUrl: '//evil.example' })).toBe('/home');
  });

  it('opens "Mijn gegevens" on the first login and after setting a password', () => {
    expect(routeAfterAuth(signedIn(true), { via: 'login', returnUrl: '/dossiers' })).toBe('/my-details');
    expect(routeAfterAuth(signedIn(false), { via: 'setPassword' })).toBe('/my-details');
  });

  it('routes the other statuses', () => {
    expect(routeAfterAuth(anAuthResult({ status: 'PASSWORD_CHANGE_REQUIRED', account: null }), { via: 'login' })).toBe(
      '/password-change',
    );
    expect(
      routeAfterAuth(anAuthResult({ status: 'SECOND_FACTOR_REQUIRED', secondFactor: 'TOTP', account: null }), { via: 'login' }),
    ).toBe('/second-factor');
    expect(routeAfterAuth(anAuthResult({ status: 'TWO_FACTOR_SETUP_REQUIRED', account: null }), { via: 'login' })).toBe(
      '/two-factor-setup',
    );
  });
});
