import { DOCUMENT } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { anAccount, settle } from '../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { SessionStore } from '../../core/session/session.store';
import { ChangePasswordGQL, MarkFirstLoginDoneGQL, UpdateMySettingsGQL } from '../../graphql/generated';
import { MyDetailsPage } from './my-details-page';

describe('MyDetailsPage', () => {
  let fixture: ComponentFixture<MyDetailsPage>;
  let markDone: ReturnType<typeof vi.fn>;
  let update: ReturnType<typeof vi.fn>;
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
    TestBed.configureTestingModule({
      imports: [MyDetailsPage],
      providers: [
        provideRouter([]),
        provideTranslocoTesting(),
        { provide: MarkFirstLoginDoneGQL, useValue: { mutate: markDone } },
        { provide: UpdateMySettingsGQL, useValue: { mutate: update } },
        { provide: ChangePasswordGQL, useValue: { mutate: vi.fn() } },
        { provide: Apollo, useValue: {} },
      ],
    });
    store = TestBed.inject(SessionStore);
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
