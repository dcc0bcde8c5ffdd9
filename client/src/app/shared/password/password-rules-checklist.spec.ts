import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { PasswordRulesChecklist } from './password-rules-checklist';
import { PasswordPolicy } from './password-rules';

const seed: PasswordPolicy = { mode: 'SEED', minLength: 8, maxLength: 128, requireUppercase: true, requireDigit: true };

describe('PasswordRulesChecklist', () => {
  let fixture: ComponentFixture<PasswordRulesChecklist>;

  async function render(password: string, policy = seed): Promise<HTMLElement> {
    fixture.componentRef.setInput('policy', policy);
    fixture.componentRef.setInput('password', password);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function metRules(el: HTMLElement): string[] {
    return [...el.querySelectorAll('li[data-met="true"]')].map((li) => li.getAttribute('data-rule') ?? '');
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [PasswordRulesChecklist], providers: [provideTranslocoTesting()] });
    fixture = TestBed.createComponent(PasswordRulesChecklist);
  });

  it('states the rules up front in the seed wording, nothing met yet and nothing announced', async () => {
    const el = await render('');
    expect(el.querySelector('.rules-intro')?.textContent?.trim()).toBe(
      'Het wachtwoord dient minimaal 8 tekens bevatten, waarvan minimaal 1 hoofdletter en 1 cijfer',
    );
    expect(el.querySelectorAll('li').length).toBe(3);
    expect(metRules(el)).toEqual([]);
    expect(el.querySelector('[aria-live="polite"]')?.textContent?.trim()).toBe('');
  });

  it('ticks rules as they are met and announces the count politely', async () => {
    let el = await render('abc1');
    expect(metRules(el)).toEqual(['digit']);
    expect(el.querySelector('[aria-live="polite"]')?.textContent?.trim()).toBe('1 van 3 eisen voldaan');
    el = await render('Abcdefg1');
    expect(metRules(el)).toEqual(['minLength', 'uppercase', 'digit']);
    expect(el.querySelector('[aria-live="polite"]')?.textContent?.trim()).toBe('Het wachtwoord voldoet aan alle eisen.');
  });

  it('shows only minimum and maximum length in STANDARDS mode', async () => {
    const el = await render('', { mode: 'STANDARDS', minLength: 12, maxLength: 64, requireUppercase: false, requireDigit: false });
    expect([...el.querySelectorAll('li')].map((li) => li.getAttribute('data-rule'))).toEqual(['minLength', 'maxLength']);
    expect(el.textContent).toContain('Maximaal 64 tekens');
  });
});
