import { TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { aPortalInfo, anAccount } from '../../../testing/fixtures';
import { answering, failingWith } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { AuthStateFieldsFragment, SessionGQL } from '../../graphql/generated';
import { SessionService } from './session.service';
import { SessionStore } from './session.store';

describe('SessionService.load', () => {
  let fetch: ReturnType<typeof vi.fn>;
  let store: SessionStore;

  function server(me: ReturnType<typeof anAccount> | null, authState: AuthStateFieldsFragment | null): void {
    fetch.mockImplementation(answering({ me, authState, portalInfo: aPortalInfo() }));
  }

  beforeEach(() => {
    fetch = vi.fn();
    TestBed.configureTestingModule({
      providers: [
        provideTranslocoTesting(),
        { provide: SessionGQL, useValue: { fetch } },
        { provide: Apollo, useValue: { client: { clearStore: () => Promise.resolve([]) } } },
      ],
    });
    store = TestBed.inject(SessionStore);
  });

  it('resumes a half-finished sign-in from authState after a reload', async () => {
    server(null, { status: 'SECOND_FACTOR_REQUIRED', secondFactor: 'SMS', smsAvailable: true, maskedMobileNumber: '+31 6 ••• ••• 78' });
    await TestBed.inject(SessionService).load();
    expect(store.signedIn()).toBe(false);
    expect(store.pendingSignIn()).toEqual({
      status: 'SECOND_FACTOR_REQUIRED',
      secondFactor: 'SMS',
      smsAvailable: true,
      maskedMobileNumber: '+31 6 ••• ••• 78',
      via: 'login',
      returnUrl: null,
    });
    expect(store.portalInfo()?.smsAllowed).toBe(true);
  });

  it('keeps where a pending sign-in leads when the session moves on a step', async () => {
    store.setPendingSignIn({
      status: 'TWO_FACTOR_SETUP_REQUIRED',
      secondFactor: null,
      smsAvailable: false,
      maskedMobileNumber: null,
      via: 'setPassword',
      returnUrl: '/dossiers',
    });
    server(null, { status: 'PASSWORD_CHANGE_REQUIRED', secondFactor: null, smsAvailable: null, maskedMobileNumber: null });
    await TestBed.inject(SessionService).load();
    expect(store.passwordChangeRequired()).toBe(true);
    expect(store.pendingSignIn()).toMatchObject({ via: 'setPassword', returnUrl: '/dossiers' });
  });

  it('signs in when the session is complete, and forgets everything without one', async () => {
    server(anAccount(), { status: 'SIGNED_IN', secondFactor: null, smsAvailable: null, maskedMobileNumber: null });
    await TestBed.inject(SessionService).load();
    expect(store.me()?.email).toBe('jan@example.nl');
    expect(store.pendingSignIn()).toBeNull();

    server(null, null);
    await TestBed.inject(SessionService).load();
    expect(store.me()).toBeNull();
    expect(store.pendingSignIn()).toBeNull();

    fetch.mockImplementation(failingWith(new Error('offline')));
    await TestBed.inject(SessionService).load();
    expect(store.signedIn()).toBe(false);
  });
});
