import { DOCUMENT } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { aPortalInfo, aTwoFactorStatus, anAccount, settle } from '../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { SessionStore } from '../../core/session/session.store';
import {
  ChangePasswordGQL,
  ConfirmPasswordGQL,
  ConfirmSmsVerificationGQL,
  MarkFirstLoginDoneGQL,
  MyTwoFactorGQL,
  StartSmsVerificationGQL,
  UpdateMySettingsGQL,
} from '../../graphql/generated';
import { MyDetailsPage } from './my-details-page';

describe('MyDetailsPage', () => {
  let fixture: ComponentFixture<MyDetailsPage>;
  let markDone: ReturnType<typeof vi.fn>;
  let update: ReturnType<typeof vi.fn>;
  let twoFactor: ReturnType<typeof vi.fn>;
  let confirmPassword: ReturnType<typeof vi.fn>;
  let startSms: ReturnType<typeof vi.fn>;
  let confirmSms: ReturnType<typeof vi.fn>;
  let store: SessionStore;

  const el = () => fixture.nativeElement as HTMLElement;

  async function open(firstLogin = false): Promise<void> {
    store.setAccount(anAccount({ firstLogin }));
    fixture = TestBed.createComponent(MyDetailsPage);
    await settle(fixture);
  }

  beforeEach(() => {
    markDone = vi.fn(answering({ markFirstLoginDone: anAccount({ firstLogin: false }) }));
    update = vi.fn();
    twoFactor = vi.fn(answering({ myTwoFactor: aTwoFactorStatus() }));
    confirmPassword = vi.fn(answering({ confirmPassword: new Date(Date.now() + 300_000).toISOString() }));
    startSms = vi.fn(answering({ startSmsVerification: true }));
    confirmSms = vi.fn(answering({ confirmSmsVerification: { codes: [] } }));
    TestBed.configureTestingModule({
      imports: [MyDetailsPage],
      providers: [
        provideRouter([]),
        provideTranslocoTesting(),
        { provide: MarkFirstLoginDoneGQL, useValue: { mutate: markDone } },
        { provide: UpdateMySettingsGQL, useValue: { mutate: update } },
        { provide: ChangePasswordGQL, useValue: { mutate: vi.fn() } },
        { provide: MyTwoFactorGQL, useValue: { fetch: twoFactor } },
        { provide: ConfirmPasswordGQL, useValue: { mutate: confirmPassword } },
        { provide: StartSmsVerificationGQL, useValue: { mutate: startSms } },
        { provide: ConfirmSmsVerificationGQL, useValue: { mutate: confirmSms } },
        { provide: Apollo, useValue: {} },
      ],
    });
    store = TestBed.inject(SessionStore);
    store.setPortalInfo(aPortalInfo());
  });

  it('shows the account read-only, with a dash for a missing mobile number and the role translated', async () => {
    await open();
    const field = (name: string) => el().querySelector(`[data-field="${name}"]`)?.textContent?.trim();
    expect(field('displayName')).toBe('Jan Jansen');
    expect(field('email')).toBe('jan@example.nl');
    expect(field('accountNumber')).toBe('100001');
    expect(field('mobileNumber')).toBe('—');
    expect(field('role')).toBe('Cliënt');
    expect(markDone).not.toHaveBeenCalled();
    expect(el().textContent).not.toContain('Welkom!');
  });

  it('welcomes on the first login and marks it done once', async () => {
    await open(true);
    expect(el().textContent).toContain('Welkom! Controleer uw gegevens en stel uw voorkeuren in.');
    expect(markDone).toHaveBeenCalledTimes(1);
    expect(store.me()?.firstLogin).toBe(false);
    await settle(fixture);
    expect(markDone).toHaveBeenCalledTimes(1);
    expect(el().textContent).toContain('Welkom!');
  });

  it('shows the 2-step verification section between language and notifications', async () => {
    await open();
    const headings = [...el().querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual([
      'Accountgegevens',
      'Instellen taal',
      '2-staps verificatie',
      'Notificaties',
      'Wachtwoord wijzigen',
    ]);
    expect(twoFactor).toHaveBeenCalledTimes(1);
    expect(el().querySelector('[data-field="twoFactorMethod"]')?.textContent?.trim()).toBe('Uit');
  });

  it('says that e-mails and SMS follow the chosen language', async () => {
    await open();
    expect(el().querySelector('#language-intro')?.textContent).toContain(
      'E-mails en sms-berichten die wij u sturen, ontvangt u ook in deze taal.',
    );
  });

  it('adds a mobile number after the password and an SMS code, without turning on 2-step', async () => {
    await open();
    const addButton = el().querySelector<HTMLButtonElement>('#mobile-change-button')!;
    expect(addButton.getAttribute('aria-label')).toBe('Mobiel nummer toevoegen');
    addButton.click();
    await settle(fixture);
    const type = async (selector: string, value: string) => {
      const input = el().querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.closest('form')!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await settle(fixture);
    };
    await type('#mobile-confirm-password', 'Geheim123');
    expect(confirmPassword).toHaveBeenCalledWith({ variables: { password: 'Geheim123' } });
    await type('#new-mobile-number', '06 12345678');
    expect(startSms).toHaveBeenCalledWith({ variables: { mobileNumber: '06 12345678', twoFactor: false } });
    twoFactor.mockImplementation(answering({ myTwoFactor: aTwoFactorStatus({ mobileNumber: '+31612345678', mobileVerified: true }) }));
    await type('#mobile-code', '123456');
    expect(confirmSms).toHaveBeenCalledWith({ variables: { code: '123456' } });
    expect(el().querySelector('[data-field="mobileNumber"]')?.textContent?.trim()).toBe('+31612345678');
    expect(store.me()?.mobileNumber).toBe('+31612345678');
    expect(el().textContent).toContain('Uw mobiele nummer is opgeslagen.');
    const changeButton = el().querySelector<HTMLButtonElement>('#mobile-change-button')!;
    expect(changeButton.getAttribute('aria-label')).toBe('Mobiel nummer wijzigen');
    expect(document.activeElement).toBe(changeButton);
  });

  it('offers no mobile number change where the portal sends no SMS', async () => {
    store.setPortalInfo(aPortalInfo({ smsAllowed: false }));
    twoFactor.mockImplementation(answering({ myTwoFactor: aTwoFactorStatus({ smsAllowed: false }) }));
    await open();
    expect(el().querySelector('#mobile-change-button')).toBeNull();
  });

  it('saves the language and switches the interface at once', async () => {
    update.mockImplementation(answering({ updateMySettings: anAccount({ language: 'EN' }) }));
    await open();
    el().querySelector<HTMLInputElement>('#language-en input')!.click();
    await settle(fixture);
    expect(update).toHaveBeenCalledWith({ variables: { input: { language: 'EN' } } });
    expect(el().querySelector('h1')?.textContent).toContain('My details');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
    expect(el().textContent).toContain('Your language choice has been saved.');
  });

  it('saves a notification switch and puts it back when saving fails', async () => {
    update.mockImplementation(failingWith(graphqlError('INTERNAL_SERVER_ERROR')));
    await open();
    const toggle = () => el().querySelector<HTMLButtonElement>('#notify-new-messages button[role="switch"]')!;
    expect(toggle().getAttribute('aria-checked')).toBe('true');
    toggle().click();
    await settle(fixture);
    expect(update).toHaveBeenCalledWith({ variables: { input: { newMessages: false } } });
    expect(toggle().getAttribute('aria-checked')).toBe('true');
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('Er is iets misgegaan.');
  });

  it('keeps the interface language and the choice when saving the language fails', async () => {
    update.mockImplementation(failingWith(graphqlError('INTERNAL_SERVER_ERROR')));
    await open();
    el().querySelector<HTMLInputElement>('#language-en input')!.click();
    await settle(fixture);
    expect(el().querySelector<HTMLInputElement>('#language-nl input')!.checked).toBe(true);
    expect(el().querySelector('h1')?.textContent).toContain('Mijn gegevens');
  });
});
