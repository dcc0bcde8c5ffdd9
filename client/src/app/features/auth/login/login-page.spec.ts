import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { Observable } from 'rxjs';
import { aPortalInfo, anAccount, anAuthResult } from '../../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../../testing/i18n-testing';
import { NoticeService } from '../../../core/notice/notice.service';
import { SessionStore } from '../../../core/session/session.store';
import { AuthResultFieldsFragment, LoginGQL, LoginMutationVariables } from '../../../graphql/generated';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let mutate: ReturnType<typeof vi.fn<(o: { variables: LoginMutationVariables }) => Observable<unknown>>>;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;
  let store: SessionStore;

  function answer(login: AuthResultFieldsFragment): void {
    mutate.mockImplementation(answering({ login }));
  }

  async function setUp(): Promise<void> {
    fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
  }

  function el(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function type(id: string, value: string): void {
    const input = el().querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    el().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function signIn(identifier = 'jan@example.nl', password = 'Geheim123'): Promise<void> {
    type('identifier', identifier);
    type('password', password);
    await submit();
  }

  beforeEach(() => {
    mutate = vi.fn();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideRouter([]),
        provideTranslocoTesting(),
        { provide: LoginGQL, useValue: { mutate } },
        { provide: Apollo, useValue: { client: { clearStore: () => Promise.resolve([]) } } },
      ],
    });
    store = TestBed.inject(SessionStore);
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  it('welcomes with the firm name and labels both fields', async () => {
    store.setPortalInfo(aPortalInfo());
    await setUp();
    expect(el().querySelector('h1')?.textContent).toContain('Welkom op het klantenportaal van Notariskantoor De Vries');
    expect(el().querySelector('label[for="identifier"]')?.textContent).toContain('E-mailadres of accountnummer');
    expect(el().querySelector('label[for="password"]')?.textContent).toContain('Wachtwoord');
    const button = el().querySelector('button[type="submit"]');
    expect(button?.textContent?.trim()).toBe('Inloggen');
  });

  it('does not call the server with empty fields and shows what is missing', async () => {
    await setUp();
    await submit();
    expect(mutate).not.toHaveBeenCalled();
    expect(el().querySelectorAll('mat-error').length).toBe(2);
  });

  it('signs in and goes home', async () => {
    answer(anAuthResult());
    await setUp();
    await signIn('  jan@example.nl ', ' Geheim123 ');
    // The identifier is trimmed, the password is sent exactly as typed.
    expect(mutate).toHaveBeenCalledWith({ variables: { identifier: 'jan@example.nl', password: ' Geheim123 ' } });
    expect(store.me()?.displayName).toBe('Jan Jansen');
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('opens "Mijn gegevens" on the first login', async () => {
    answer(anAuthResult({ account: anAccount({ firstLogin: true }) }));
    await setUp();
    await signIn();
    expect(navigateByUrl).toHaveBeenCalledWith('/my-details');
  });

  it('goes to the password change when the password has expired', async () => {
    answer(anAuthResult({ status: 'PASSWORD_CHANGE_REQUIRED', account: null }));
    await setUp();
    await signIn();
    expect(store.passwordChangeRequired()).toBe(true);
    expect(store.signedIn()).toBe(false);
    expect(navigateByUrl).toHaveBeenCalledWith('/password-change');
  });

  it('goes to the second step when a second factor is required', async () => {
    answer(
      anAuthResult({ status: 'SECOND_FACTOR_REQUIRED', secondFactor: 'SMS', smsAvailable: true, maskedMobileNumber: '+31 6 ••• ••• 78', account: null }),
    );
    await setUp();
    await signIn();
    expect(navigateByUrl).toHaveBeenCalledWith('/second-factor');
    expect(store.pendingSignIn()).toEqual({
      status: 'SECOND_FACTOR_REQUIRED',
      secondFactor: 'SMS',
      smsAvailable: true,
      maskedMobileNumber: '+31 6 ••• ••• 78',
      via: 'login',
      returnUrl: null,
    });
  });

  it('goes to the 2-step setup when the role requires it', async () => {
    answer(anAuthResult({ status: 'TWO_FACTOR_SETUP_REQUIRED', account: null }));
    await setUp();
    await signIn();
    expect(store.pendingSignIn()?.status).toBe('TWO_FACTOR_SETUP_REQUIRED');
    expect(navigateByUrl).toHaveBeenCalledWith('/two-factor-setup');
  });

  it('offers "E-mailadres vergeten" only when the portal sends SMS', async () => {
    store.setPortalInfo(aPortalInfo({ smsAllowed: false }));
    await setUp();
    expect(el().querySelector('a[href="/email-reminder"]')).toBeNull();
    store.setPortalInfo(aPortalInfo({ smsAllowed: true }));
    await fixture.whenStable();
    expect(el().querySelector('a[href="/email-reminder"]')?.textContent).toContain('E-mailadres vergeten');
  });

  it('shows one message for wrong credentials and stays', async () => {
    mutate.mockImplementation(failingWith(graphqlError('INVALID_CREDENTIALS')));
    await setUp();
    await signIn();
    const alert = el().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('De combinatie van e-mailadres/accountnummer en wachtwoord is onjuist.');
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(el().querySelectorAll('mat-error').length).toBe(0);
    expect(el().querySelector<HTMLInputElement>('#identifier')?.value).toBe('jan@example.nl');
  });

  it('tells a rate-limited user to wait', async () => {
    mutate.mockImplementation(failingWith(graphqlError('RATE_LIMITED')));
    await setUp();
    await signIn();
    expect(el().querySelector('[role="alert"]')?.textContent).toContain(
      'Te veel pogingen. Probeer het over enkele minuten opnieuw.',
    );
  });

  it('falls back to the generic message for an internal error', async () => {
    mutate.mockImplementation(failingWith(graphqlError('INTERNAL_SERVER_ERROR')));
    await setUp();
    await signIn();
    expect(el().querySelector('[role="alert"]')?.textContent).toContain(
      'Er is iets misgegaan. Probeer het later opnieuw.',
    );
  });

  it('shows a pending notice such as an expired session once', async () => {
    TestBed.inject(NoticeService).show('sessionExpired');
    await setUp();
    expect(el().querySelector('[role="status"]')?.textContent).toContain('Uw sessie is verlopen');
    expect(TestBed.inject(NoticeService).take()).toBeNull();
  });
});
