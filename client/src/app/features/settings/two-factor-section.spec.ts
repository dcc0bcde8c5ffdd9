import { Clipboard } from '@angular/cdk/clipboard';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { aTwoFactorStatus, anAccount, settle } from '../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../testing/graphql-testing';
import { accessibleText } from '../../../testing/dom-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { SessionStore } from '../../core/session/session.store';
import {
  ConfirmPasswordGQL,
  ConfirmSmsVerificationGQL,
  ConfirmTotpSetupGQL,
  DisableTwoFactorGQL,
  MyTwoFactorGQL,
  RegenerateRecoveryCodesGQL,
  StartSmsVerificationGQL,
  StartTotpSetupGQL,
  type TwoFactorStatusFieldsFragment,
} from '../../graphql/generated';
import { PasswordConfirmation } from '../../shared/two-factor/password-confirmation';
import { TwoFactorState } from '../../shared/two-factor/two-factor-state';
import { TwoFactorSection } from './two-factor-section';

const CODES = Array.from({ length: 10 }, (_, i) => `ABCD${i}-FGHJK`);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const QR = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h7v7H0z"/></svg>';
const inFiveMinutes = () => new Date(Date.now() + 5 * 60_000).toISOString();

describe('TwoFactorSection', () => {
  let fixture: ComponentFixture<TwoFactorSection>;
  let status: ReturnType<typeof vi.fn>;
  let confirmPassword: ReturnType<typeof vi.fn>;
  let startSms: ReturnType<typeof vi.fn>;
  let confirmSms: ReturnType<typeof vi.fn>;
  let startTotp: ReturnType<typeof vi.fn>;
  let confirmTotp: ReturnType<typeof vi.fn>;
  let regenerate: ReturnType<typeof vi.fn>;
  let disable: ReturnType<typeof vi.fn>;
  let copy: ReturnType<typeof vi.fn>;

  const el = () => fixture.nativeElement as HTMLElement;
  const text = () => el().textContent ?? '';
  const buttons = () => [...el().querySelectorAll<HTMLButtonElement>('button')].map(accessibleText);
  const codes = () => [...el().querySelectorAll('[data-testid="recovery-code"]')].map((li) => li.textContent?.trim());

  function serverState(overrides: Partial<TwoFactorStatusFieldsFragment>): void {
    status.mockImplementation(answering({ myTwoFactor: aTwoFactorStatus(overrides) }));
  }

  async function open(overrides: Partial<TwoFactorStatusFieldsFragment> = {}): Promise<void> {
    serverState(overrides);
    TestBed.inject(SessionStore).setAccount(anAccount());
    await TestBed.inject(TwoFactorState).load();
    fixture = TestBed.createComponent(TwoFactorSection);
    await settle(fixture);
  }

  async function click(label: string): Promise<void> {
    const button = [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) => accessibleText(b) === label);
    expect(button, label).toBeDefined();
    button!.click();
    await settle(fixture);
  }

  async function type(selector: string, value: string, submit = true): Promise<void> {
    const input = el().querySelector<HTMLInputElement>(selector)!;
    expect(input, selector).not.toBeNull();
    input.value = value;
    input.dispatchEvent(new Event('input'));
    if (submit) {
      input.closest('form')!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await settle(fixture);
    }
  }

  async function finishCodes(): Promise<void> {
    await click('Gereed');
    expect(text()).toContain('Bewaar eerst uw herstelcodes en vink dit aan.');
    el().querySelector<HTMLInputElement>('#recovery-codes-saved input')!.click();
    await settle(fixture);
    await click('Gereed');
  }

  beforeEach(() => {
    status = vi.fn();
    confirmPassword = vi.fn(answering({ confirmPassword: inFiveMinutes() }));
    startSms = vi.fn(answering({ startSmsVerification: true }));
    confirmSms = vi.fn(answering({ confirmSmsVerification: { codes: CODES } }));
    startTotp = vi.fn(
      answering({ startTotpSetup: { secret: SECRET, otpauthUri: `otpauth://totp/x?secret=${SECRET}`, qrCodeSvg: QR } }),
    );
    confirmTotp = vi.fn(answering({ confirmTotpSetup: { codes: CODES } }));
    regenerate = vi.fn(answering({ regenerateRecoveryCodes: { codes: CODES } }));
    disable = vi.fn(answering({ disableTwoFactor: anAccount({ twoFactorMethod: 'NONE' }) }));
    copy = vi.fn(() => true);
    TestBed.configureTestingModule({
      imports: [TwoFactorSection],
      providers: [
        provideTranslocoTesting(),
        PasswordConfirmation,
        TwoFactorState,
        { provide: MyTwoFactorGQL, useValue: { fetch: status } },
        { provide: ConfirmPasswordGQL, useValue: { mutate: confirmPassword } },
        { provide: StartSmsVerificationGQL, useValue: { mutate: startSms } },
        { provide: ConfirmSmsVerificationGQL, useValue: { mutate: confirmSms } },
        { provide: StartTotpSetupGQL, useValue: { mutate: startTotp } },
        { provide: ConfirmTotpSetupGQL, useValue: { mutate: confirmTotp } },
        { provide: RegenerateRecoveryCodesGQL, useValue: { mutate: regenerate } },
        { provide: DisableTwoFactorGQL, useValue: { mutate: disable } },
        { provide: Clipboard, useValue: { copy } },
      ],
    });
  });

  it('shows 2-step verification off, with both ways to set it up', async () => {
    await open();
    expect(el().querySelector('h2')?.textContent).toContain('2-staps verificatie');
    expect(el().querySelector('[data-field="twoFactorMethod"]')?.textContent?.trim()).toBe('Uit');
    expect(buttons()).toEqual(['Instellen met sms', 'Instellen met authenticator-app']);
  });

  it('offers no SMS where the portal sends none', async () => {
    await open({ smsAllowed: false });
    expect(buttons()).toEqual(['Instellen met authenticator-app']);
  });

  it('asks the password first, then shows the QR code and the key, and the recovery codes after the code', async () => {
    await open();
    await click('Instellen met authenticator-app');
    expect(startTotp).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(el().querySelector('#two-factor-password'));

    confirmPassword.mockImplementationOnce(failingWith(graphqlError('INVALID_CREDENTIALS')));
    await type('#two-factor-password', 'Fout12345');
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('Het wachtwoord is onjuist.');
    expect(startTotp).not.toHaveBeenCalled();

    await type('#two-factor-password', ' Geheim123 ');
    expect(confirmPassword).toHaveBeenLastCalledWith({ variables: { password: ' Geheim123 ' } });
    expect(startTotp).toHaveBeenCalledTimes(1);
    const qr = el().querySelector('.totp-qr')!;
    expect(qr.getAttribute('role')).toBe('img');
    expect(qr.getAttribute('aria-label')).toBe('QR-code om te scannen met uw authenticator-app');
    expect(qr.querySelector('svg')).not.toBeNull();
    expect(el().querySelector('[data-testid="totp-secret"]')?.textContent?.trim()).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP',
    );
    await click('Sleutel kopiëren');
    expect(copy).toHaveBeenCalledWith(SECRET);
    expect(text()).toContain('De sleutel is gekopieerd.');

    confirmTotp.mockImplementationOnce(failingWith(graphqlError('INVALID_CODE')));
    await type('#totp-code', '111111');
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('De code is onjuist of verlopen.');

    serverState({ method: 'TOTP', recoveryCodesLeft: 10, passwordConfirmedUntil: inFiveMinutes() });
    await type('#totp-code', '123 456');
    expect(confirmTotp).toHaveBeenLastCalledWith({ variables: { code: '123456' } });
    expect(codes()).toEqual(CODES);
    expect(text()).toContain(
      'Deze herstelcodes heeft u nodig als uw authenticator-app niet beschikbaar is en u wilt inloggen op het klantenportaal.',
    );
    expect(TestBed.inject(SessionStore).me()?.twoFactorMethod).toBe('TOTP');

    await finishCodes();
    expect(codes()).toEqual([]);
    expect(el().querySelector('[role="status"]')?.textContent).toContain('2-staps verificatie is ingesteld.');
    expect(el().querySelector('[data-field="twoFactorMethod"]')?.textContent?.trim()).toBe('Aan, met authenticator-app');
    expect(el().querySelector('[data-field="recoveryCodesLeft"]')?.textContent?.trim()).toBe('Nog 10 herstelcodes over');
  });

  it('sets up SMS with the number prefilled, without the password when it was just confirmed', async () => {
    await open({ mobileNumber: '+31612345678', passwordConfirmedUntil: inFiveMinutes() });
    await click('Instellen met sms');
    const number = el().querySelector<HTMLInputElement>('#sms-mobile-number')!;
    expect(number.value).toBe('+31612345678');
    expect(number.type).toBe('tel');
    expect(text()).toContain('Na het ingeven van uw mobiele nummer ontvangt u vervolgens een sms-bericht met een code.');
    await type('#sms-mobile-number', '06 12345678');
    expect(confirmPassword).not.toHaveBeenCalled();
    expect(startSms).toHaveBeenCalledWith({ variables: { mobileNumber: '06 12345678', twoFactor: true } });
    expect(text()).toContain('We hebben een sms-code gestuurd naar 06 12345678.');
    expect(document.activeElement).toBe(el().querySelector('#sms-code'));

    await type('#sms-code', '654321');
    expect(confirmSms).toHaveBeenCalledWith({ variables: { code: '654321' } });
    expect(codes()).toHaveLength(10);
    expect(text()).toContain(
      'Deze herstelcodes heeft u nodig als uw mobiele nummer niet beschikbaar is en u wilt inloggen op het klantenportaal.',
    );
  });

  it('asks the password when the server wants it again, then sends the code after all', async () => {
    await open({ passwordConfirmedUntil: inFiveMinutes() });
    await click('Instellen met sms');
    startSms.mockImplementationOnce(failingWith(graphqlError('REAUTHENTICATION_REQUIRED')));
    await type('#sms-mobile-number', '0612345678');
    expect(el().querySelector('#two-factor-password')).not.toBeNull();
    await type('#two-factor-password', 'Geheim123');
    expect(confirmPassword).toHaveBeenCalledTimes(1);
    expect(startSms).toHaveBeenCalledTimes(2);
    expect(startSms).toHaveBeenLastCalledWith({ variables: { mobileNumber: '0612345678', twoFactor: true } });
    expect(el().querySelector('#sms-code')).not.toBeNull();
  });

  it('shows a wrong number at its field', async () => {
    await open({ passwordConfirmedUntil: inFiveMinutes() });
    await click('Instellen met sms');
    startSms.mockImplementationOnce(
      failingWith(graphqlError('BAD_USER_INPUT', { fields: [{ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' }] })),
    );
    await type('#sms-mobile-number', '020 1234567');
    expect(el().querySelector('mat-error')?.textContent).toContain('Vul een geldig mobiel nummer in (bijvoorbeeld 06 12345678).');
  });

  it('cannot be turned off when required, and offers the other method and new codes', async () => {
    await open({ method: 'SMS', mobileNumber: '+31612345678', recoveryCodesLeft: 1, required: true });
    expect(el().querySelector('[data-field="twoFactorMethod"]')?.textContent?.trim()).toBe('Aan, met sms');
    expect(el().querySelector('[data-field="recoveryCodesLeft"]')?.textContent?.trim()).toBe('Nog 1 herstelcode over');
    expect(el().querySelector('[data-testid="two-factor-required"]')?.textContent).toContain(
      'Voor uw account is 2-staps verificatie verplicht.',
    );
    expect(buttons()).toEqual(['Wijzigen naar authenticator-app', 'Nieuwe herstelcodes']);
  });

  it('makes new recovery codes after the password, saying the old ones stop working', async () => {
    await open({ method: 'TOTP', recoveryCodesLeft: 2 });
    await click('Nieuwe herstelcodes');
    expect(text()).toContain('de huidige zijn daarna niet meer geldig');
    await type('#two-factor-password', 'Geheim123');
    expect(regenerate).toHaveBeenCalledWith({ variables: { password: 'Geheim123' } });
    expect(codes()).toHaveLength(10);
    expect(text()).toContain('Uw eerdere herstelcodes zijn niet meer geldig.');
    await finishCodes();
    expect(el().querySelector('[role="status"]')?.textContent).toContain('Er zijn nieuwe herstelcodes gemaakt.');
  });

  it('turns 2-step verification off after the password', async () => {
    await open({ method: 'TOTP', recoveryCodesLeft: 10 });
    expect(buttons()).toContain('Uitschakelen');
    await click('Uitschakelen');
    serverState({ method: 'NONE' });
    await type('#two-factor-password', 'Geheim123');
    expect(disable).toHaveBeenCalledWith({ variables: { password: 'Geheim123' } });
    expect(el().querySelector('[role="status"]')?.textContent).toContain('2-staps verificatie is uitgeschakeld.');
    expect(el().querySelector('[data-field="twoFactorMethod"]')?.textContent?.trim()).toBe('Uit');
    expect(document.activeElement).toBe(el().querySelector('#two-factor-heading'));
  });
});
