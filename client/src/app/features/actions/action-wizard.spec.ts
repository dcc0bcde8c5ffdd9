import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of } from 'rxjs';
import { settle } from '../../../testing/fixtures';
import { answering, failingWith, graphqlError } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import {
  ActionGQL,
  CompleteActionGQL,
  SaveActionPageGQL,
  UploadPolicyGQL,
  type ActionQuery,
} from '../../graphql/generated';
import { GraphqlUpload } from '../../shared/upload/graphql-upload';
import { ActionWizard } from './action-wizard';

type Action = ActionQuery['action'];
type Q = Action['questionnaire']['pages'][number]['questions'][number];
const q = (key: string, type: Q['type'], extra: Partial<Q> = {}): Q => ({
  key, label: key, help: null, type, required: false, options: [], showIfKey: null, showIfValue: null, ...extra,
});

function anAction(overrides: Partial<Action> = {}): Action {
  return {
    id: 'act1',
    title: 'Vragenlijst koper',
    status: 'IN_PROGRESS',
    currentPage: 1,
    pageCount: 2,
    completedAt: null,
    dossier: { id: 'd1', number: '2026.0501' },
    questionnaire: {
      title: 'Vragenlijst',
      pages: [
        { title: 'Persoonlijk', questions: [q('name', 'TEXT', { required: true, label: 'Volledige naam' }), q('partner', 'YES_NO', { required: true, label: 'Partner?' })] },
        { title: 'Partner', questions: [
          q('partnerName', 'TEXT', { required: true, label: 'Naam partner', showIfKey: 'partner', showIfValue: 'yes' }),
          q('children', 'NUMBER', { label: 'Kinderen', help: 'Alleen minderjarige kinderen' }),
        ] },
      ],
    },
    answers: [
      { key: 'name', values: ['Jan'], document: null },
      { key: 'partner', values: ['yes'], document: null },
    ],
    resultDocument: null,
    ...overrides,
  };
}

describe('ActionWizard', () => {
  let harness: RouterTestingHarness;
  let save: ReturnType<typeof vi.fn>;
  let complete: ReturnType<typeof vi.fn>;
  let action: Action;
  const el = () => harness.routeNativeElement as HTMLElement;
  const text = () => el().textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (name: string) =>
    [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(name))!;

  async function visit(url = '/actions/act1'): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness.fixture);
  }

  beforeEach(() => {
    action = anAction();
    save = vi.fn();
    complete = vi.fn();
    TestBed.configureTestingModule({
      providers: [
        provideTranslocoTesting(),
        provideRouter(
          [
            { path: 'actions/:id', component: ActionWizard },
            { path: 'actions/:id/result', component: ActionWizard },
          ],
          withComponentInputBinding(),
        ),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: ActionGQL, useValue: { fetch: vi.fn(() => of({ data: { action } })) } },
        { provide: SaveActionPageGQL, useValue: { mutate: save } },
        { provide: CompleteActionGQL, useValue: { mutate: complete } },
        { provide: UploadPolicyGQL, useValue: { fetch: answering({ uploadPolicy: { maxFileSize: 1024, maxFiles: 5, allowedExtensions: ['pdf'] } }) } },
        { provide: GraphqlUpload, useValue: { mutate: vi.fn() } },
      ],
    });
  });

  it('opens on the page where the user stopped, with the condition evaluated on the saved answers', async () => {
    await visit();
    expect(text()).toContain('Stap 2 van 2');
    expect(el().querySelector('#q-partnerName')).not.toBeNull();
    expect(el().querySelector('#q-children')?.getAttribute('aria-describedby')).toContain('q-children-help');
  });

  it('checks the page before saving: nothing is sent while a shown required question is empty', async () => {
    await visit();
    button('Volgende').click();
    await settle(harness.fixture);
    expect(save).not.toHaveBeenCalled();
    expect(el().querySelector('#q-partnerName-error')?.textContent).toContain('Deze vraag is verplicht.');
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('Niet alle vragen zijn goed ingevuld.');
  });

  it('shows a BAD_USER_INPUT field at its question', async () => {
    save.mockImplementation(failingWith(graphqlError('BAD_USER_INPUT', { fields: [{ field: 'answers.children', message: 'NOT_A_NUMBER' }] })));
    await visit();
    const partner = el().querySelector<HTMLInputElement>('#q-partnerName')!;
    partner.value = 'Marieke';
    partner.dispatchEvent(new Event('input'));
    const children = el().querySelector<HTMLInputElement>('#q-children')!;
    children.value = '2';
    children.dispatchEvent(new Event('input'));
    button('Volgende').click();
    await settle(harness.fixture);
    expect(save).toHaveBeenCalledWith({
      variables: { actionId: 'act1', page: 1, answers: [{ key: 'partnerName', values: ['Marieke'] }, { key: 'children', values: ['2'] }] },
    });
    expect(el().querySelector('#q-children-error')?.textContent).toContain('Vul een getal in');
  });

  it('after the last page shows the overview, and "Voltooien" leads to the result', async () => {
    save.mockImplementation(
      answering({ saveActionPage: { id: 'act1', status: 'IN_PROGRESS', currentPage: 2, answers: [...action.answers, { key: 'partnerName', values: ['Marieke'], document: null }] } }),
    );
    complete.mockImplementation(() => {
      action = { ...action, status: 'COMPLETED', currentPage: 2, completedAt: '2026-03-02T09:00:00.000Z', resultDocument: { id: 'doc1', title: 'Vragenlijst Vragenlijst koper', fileName: 'v.pdf', downloadUrl: '/files/doc1' } };
      return of({ data: { completeAction: { id: 'act1', status: 'COMPLETED', completedAt: action.completedAt, resultDocument: action.resultDocument } } });
    });
    await visit();
    const partner = el().querySelector<HTMLInputElement>('#q-partnerName')!;
    partner.value = 'Marieke';
    partner.dispatchEvent(new Event('input'));
    button('Volgende').click();
    await settle(harness.fixture);
    expect(text()).toContain('Overzicht van uw antwoorden');
    expect(text()).toContain('Marieke');
    button('Voltooien').click();
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe('/actions/act1/result');
    expect(text()).toContain('Vragenlijst afgerond');
    expect(el().querySelector('a[download]')?.getAttribute('href')).toBe('/files/doc1');
  });

  it('a completeAction refusal with `page` goes to that page and marks the question', async () => {
    action = anAction({ currentPage: 2, answers: [{ key: 'name', values: ['Jan'], document: null }, { key: 'partner', values: ['yes'], document: null }] });
    complete.mockImplementation(failingWith(graphqlError('BAD_USER_INPUT', { fields: [{ field: 'answers.partnerName', message: 'REQUIRED' }], page: 1 })));
    await visit();
    button('Voltooien').click();
    await settle(harness.fixture);
    expect(text()).toContain('Stap 2 van 2');
    expect(el().querySelector('#q-partnerName-error')?.textContent).toContain('Deze vraag is verplicht.');
  });
});
