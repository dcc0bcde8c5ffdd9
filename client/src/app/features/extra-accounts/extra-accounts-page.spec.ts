import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { anAccount, settle } from '../../../testing/fixtures';
import { accessibleText } from '../../../testing/dom-testing';
import { answering, failingWith, graphqlError } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { SessionStore } from '../../core/session/session.store';
import {
  AddExtraAccountGQL,
  ExtraAccountGQL,
  ExtraAccountsGQL,
  RemoveExtraAccountGQL,
  type ExtraAccountFieldsFragment,
} from '../../graphql/generated';
import { ExtraAccountsPage } from './extra-accounts-page';

function anExtraAccount(overrides: Partial<ExtraAccountFieldsFragment> = {}): ExtraAccountFieldsFragment {
  return {
    id: 'x1',
    displayName: 'Piet Pieters',
    email: 'piet@bedrijf.nl',
    accountNumber: '20000001',
    mobileNumber: null,
    language: 'NL',
    activatedAt: '2026-03-03T13:05:00.000Z',
    lastLoginAt: null,
    twoFactorMethod: 'NONE',
    ...overrides,
  };
}

const PIET = anExtraAccount();
const KLAAS = anExtraAccount({ id: 'x2', displayName: 'Klaas Klaassen', email: 'klaas@bedrijf.nl', activatedAt: null });

