import { anAccount } from '../../../testing/fixtures';
import { AuthResult, routeAfterAuth } from './auth-flow';

function signedIn(firstLogin: boolean): AuthResult {
  return { status: 'SIGNED_IN', secondFactor: null, account: anAccount({ firstLogin }) };
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
    expect(routeAfterAuth({ status: 'PASSWORD_CHANGE_REQUIRED', secondFactor: null, account: null }, { via: 'login' })).toBe(
      '/password-change',
    );
    expect(routeAfterAuth({ status: 'SECOND_FACTOR_REQUIRED', secondFactor: 'TOTP', account: null }, { via: 'login' })).toBe(
      '/second-factor',
    );
  });
});
