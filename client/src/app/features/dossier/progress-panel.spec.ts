import { ComponentFixture, TestBed } from '@angular/core/testing';
import { accessibleText } from '../../../testing/dom-testing';
import { settle } from '../../../testing/fixtures';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { type Progress, ProgressPanel } from './progress-panel';

describe('ProgressPanel', () => {
  let fixture: ComponentFixture<ProgressPanel>;
  const toggle = () => fixture.nativeElement.querySelector('[data-testid="progress-toggle"]') as HTMLButtonElement;
  const steps = () =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="progress-step"]')].map(accessibleText);

  async function show(progress: Progress): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideTranslocoTesting()] });
    fixture = TestBed.createComponent(ProgressPanel);
    fixture.componentRef.setInput('progress', progress);
    await settle(fixture);
  }

  it('reads "Voortgang (0/0)" without a progress list', async () => {
    await show({ done: 0, total: 0, steps: [] });
    expect(toggle().textContent?.trim()).toContain('Voortgang (0/0)');
    toggle().click();
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain('Voor dit dossier is (nog) geen voortgangslijst beschikbaar.');
  });

  it('is collapsed by default and expands to the steps, done or not, in order', async () => {
    await show({
      done: 1,
      total: 2,
      steps: [
        { id: 's2', position: 2, title: 'Akte passeren', done: false, doneAt: null },
        { id: 's1', position: 1, title: 'Stukken ontvangen', done: true, doneAt: '2026-02-01T10:00:00.000Z' },
      ],
    });
    expect(toggle().textContent).toContain('Voortgang (1/2)');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().getAttribute('aria-controls')).toBe('progress-steps');
    expect(fixture.nativeElement.querySelector('#progress-steps').hidden).toBe(true);
    expect(steps()).toEqual([]);

    toggle().click();
    await settle(fixture);
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(fixture.nativeElement.querySelector('#progress-steps').hidden).toBe(false);
    expect(steps()).toEqual(['Stukken ontvangen Afgerond (afgerond op 1 feb 2026)', 'Akte passeren Nog niet afgerond']);

    toggle().click();
    await settle(fixture);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
  });
});