describe('ExtraAccountsPage', () => {
  let fixture: ComponentFixture<ExtraAccountsPage>;
  let list: ReturnType<typeof vi.fn>;
  let details: ReturnType<typeof vi.fn>;
  let add: ReturnType<typeof vi.fn>;
  let remove: ReturnType<typeof vi.fn>;

  const el = () => fixture.nativeElement as HTMLElement;
  /** Dialogs open in the CDK overlay container, outside the page. */
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const rows = () =>
    [...el().querySelectorAll('[data-testid="extra-account-row"]')].map((row) =>
      [...row.querySelectorAll('th, td')].slice(0, 4).map((cell) => cell.textContent?.trim()),
    );

  async function open(accounts: ExtraAccountFieldsFragment[]): Promise<void> {
    list.mockImplementation(answering({ extraAccounts: accounts }));
    fixture = TestBed.createComponent(ExtraAccountsPage);
    await settle(fixture);
  }

  function buttonIn(root: ParentNode, label: string): HTMLButtonElement {
    const button = [...root.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => accessibleText(b) === label || b.getAttribute('aria-label') === label,
    );
    expect(button, label).toBeDefined();
    return button!;
  }

  async function click(root: ParentNode, label: string): Promise<void> {
    buttonIn(root, label).click();
    await settle(fixture);
  }

  function fill(id: string, value: string): void {
    const input = document.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(() => {
    list = vi.fn();
    details = vi.fn(answering({ extraAccount: anExtraAccount({ mobileNumber: '+31612345678', lastLoginAt: null }) }));
    add = vi.fn();
    remove = vi.fn(answering({ removeExtraAccount: true }));
    TestBed.configureTestingModule({
      imports: [ExtraAccountsPage],
      providers: [
        provideTranslocoTesting(),
        // jsdom runs no CSS animations: dialogs must open and close at once.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: ExtraAccountsGQL, useValue: { fetch: list } },
        { provide: ExtraAccountGQL, useValue: { fetch: details } },
        { provide: AddExtraAccountGQL, useValue: { mutate: add } },
        { provide: RemoveExtraAccountGQL, useValue: { mutate: remove } },
      ],
    });
    TestBed.inject(SessionStore).setAccount(anAccount({ role: 'COMPANY_MAIN' }));
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
  });

  it('lists the extra accounts with their status and icon buttons naming the person', async () => {
    await open([PIET, KLAAS]);
    expect(el().querySelector('h1')?.textContent).toContain('Extra accounts');
    expect(rows()).toEqual([
      ['Piet Pieters', 'piet@bedrijf.nl', '20000001', 'Geactiveerd'],
      ['Klaas Klaassen', 'klaas@bedrijf.nl', '20000001', 'Uitnodiging verstuurd'],
    ]);
    expect(buttonIn(el(), 'Gegevens van Piet Pieters inzien')).toBeDefined();
    expect(buttonIn(el(), 'Extra account van Klaas Klaassen verwijderen')).toBeDefined();
    expect(el().textContent).toContain('Het toevoegen van extra accounts aan het hoofdaccount van de rechtspersoon.');
    expect(el().textContent).toContain('Inzien van de vastgelegde gegevens van het extra account.');
    expect(el().textContent).toContain('Het verwijderen van het extra account.');
  });

  it('says so when there are none', async () => {
    await open([]);
    expect(el().querySelector('[data-testid="extra-accounts-empty"]')?.textContent).toContain(
      'Er zijn nog geen extra accounts.',
    );
  });

  it('adds an extra account: field errors from the server at their fields, then the invitation message', async () => {
    await open([]);
    await click(el(), 'Extra account toevoegen');
    expect(dialog()?.querySelector('h2')?.textContent).toContain('Extra account toevoegen');

    fill('extra-account-name', 'Piet Pieters');
    fill('extra-account-email', 'jan@example.nl');
    fill('extra-account-mobile', '020 1234567');
    add.mockImplementationOnce(
      failingWith(
        graphqlError('BAD_USER_INPUT', {
          fields: [
            { field: 'email', message: 'EMAIL_TAKEN' },
            { field: 'mobileNumber', message: 'INVALID_MOBILE_NUMBER' },
          ],
        }),
      ),
    );
    await click(dialog()!, 'Toevoegen');
    const errors = [...dialog()!.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual([
      'Er bestaat al een account met dit e-mailadres.',
      'Vul een geldig mobiel nummer in (bijvoorbeeld 06 12345678).',
    ]);

    fill('extra-account-email', ' piet@bedrijf.nl ');
    fill('extra-account-mobile', '');
    (document.querySelector<HTMLElement>('#extra-account-language-en input'))!.click();
    add.mockImplementationOnce(answering({ addExtraAccount: PIET }));
    list.mockImplementation(answering({ extraAccounts: [PIET] }));
    await click(dialog()!, 'Toevoegen');
    expect(add).toHaveBeenLastCalledWith({
      variables: { input: { displayName: 'Piet Pieters', email: 'piet@bedrijf.nl', mobileNumber: null, language: 'EN' } },
    });
    await settle(fixture);
    expect(dialog()).toBeNull();
    expect(el().querySelector('[role="status"]')?.textContent).toContain('De uitnodiging is verstuurd naar piet@bedrijf.nl.');
    expect(rows()).toHaveLength(1);
  });

  it('does not send an incomplete form', async () => {
    await open([]);
    await click(el(), 'Extra account toevoegen');
    fill('extra-account-email', 'geen-adres');
    await click(dialog()!, 'Toevoegen');
    expect(add).not.toHaveBeenCalled();
    const errors = [...dialog()!.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Dit veld is verplicht.', 'Vul een geldig e-mailadres in.']);
  });

  it('shows all registered details of an extra account', async () => {
    await open([PIET]);
    await click(el(), 'Gegevens van Piet Pieters inzien');
    expect(details).toHaveBeenCalledWith({ variables: { id: 'x1' } });
    const shown = dialog()!.querySelector('[data-testid="extra-account-details"]')!.textContent ?? '';
    for (const expected of ['Piet Pieters', 'piet@bedrijf.nl', '20000001', '+31612345678', 'Nederlands', 'Geactiveerd op 3 maart 2026', 'Nog niet ingelogd', 'Uit']) {
      expect(shown).toContain(expected);
    }
  });

  it('removes an extra account only after a confirmation naming the person', async () => {
    await open([PIET, KLAAS]);
    await click(el(), 'Extra account van Piet Pieters verwijderen');
    expect(dialog()?.textContent).toContain(
      'Weet u zeker dat u het extra account van Piet Pieters (piet@bedrijf.nl) wilt verwijderen?',
    );
    await click(dialog()!, 'Annuleren');
    await settle(fixture);
    expect(remove).not.toHaveBeenCalled();

    await click(el(), 'Extra account van Piet Pieters verwijderen');
    list.mockImplementation(answering({ extraAccounts: [KLAAS] }));
    await click(dialog()!, 'Verwijderen');
    await settle(fixture);
    expect(remove).toHaveBeenCalledWith({ variables: { id: 'x1' } });
    expect(dialog()).toBeNull();
    expect(el().querySelector('[role="status"]')?.textContent).toContain('Het extra account van Piet Pieters is verwijderd.');
    expect(rows().map((r) => r[0])).toEqual(['Klaas Klaassen']);
    expect(document.activeElement).toBe(el().querySelector('#extra-accounts-list-heading'));
  });

  it('keeps the dialog open with the reason when removing fails', async () => {
    remove.mockImplementation(failingWith(graphqlError('INTERNAL_SERVER_ERROR')));
    await open([PIET]);
    await click(el(), 'Extra account van Piet Pieters verwijderen');
    await click(dialog()!, 'Verwijderen');
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain('Er is iets misgegaan.');
  });
});
