import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Observable, firstValueFrom } from 'rxjs';
import { anAccount } from '../../../testing/fixtures';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { LogoutGQL, MyTwoFactorGQL, UpdateMySettingsGQL, VerifySecondFactorGQL } from '../../graphql/generated';
import { NoticeService } from '../notice/notice.service';
import { SessionStore } from '../session/session.store';
import { GRAPHQL_URI, provideGraphql } from './apollo.providers';

const account = anAccount();

const unauthenticated = { data: null, errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] };

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve));
  }
}

describe('Apollo setup', () => {
  let http: HttpTestingController;
  let store: SessionStore;
  let navigate: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideGraphql(), provideHttpClientTesting(), provideTranslocoTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  /** Sends `operation`, answers it with UNAUTHENTICATED and lets the error link react. */
  async function failUnauthenticated(operation: Observable<unknown>): Promise<void> {
    const result = firstValueFrom(operation).catch((e: unknown) => e);
    http.expectOne(GRAPHQL_URI).flush(unauthenticated);
    await result;
    await settle();
  }

  it('POSTs JSON to the same-origin /graphql endpoint, without credentials headers of its own', async () => {
    const result = firstValueFrom(
      TestBed.inject(UpdateMySettingsGQL).mutate({ variables: { input: { newMessages: false } } }),
    );
    const request = http.expectOne(GRAPHQL_URI);
    expect(request.request.method).toBe('POST');
    expect(request.request.body.operationName).toBe('UpdateMySettings');
    expect(request.request.body.variables).toEqual({ input: { newMessages: false } });
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({ data: { updateMySettings: { __typename: 'Account', ...account, notifications: { __typename: 'NotificationSettings', ...account.notifications } } } });
    expect((await result).data?.updateMySettings.displayName).toBe('Jan Jansen');
  });

  it('sends a signed-in user whose session ended to /login with a notice', async () => {
    store.setAccount(account);
    await failUnauthenticated(
      TestBed.inject(UpdateMySettingsGQL).mutate({ variables: { input: { newMessages: false } } }),
    );
    expect(store.me()).toBeNull();
    expect(TestBed.inject(NoticeService).take()).toBe('sessionExpired');
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: {} });
  });

  it('leaves anonymous pages alone on UNAUTHENTICATED', async () => {
    await failUnauthenticated(
      TestBed.inject(UpdateMySettingsGQL).mutate({ variables: { input: { newMessages: false } } }),
    );
    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(NoticeService).take()).toBeNull();
  });

  it('sends a user halfway the mandatory 2-step setup to /login when the session ended', async () => {
    store.setPendingSignIn({
      status: 'TWO_FACTOR_SETUP_REQUIRED',
      secondFactor: null,
      smsAvailable: false,
      maskedMobileNumber: null,
      via: 'login',
      returnUrl: null,
    });
    await failUnauthenticated(TestBed.inject(MyTwoFactorGQL).fetch());
    expect(store.pendingSignIn()).toBeNull();
    expect(TestBed.inject(NoticeService).take()).toBe('sessionExpired');
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: {} });
  });

  it('leaves an UNAUTHENTICATED second step to its page', async () => {
    store.setPendingSignIn({
      status: 'SECOND_FACTOR_REQUIRED',
      secondFactor: 'TOTP',
      smsAvailable: false,
      maskedMobileNumber: null,
      via: 'login',
      returnUrl: null,
    });
    await failUnauthenticated(TestBed.inject(VerifySecondFactorGQL).mutate({ variables: { code: '123456' } }));
    expect(navigate).not.toHaveBeenCalled();
    expect(store.pendingSignIn()).not.toBeNull();
  });

  it('leaves an UNAUTHENTICATED logout to the logout button (no "session expired")', async () => {
    store.setAccount(account);
    await failUnauthenticated(TestBed.inject(LogoutGQL).mutate());
    expect(navigate).not.toHaveBeenCalled();
    expect(store.me()).not.toBeNull();
  });
});
