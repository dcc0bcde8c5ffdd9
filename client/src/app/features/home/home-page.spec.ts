import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { anAccount, settle } from '../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { SessionStore } from '../../core/session/session.store';
import { HomeSummaryGQL } from '../../graphql/generated';
import { HomePage, actionsCountKey } from './home-page';

describe('HomePage', () => {
  let fetch: ReturnType<typeof vi.fn>;

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(HomePage);
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }
  const count = (el: HTMLElement, tile: string) => el.querySelector(`[data-testid="tile-${tile}"] .tile-count`)?.textContent?.trim();

  beforeEach(() => {
    fetch = vi.fn();
    TestBed.configureTestingModule({
      providers: [provideTranslocoTesting(), provideRouter([]), { provide: HomeSummaryGQL, useValue: { fetch } }],
    });
    TestBed.inject(SessionStore).setAccount(anAccount());
  });

  it('shows dossiers in progress and in total, and the open actions', async () => {
    fetch.mockImplementation(answering({ home: { dossiersInProgress: 2, dossiersTotal: 5, openActions: 3, unreadMessages: 1 } }));
    const el = await render();
    expect(count(el, 'dossiers')).toBe('2 in behandeling / 5 totaal');
    expect(count(el, 'actions')).toBe('3 vragenlijsten in te vullen');
    expect(count(el, 'my-details')).toBeUndefined();
  });

  it('says there is nothing to fill in at 0 (seed 000), and one questionnaire in the singular', async () => {
    expect(actionsCountKey(1)).toBe('home.actionsOne');
    fetch.mockImplementation(answering({ home: { dossiersInProgress: 0, dossiersTotal: 0, openActions: 0, unreadMessages: 0 } }));
    const el = await render();
    expect(count(el, 'actions')).toBe('0 — u hoeft geen vragenlijst (meer) in te vullen');
  });

  it('still leads to the sections when the numbers cannot be loaded', async () => {
    fetch.mockImplementation(failingWith(graphqlError('INTERNAL_SERVER_ERROR')));
    const el = await render();
    expect(count(el, 'dossiers')).toBeUndefined();
    expect(el.querySelector('[data-testid="tile-dossiers"] a')?.getAttribute('href')).toBe('/dossiers');
  });
});
