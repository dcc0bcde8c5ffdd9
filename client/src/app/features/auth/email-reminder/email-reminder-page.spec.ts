import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { settle } from '../../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../../testing/i18n-testing';
import { RequestEmailReminderGQL } from '../../../graphql/generated';
import { EmailReminderPage } from './email-reminder-page';

const SENT = 'Als dit mobiele nummer bij ons bekend is, ontvangt u binnen enkele minuten een sms met uw e-mailadres.';
const INVALID = 'Vul een geldig mobiel nummer in (bijvoorbeeld 06 12345678).';

describe('EmailReminderPage', () => {
  let fixture: ComponentFixture<EmailReminderPage>;
  let request: ReturnType<typeof vi.fn>;
  const el = () => fixture.nativeElement as HTMLElement;

  async function send(number: string): Promise<void> {
    const input = el().querySelector<HTMLInputElement>('#mobile-number')!;
    input.value = number;
    input.dispatchEvent(new Event('input'));
    el().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
  }

  beforeEach(async () => {
    request = vi.fn(answering({ requestEmailReminder: true }));
    TestBed.configureTestingModule({
      imports: [EmailReminderPage],
      providers: [provideRouter([]), provideTranslocoTesting(), { provide: RequestEmailReminderGQL, useValue: { mutate: request } }],
    });
    fixture = TestBed.createComponent(EmailReminderPage);
    await settle(fixture);
  });

  it('asks for the mobile number in a labelled telephone field', () => {
    expect(el().querySelector('h1')?.textContent).toContain('E-mailadres vergeten');
    const input = el().querySelector<HTMLInputElement>('#mobile-number')!;
    expect(input.type).toBe('tel');
    expect(input.getAttribute('autocomplete')).toBe('tel');
    expect(el().querySelector('label[for="mobile-number"]')?.textContent).toContain('Mobiel nummer');
    expect(el().querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Verstuur');
  });

  it('always gives the same answer once sent, and hides the form', async () => {
    await send(' 06 12345678 ');
    expect(request).toHaveBeenCalledWith({ variables: { mobileNumber: '06 12345678' } });
    expect(el().querySelector('[role="status"]')?.textContent).toContain(SENT);
    expect(el().querySelector('form')).toBeNull();
  });

  it('catches an obviously wrong number before sending', async () => {
    await send('abc');
    expect(request).not.toHaveBeenCalled();
    expect(el().querySelector('mat-error')?.textContent).toContain(INVALID);
  });

  it('shows the server’s verdict on the number at the field', async () => {
    request.mockImplementation(
      failingWith(graphqlError('BAD_USER_INPUT', { fields: [{ field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' }] })),
    );
    await send('020 1234567');
    expect(el().querySelector('mat-error')?.textContent).toContain(INVALID);
    expect(el().querySelector('form')).not.toBeNull();
  });

  it('asks to wait when rate limited', async () => {
    request.mockImplementation(failingWith(graphqlError('RATE_LIMITED')));
    await send('0612345678');
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('Te veel pogingen.');
  });
});
