import { TestBed } from '@angular/core/testing';
import { answering } from '../../../testing/graphql-testing';
import { ConfirmPasswordGQL } from '../../graphql/generated';
import { PasswordConfirmation } from './password-confirmation';

describe('PasswordConfirmation', () => {
  let confirmation: PasswordConfirmation;
  const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        PasswordConfirmation,
        { provide: ConfirmPasswordGQL, useValue: { mutate: vi.fn(answering({ confirmPassword: minutes(5) })) } },
      ],
    });
    confirmation = TestBed.inject(PasswordConfirmation);
  });

  afterEach(() => vi.useRealTimers());

  it('is stale without a confirmation and fresh right after one', async () => {
    confirmation.setUntil(null);
    expect(confirmation.isFresh()).toBe(false);
    await confirmation.confirm('Geheim123');
    expect(confirmation.isFresh()).toBe(true);
    confirmation.expire();
    expect(confirmation.isFresh()).toBe(false);
  });

  it('follows the server’s window, asking again shortly before it closes', () => {
    vi.useFakeTimers();
    confirmation.setUntil(minutes(2));
    vi.advanceTimersByTime(100_000);
    expect(confirmation.isFresh()).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(confirmation.isFresh()).toBe(false);
  });

  it('trusts a confirmation only briefly when the browser’s clock disagrees with the server’s', () => {
    vi.useFakeTimers();
    for (const skewed of [minutes(-60), minutes(60)]) {
      confirmation.setUntil(skewed);
      expect(confirmation.isFresh()).toBe(true);
    }
    vi.advanceTimersByTime(50_000);
    expect(confirmation.isFresh()).toBe(false);
  });
});
