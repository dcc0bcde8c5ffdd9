import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { anAccount, anAuthResult, settle } from '../../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../../testing/i18n-testing';
import { SessionStore } from '../../../core/session/session.store';
import { LinkState, PasswordLinkStateGQL, SetPasswordGQL } from '../../../graphql/generated';
import { SetPasswordPage } from './set-password-page';

describe('SetPasswordPage', () => {
  let fixture: ComponentFixture<SetPasswordPage>;
  let fetch: ReturnType<typeof vi.fn>;
  let mutate: ReturnType<typeof vi.fn>;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;

  const el = () => fixture.nativeElement as HTMLElement;

  async function open(state: LinkState): Promise<void> {
    fetch.mockImplementation(answering({ passwordLinkState: state }));
    fixture = TestBed.createComponent(SetPasswordPage);
    fixture.componentRef.setInput('token', 'tok-123');
    await settle(fixture);
  }

  function type(id: string, value: string): void {
    const input = el().querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(password: string, repeat = password): Promise<void> {
    type('new-password', password);
    type('repeat-password', repeat);
    el().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
  }

  beforeEach(() => {
    fetch = vi.fn();
    mutate = vi.fn();
    TestBed.configureTestingModule({
      imports: [SetPasswordPage],
      providers: [
        provideRouter([]),
        provideTranslocoTesting(),
        { provide: PasswordLinkStateGQL, useValue: { fetch } },
        { provide: SetPasswordGQL, useValue: { mutate } },
        { provide: Apollo, useValue: { client: { clearStore: () => Promise.resolve([]) } } },
      ],
    });
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  it('checks the link when it opens and shows the expired page for an expired link', async () => {
    await open('EXPIRED');
    expect(fetch).toHaveBeenCalledWith({ variables: { token: 'tok-123' }, fetchPolicy: 'no-cache' });
    expect(el().querySelector('h1')?.textContent).toContain('Deze link is niet meer geldig');
    expect(el().querySelector('a[href="/password-link"]')?.textContent).toContain('Nieuwe link aanvragen');
    expect(el().querySelector('form')).toBeNull();
  });

  it('does not send a password that breaks the rules or is repeated wrongly', async () => {
    await open('VALID');
    await submit('kort');
    await submit('Geheim123', 'Geheim124');
    expect(mutate).not.toHaveBeenCalled();
    expect(el().textContent).toContain('De wachtwoorden komen niet overeen.');
  });

  it('sets the password exactly as typed, signs in and opens "Mijn gegevens"', async () => {
    mutate.mockImplementation(
      answering({ setPassword: anAuthResult({ account: anAccount({ firstLogin: true }) }) }),
    );
    await open('VALID');
    await submit(' Geheim123 ');
    expect(mutate).toHaveBeenCalledWith({ variables: { token: 'tok-123', password: ' Geheim123 ' } });
    expect(TestBed.inject(SessionStore).me()?.email).toBe('jan@example.nl');
    expect(navigateByUrl).toHaveBeenCalledWith('/my-details');
  });

  it('explains a blocklisted password', async () => {
    mutate.mockImplementation(failingWith(graphqlError('PASSWORD_POLICY', { reasons: ['BLOCKLISTED'] })));
    await open('VALID');
    await submit('Welkom123');
    const alert = el().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Het wachtwoord voldoet niet aan de eisen:');
    expect(alert?.textContent).toContain('Dit wachtwoord komt voor in lijsten van uitgelekte of veelgebruikte wachtwoorden.');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('switches to the expired page when the link expired meanwhile', async () => {
    mutate.mockImplementation(failingWith(graphqlError('LINK_EXPIRED')));
    await open('VALID');
    await submit('Geheim123');
    expect(el().querySelector('h1')?.textContent).toContain('Deze link is niet meer geldig');
  });
});
