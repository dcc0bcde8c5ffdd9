import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { accessibleText } from '../../../testing/dom-testing';
import { settle } from '../../../testing/fixtures';
import { answering } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { DossierMessagesGQL, MarkMessageReadGQL, UploadPolicyGQL, type MessageFieldsFragment } from '../../graphql/generated';
import { GraphqlUpload } from '../../shared/upload/graphql-upload';
import { MessagesTab, isUnread } from './messages-tab';

function aMessage(overrides: Partial<MessageFieldsFragment> = {}): MessageFieldsFragment {
  return {
    id: 'm1',
    direction: 'FROM_OFFICE',
    subject: 'Concept akte',
    body: 'Graag uw reactie.',
    senderName: 'mr. De Vries',
    sentAt: '2026-03-02T09:00:00.000Z',
    readAt: null,
    inReplyTo: null,
    attachments: [],
    ...overrides,
  };
}

describe('MessagesTab', () => {
  let fixture: ComponentFixture<MessagesTab>;
  let markRead: ReturnType<typeof vi.fn>;
  let changed: number;
  const el = () => fixture.nativeElement as HTMLElement;
  const row = (id: string) => el().querySelector<HTMLElement>(`[data-message-id="${id}"]`)!;

  beforeEach(async () => {
    markRead = vi.fn(answering({ markMessageRead: { id: 'm1', readAt: '2026-03-03T10:00:00.000Z' } }));
    changed = 0;
    const list = [
      aMessage(),
      aMessage({ id: 'm2', direction: 'TO_OFFICE', subject: 'kopie stukken', senderName: 'Jan Jansen', readAt: null }),
    ];
    TestBed.configureTestingModule({
      providers: [
        provideTranslocoTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: DossierMessagesGQL,
          useValue: {
            fetch: answering({
              dossier: {
                id: 'd1',
                messages: {
                  edges: list.map((node) => ({ cursor: node.id, node })),
                  pageInfo: { hasNextPage: false, endCursor: 'm2' },
                  totalCount: 2,
                },
              },
            }),
          },
        },
        { provide: MarkMessageReadGQL, useValue: { mutate: markRead } },
        { provide: UploadPolicyGQL, useValue: { fetch: answering({ uploadPolicy: { maxFileSize: 1000, maxFiles: 2, allowedExtensions: [] } }) } },
        { provide: GraphqlUpload, useValue: { mutate: vi.fn() } },
      ],
    });
    fixture = TestBed.createComponent(MessagesTab);
    fixture.componentRef.setInput('dossierId', 'd1');
    fixture.componentInstance.changed.subscribe(() => changed++);
    await settle(fixture);
  });

  it('lists incoming and outgoing ("Aan") messages, unread ones bold and announced', () => {
    expect(isUnread(aMessage({ direction: 'TO_OFFICE' }))).toBe(false);
    expect(row('m1').classList).toContain('unread');
    expect(accessibleText(row('m1').querySelector('button')!)).toContain('Ongelezen: Concept akte');
    expect(row('m2').classList).not.toContain('unread');
    expect(accessibleText(row('m2').querySelector('button')!)).toMatch(/^Aan: kopie stukken/);
  });

  it('opens a message on click, marks it read, and offers "Beantwoorden" with the original shown', async () => {
    const toggle = row('m1').querySelector<HTMLButtonElement>('button')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle(fixture);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(row('m1').querySelector('[data-testid="message-text"]')?.textContent).toBe('Graag uw reactie.');
    expect(markRead).toHaveBeenCalledWith({ variables: { id: 'm1' } });
    expect(row('m1').classList).not.toContain('unread');
    expect(changed).toBe(1);

    row('m1').querySelector<HTMLButtonElement>('[data-reply-id="m1"]')!.click();
    await settle(fixture);
    expect(el().querySelector<HTMLInputElement>('#message-subject')?.value).toBe('Re: Concept akte');
    expect(el().querySelector('[data-testid="original-message"]')?.textContent).toContain('Graag uw reactie.');
  });

  it('does not mark outgoing messages read', async () => {
    row('m2').querySelector<HTMLButtonElement>('button')!.click();
    await settle(fixture);
    expect(markRead).not.toHaveBeenCalled();
  });

  it('starts a new message with "Nieuw bericht" and returns to the list on cancel', async () => {
    el().querySelector<HTMLButtonElement>('#messages-new')!.click();
    await settle(fixture);
    expect(el().querySelector('[data-testid="message-compose"] h3')?.textContent).toContain('Nieuw bericht');
    expect(el().querySelector<HTMLInputElement>('#message-subject')?.value).toBe('');
    [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) => accessibleText(b) === 'Annuleren')!.click();
    await settle(fixture);
    expect(el().querySelector('[data-testid="message-compose"]')).toBeNull();
    expect(document.activeElement?.id).toBe('messages-new');
  });
});
