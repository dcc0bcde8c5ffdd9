import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { settle } from '../../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../../testing/i18n-testing';
import { LinkState, OpenInvitationGQL, RequestPasswordLinkGQL } from '../../../graphql/generated';
import { ActivatePage } from './activate-page';

const CONFIRMATION =
  'Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link om uw wachtwoord in te stellen.';

describe('ActivatePage', () => {
  let fixture: ComponentFixture<ActivatePage>;
  let openInvitation: ReturnType<typeof vi.fn>;
  let requestLink: ReturnType<typeof vi.fn>;
  const el = () => fixture.nativeElement as HTMLElement;

  async function open(state: LinkState): Promise<void> {
    openInvitation.mockImplementation(answering({ openInvitation: state }));
    fixture = TestBed.createComponent(ActivatePage);
    fixture.componentRef.setInput('token', 'inv-1');
    await settle(fixture);
  }

  async function requestFor(email: string): Promise<void> {
    const input = el().querySelector<HTMLInputElement>('#email')!;
    input.value = email;
    input.dispatchEvent(new Event('input'));
    el().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
  }

  beforeEach(() => {
    openInvitation = vi.fn();
    requestLink = vi.fn(answering({ requestPasswordLink: true }));
    TestBed.configureTestingModule({
      imports: [ActivatePage],
      providers: [
        provideRouter([]),
        provideTranslocoTesting(),
        { provide: OpenInvitationGQL, useValue: { mutate: openInvitation } },
        { provide: RequestPasswordLinkGQL, useValue: { mutate: requestLink } },
      ],
    });
  });

  it('reports the opened invitation once and asks for the e-mail address', async () => {
    await open('VALID');
    expect(openInvitation).toHaveBeenCalledTimes(1);
    expect(openInvitation).toHaveBeenCalledWith({ variables: { token: 'inv-1' } });
    expect(el().textContent).toContain('Vul uw e-mailadres in en klik op verstuur');
    await requestFor('jan@example.nl');
    expect(requestLink).toHaveBeenCalledWith({ variables: { email: 'jan@example.nl' } });
    expect(el().querySelector('[role="status"]')?.textContent?.trim()).toBe(CONFIRMATION);
    expect(el().querySelector('form')).toBeNull();
  });

  it('does not send an invalid address', async () => {
    await open('VALID');
    await requestFor('geen-adres');
    expect(requestLink).not.toHaveBeenCalled();
    expect(el().textContent).toContain('Vul een geldig e-mailadres in.');
  });

  it('says a fresh invitation was sent when the old one expired', async () => {
    await open('EXPIRED_RESENT');
    expect(el().querySelector('h1')?.textContent).toContain('Deze uitnodiging is verlopen');
    expect(el().textContent).toContain('nieuwe uitnodiging per e-mail gestuurd');
    expect(el().querySelector('#email')).toBeNull();
  });

  it('offers a new link for an invalid one', async () => {
    await open('INVALID');
    expect(el().querySelector('h1')?.textContent).toContain('Deze link is niet meer geldig');
    expect(el().querySelector('#email')).not.toBeNull();
  });

  it('shows the rate limit when requesting too often', async () => {
    await open('VALID');
    requestLink.mockImplementation(failingWith(graphqlError('RATE_LIMITED')));
    await requestFor('jan@example.nl');
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('Te veel pogingen.');
  });
});
