import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { aPortalInfo, aTwoFactorStatus, anAccount, settle } from '../../../../testing/fixtures';
import { accessibleText } from '../../../../testing/dom-testing';
import { answering } from '../../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../../testing/i18n-testing';
import { SessionStore } from '../../../core/session/session.store';
import {
  ConfirmPasswordGQL,
  ConfirmTotpSetupGQL,
  LogoutGQL,
  MyTwoFactorGQL,
  SessionGQL,
  StartSmsVerificationGQL,
  StartTotpSetupGQL,
} from '../../../graphql/generated';
import { TwoFactorSetupPage } from './two-factor-setup-page';

const CODES = Array.from({ length: 10 }, (_, i) => `QWER${i}-TYUPA`);

describe('TwoFactorSetupPage', () => {
  let fixture: ComponentFixture<TwoFactorSetupPage>;
  let session: ReturnType<typeof vi.fn>;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;
  let store: SessionStore;
  const el = () => fixture.nativeElement as HTMLElement;

  async function click(label: string): Promise<void> {
    [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) => accessibleText(b) === label)!.click();
    await settle(fixture);
  }

  beforeEach(async () => {
    session = vi.fn(answering({ me: anAccount({ firstLogin: false }), authState: null, portalInfo: aPortalInfo() }));
    const inFiveMinutes = new Date(Date.now() + 300_000).toISOString();
    TestBed.configureTestingModule({
      imports: [TwoFactorSetupPage],
      providers: [
        provideRouter([]),
        provideTranslocoTesting(),
        { provide: MyTwoFactorGQL, useValue: { fetch: vi.fn(answering({ myTwoFactor: aTwoFactorStatus({ required: true, passwordConfirmedUntil: inFiveMinutes }) })) } },
        { provide: ConfirmPasswordGQL, useValue: { mutate: vi.fn() } },
        { provide: StartSmsVerificationGQL, useValue: { mutate: vi.fn() } },
        {
          provide: StartTotpSetupGQL,
          useValue: { mutate: vi.fn(answering({ startTotpSetup: { secret: 'ABCDEFGH', otpauthUri: 'otpauth://totp/x', qrCodeSvg: '<svg></svg>' } })) },
        },
        { provide: ConfirmTotpSetupGQL, useValue: { mutate: vi.fn(answering({ confirmTotpSetup: { codes: CODES } })) } },
        { provide: SessionGQL, useValue: { fetch: session } },
        { provide: LogoutGQL, useValue: { mutate: vi.fn(answering({ logout: true })) } },
        { provide: Apollo, useValue: { client: { clearStore: () => Promise.resolve([]) } } },
      ],
    });
    store = TestBed.inject(SessionStore);
    store.setPortalInfo(aPortalInfo());
    store.setPendingSignIn({
      status: 'TWO_FACTOR_SETUP_REQUIRED',
      secondFactor: null,
      smsAvailable: false,
      maskedMobileNumber: null,
      via: 'login',
      returnUrl: '/dossiers',
    });
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(TwoFactorSetupPage);
    await settle(fixture);
  });

  it('explains that 2-step verification is required and offers SMS and the app', () => {
    expect(el().textContent).toContain('Voor uw account is 2-staps verificatie verplicht.');
    const labels = [...el().querySelectorAll('button')].map(accessibleText);
    expect(labels).toContain('Instellen met sms');
    expect(labels).toContain('Instellen met authenticator-app');
  });

  it('after the app and the recovery codes, reloads the session and goes where the login was headed', async () => {
    await click('Instellen met authenticator-app');
    const input = el().querySelector<HTMLInputElement>('#totp-code')!;
    input.value = '123456';
    input.dispatchEvent(new Event('input'));
    el().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
    expect(el().querySelectorAll('[data-testid="recovery-code"]')).toHaveLength(10);
    expect(el().querySelector('h2.recovery-codes-heading')).not.toBeNull();

    el().querySelector<HTMLInputElement>('#recovery-codes-saved input')!.click();
    await settle(fixture);
    await click('Gereed');
    expect(session).toHaveBeenCalledTimes(1);
    expect(store.me()?.email).toBe('jan@example.nl');
    expect(navigateByUrl).toHaveBeenCalledWith('/dossiers');
  });

  it('can give up and go back to the login', async () => {
    await click('Terug naar inloggen');
    expect(store.pendingSignIn()).toBeNull();
    expect(navigateByUrl).toHaveBeenCalledWith('/login');
  });
});
