import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { anAccount, anAuthResult, settle } from '../../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../../testing/i18n-testing';
import { NoticeService } from '../../../core/notice/notice.service';
import { PendingSignIn, SessionStore } from '../../../core/session/session.store';
import { LogoutGQL, SendLoginCodeBySmsGQL, VerifySecondFactorGQL } from '../../../graphql/generated';
import { SecondFactorPage } from './second-factor-page';

const MASKED = '+31 6 ••• ••• 78';

describe('SecondFactorPage', () => {
  let fixture: ComponentFixture<SecondFactorPage>;
  let verify: ReturnType<typeof vi.fn>;
  let sendSms: ReturnType<typeof vi.fn>;
  let logout: ReturnType<typeof vi.fn>;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;
  let store: SessionStore;

  const el = () => fixture.nativeElement as HTMLElement;
  const intro = () => el().querySelector('[data-testid="second-factor-intro"]')?.textContent?.trim();
  const alertText = () => el().querySelector('[role="alert"]')?.textContent ?? '';
  const button = (text: string) =>
    [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);

  async function open(pending: Partial<PendingSignIn> = {}): Promise<void> {
    store.setPendingSignIn({
      status: 'SECOND_FACTOR_REQUIRED',
      secondFactor: 'TOTP',
      smsAvailable: false,
      maskedMobileNumber: null,
      via: 'login',
      returnUrl: null,
      ...pending,
    });
    fixture = TestBed.createComponent(SecondFactorPage);
    await settle(fixture);
  }

  async function enter(selector: string, value: string): Promise<void> {
    const input = el().querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    el().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
  }

  async function click(text: string): Promise<void> {
    button(text)!.click();
    await settle(fixture);
  }

  beforeEach(() => {
    verify = vi.fn();
    sendSms = vi.fn(answering({ sendLoginCodeBySms: true }));
    logout = vi.fn(answering({ logout: true }));
    TestBed.configureTestingModule({
      imports: [SecondFactorPage],
      providers: [
        provideRouter([]),
        provideTranslocoTesting(),
        { provide: VerifySecondFactorGQL, useValue: { mutate: verify } },
        { provide: SendLoginCodeBySmsGQL, useValue: { mutate: sendSms } },
        { provide: LogoutGQL, useValue: { mutate: logout } },
        { provide: Apollo, useValue: { client: { clearStore: () => Promise.resolve([]) } } },
      ],
    });
    store = TestBed.inject(SessionStore);
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  it('asks an app user for the code from the app in a one-time-code field', async () => {
    await open();
    expect(intro()).toBe('Voer de code uit uw authenticator-app in.');
    const input = el().querySelector<HTMLInputElement>('#one-time-code')!;
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(el().querySelector('label[for="one-time-code"]')?.textContent).toContain('Verificatiecode');
    expect(button('Code per sms sturen')).toBeUndefined();
  });

  it('signs in with the code and goes where the login was headed', async () => {
    verify.mockImplementation(answering({ verifySecondFactor: anAuthResult() }));
    await open({ returnUrl: '/dossiers' });
    await enter('#one-time-code', ' 123 456 ');
    expect(verify).toHaveBeenCalledWith({ variables: { code: '123456' } });
    expect(store.me()?.displayName).toBe('Jan Jansen');
    expect(store.pendingSignIn()).toBeNull();
    expect(navigateByUrl).toHaveBeenCalledWith('/dossiers');
  });

  it('opens "Mijn gegevens" on the first login, and the password change when the password expired', async () => {
    verify.mockImplementation(answering({ verifySecondFactor: anAuthResult({ account: anAccount({ firstLogin: true }) }) }));
    await open();
    await enter('#one-time-code', '123456');
    expect(navigateByUrl).toHaveBeenLastCalledWith('/my-details');

    verify.mockImplementation(
      answering({ verifySecondFactor: anAuthResult({ status: 'PASSWORD_CHANGE_REQUIRED', account: null }) }),
    );
    await open();
    await enter('#one-time-code', '123456');
    expect(store.passwordChangeRequired()).toBe(true);
    expect(navigateByUrl).toHaveBeenLastCalledWith('/password-change');
  });

  it('does not send something that is not six digits', async () => {
    await open();
    await enter('#one-time-code', '12345');
    expect(verify).not.toHaveBeenCalled();
    expect(el().textContent).toContain('Vul de 6 cijfers van de code in.');
  });

  it('says so when the code is wrong, and stays', async () => {
    verify.mockImplementation(failingWith(graphqlError('INVALID_CODE')));
    await open();
    await enter('#one-time-code', '000000');
    expect(alertText()).toContain('De code is onjuist of verlopen.');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('tells an SMS user where the code went and sends a new one on request', async () => {
    await open({ secondFactor: 'SMS', smsAvailable: true, maskedMobileNumber: MASKED });
    expect(intro()).toBe(`We hebben een sms-code gestuurd naar ${MASKED}.`);
    expect(button('Code per sms sturen')).toBeUndefined();
    await click('Opnieuw versturen');
    expect(sendSms).toHaveBeenCalledTimes(1);
    expect(el().querySelector('[role="status"]')?.textContent).toContain(`Er is een sms met een code verstuurd naar ${MASKED}.`);
  });

  it('lets an app user with a known number have the code sent by SMS instead', async () => {
    await open({ secondFactor: 'TOTP', smsAvailable: true, maskedMobileNumber: MASKED });
    await click('Code per sms sturen');
    expect(sendSms).toHaveBeenCalledTimes(1);
    expect(intro()).toBe(`We hebben een sms-code gestuurd naar ${MASKED}.`);
    expect(button('Opnieuw versturen')).toBeDefined();
  });

  it('asks to wait when codes are requested too often', async () => {
    sendSms.mockImplementation(failingWith(graphqlError('RATE_LIMITED')));
    await open({ secondFactor: 'SMS', smsAvailable: true, maskedMobileNumber: MASKED });
    await click('Opnieuw versturen');
    expect(alertText()).toContain('U heeft te vaak een sms-code aangevraagd.');
  });

  it('switches to a recovery code, focuses it and sends it as printed', async () => {
    verify.mockImplementation(answering({ verifySecondFactor: anAuthResult() }));
    await open();
    await click('Herstelcode gebruiken');
    expect(el().querySelector('#one-time-code')).toBeNull();
    const input = el().querySelector<HTMLInputElement>('#recovery-code-input')!;
    expect(document.activeElement).toBe(input);
    expect(intro()).toContain('Voer een van uw herstelcodes in.');
    expect(el().textContent).toContain('Bijvoorbeeld ABCDE-FGHJK');
    await enter('#recovery-code-input', 'abcde-fghjk');
    expect(verify).toHaveBeenCalledWith({ variables: { code: 'ABCDE-FGHJK' } });
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('explains a wrong recovery code, and switches back to the code', async () => {
    verify.mockImplementation(failingWith(graphqlError('INVALID_CODE')));
    await open();
    await click('Herstelcode gebruiken');
    await enter('#recovery-code-input', 'ABCDE-FGHJK');
    expect(alertText()).toContain('De herstelcode is onjuist of al gebruikt.');
    await click('Verificatiecode gebruiken');
    expect(el().querySelector('#recovery-code-input')).toBeNull();
    expect(document.activeElement).toBe(el().querySelector('#one-time-code'));
  });

  it('goes back to /login with an explanation when the server ended the sign-in', async () => {
    verify.mockImplementation(failingWith(graphqlError('UNAUTHENTICATED')));
    await open();
    await enter('#one-time-code', '123456');
    expect(store.pendingSignIn()).toBeNull();
    expect(TestBed.inject(NoticeService).take()).toBe('signInEnded');
    expect(navigateByUrl).toHaveBeenCalledWith('/login');
    expect(logout).not.toHaveBeenCalled();
  });

  it('ends the half-finished sign-in on "Terug naar inloggen"', async () => {
    await open();
    await click('Terug naar inloggen');
    expect(logout).toHaveBeenCalledTimes(1);
    expect(store.pendingSignIn()).toBeNull();
    expect(navigateByUrl).toHaveBeenCalledWith('/login');
  });
});
