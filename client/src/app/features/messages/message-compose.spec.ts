import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { Subject } from 'rxjs';
import { aPortalInfo, settle } from '../../../testing/fixtures';
import { graphqlError } from '../../../testing/graphql-testing';
import { answering } from '../../../testing/graphql-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { accessibleText } from '../../../testing/dom-testing';
import { SessionStore } from '../../core/session/session.store';
import { SendMessageDocument, UploadPolicyGQL, type SendMessageMutation } from '../../graphql/generated';
import { GraphqlUpload, type UploadEvent } from '../../shared/upload/graphql-upload';
import { MessageCompose, replySubject, type SentMessage } from './message-compose';

const SENT: SentMessage = {
  id: 'm9',
  direction: 'TO_OFFICE',
  subject: 'Re: Concept akte',
  body: 'Hierbij zend ik',
  senderName: 'Jan Jansen',
  sentAt: '2026-03-03T13:05:00.000Z',
  readAt: null,
  inReplyTo: null,
  attachments: [],
};

const ORIGINAL = {
  id: 'm1',
  subject: 'Concept akte',
  body: 'Graag uw reactie op het concept.',
  senderName: 'mr. De Vries',
  sentAt: '2026-03-02T09:00:00.000Z',
};

describe('MessageCompose', () => {
  let fixture: ComponentFixture<MessageCompose>;
  let uploads: Subject<UploadEvent<SendMessageMutation>>;
  let mutate: ReturnType<typeof vi.fn>;
  let sent: SentMessage[];

  const el = () => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const body = () => el().querySelector<HTMLTextAreaElement>('#message-body')!;
  const counter = () => el().querySelector('[data-testid="body-counter"]')?.textContent?.trim();

  function type(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
    element.value = value;
    element.dispatchEvent(new Event('input'));
  }

  function button(root: ParentNode, name: string): HTMLButtonElement {
    const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => accessibleText(b) === name || b.getAttribute('aria-label') === name,
    );
    expect(found, name).toBeDefined();
    return found!;
  }

  async function open(replyTo: typeof ORIGINAL | null = null): Promise<void> {
    fixture = TestBed.createComponent(MessageCompose);
    fixture.componentRef.setInput('dossierId', 'd1');
    fixture.componentRef.setInput('replyTo', replyTo);
    fixture.componentInstance.sent.subscribe((m) => sent.push(m));
    await settle(fixture);
  }

  beforeEach(() => {
    uploads = new Subject();
    mutate = vi.fn(() => uploads);
    sent = [];
    TestBed.configureTestingModule({
      imports: [MessageCompose],
      providers: [
        provideTranslocoTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: GraphqlUpload, useValue: { mutate } },
        {
          provide: UploadPolicyGQL,
          useValue: { fetch: answering({ uploadPolicy: { maxFileSize: 10_000_000, maxFiles: 5, allowedExtensions: ['pdf', 'jpg'] } }) },
        },
      ],
    });
    TestBed.inject(SessionStore).setPortalInfo(aPortalInfo());
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('counts the characters live: "24 van 4000 tekens"', async () => {
    await open();
    expect(counter()).toBe('0 van 4000 tekens');
    type(body(), 'Beste,\n\nHierbij zend ik.');
    await settle(fixture);
    expect(counter()).toBe('24 van 4000 tekens');
    expect(document.activeElement).toBe(el().querySelector('#message-subject'));
  });

  it('on reaching 4000 characters shows "Maximum bereikt" and cuts the text beyond it (also a paste)', async () => {
    await open();
    type(body(), 'a'.repeat(3990) + 'b'.repeat(20));
    await settle(fixture);

    expect(body().value).toBe('a'.repeat(3990) + 'b'.repeat(10));
    expect(counter()).toBe('4000 van 4000 tekens');
    expect(dialog()?.querySelector('h2')?.textContent).toContain('Maximum bereikt');
    expect(dialog()?.textContent).toContain(
      'Het maximaal aantal van 4000 karakters voor een bericht is bereikt. Meer tekst zal worden verwijderd.',
    );
    button(dialog()!, 'OK').click();
    await settle(fixture);
    expect(dialog()).toBeNull();

    // Typing on at the limit: cut again, and told again.
    type(body(), body().value + 'c');
    await settle(fixture);
    expect(body().value).toHaveLength(4000);
    expect(body().value.endsWith('c')).toBe(false);
    expect(dialog()).not.toBeNull();
  });

  it('shows the dialog on reaching exactly 4000, without cutting', async () => {
    await open();
    type(body(), 'x'.repeat(3999));
    await settle(fixture);
    expect(dialog()).toBeNull();
    type(body(), 'x'.repeat(4000));
    await settle(fixture);
    expect(body().value).toHaveLength(4000);
    expect(dialog()).not.toBeNull();
  });

  it('announces the remaining characters only at the thresholds', async () => {
    await open();
    const announced = () => el().querySelector('[data-testid="compose-announcement"]')?.textContent?.trim();
    type(body(), 'x'.repeat(3000));
    await settle(fixture);
    expect(announced()).toBe('');
    type(body(), 'x'.repeat(3600));
    await settle(fixture);
    expect(announced()).toBe('U kunt nog 400 tekens invoeren.');
  });

  it('requires subject and body', async () => {
    await open();
    el().querySelector<HTMLButtonElement>('[data-testid="message-send"]')!.click();
    await settle(fixture);
    expect(mutate).not.toHaveBeenCalled();
    expect([...el().querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual([
      'Dit veld is verplicht.',
      'Dit veld is verplicht.',
    ]);
  });

  it('replies with "Re: …", shows the original below, and sends the attachments as a multipart upload with progress', async () => {
    expect(replySubject('RE: Akte')).toBe('RE: Akte');
    await open(ORIGINAL);
    expect(el().querySelector<HTMLInputElement>('#message-subject')!.value).toBe('Re: Concept akte');
    expect(el().querySelector('[data-testid="original-message"]')?.textContent).toContain('Graag uw reactie op het concept.');
    expect(el().querySelector('h3')?.textContent).toContain('Beantwoorden');
    expect(document.activeElement).toBe(body());

    const pdf = new File(['%PDF'], 'paspoort.pdf');
    const jpg = new File(['jpg'], 'foto.jpg');
    button(el(), 'Bijlagen').click();
    await settle(fixture);
    const dropped = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(dropped, 'dataTransfer', { value: { files: [pdf, jpg] } });
    dialog()!.querySelector('[data-testid="drop-zone"]')!.dispatchEvent(dropped);
    await settle(fixture);
    button(dialog()!, 'Upload 2 bestanden').click();
    await settle(fixture);
    expect([...el().querySelectorAll('[data-testid="compose-attachment"] .file-name')].map((n) => n.textContent)).toEqual([
      'paspoort.pdf',
      'foto.jpg',
    ]);
    button(el(), 'paspoort.pdf verwijderen').click();
    await settle(fixture);
    expect([...el().querySelectorAll('[data-testid="compose-attachment"] .file-name')].map((n) => n.textContent)).toEqual([
      'foto.jpg',
    ]);

    type(body(), 'Hierbij zend ik');
    el().querySelector<HTMLButtonElement>('[data-testid="message-send"]')!.click();
    await settle(fixture);
    expect(mutate).toHaveBeenCalledWith(
      SendMessageDocument,
      { input: { dossierId: 'd1', subject: 'Re: Concept akte', body: 'Hierbij zend ik', inReplyToId: 'm1', attachments: [null] } },
      [{ path: 'input.attachments.0', file: jpg }],
    );
    uploads.next({ type: 'progress', loaded: 40, total: 100, percent: 40 });
    await settle(fixture);
    expect(el().querySelector('[data-testid="send-progress"]')?.textContent).toContain('Bezig met versturen: 40%');
    expect(el().querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('40');

    uploads.next({ type: 'done', data: { sendMessage: SENT } });
    uploads.complete();
    await settle(fixture);
    expect(sent).toEqual([SENT]);
    expect(el().querySelector('[data-testid="send-progress"]')).toBeNull();
  });

  it('names the rejected file when the server refuses it', async () => {
    mutate.mockImplementation(() => {
      const s = new Subject<UploadEvent<SendMessageMutation>>();
      queueMicrotask(() => s.error(graphqlError('FILE_REJECTED', { reason: 'TYPE_NOT_ALLOWED', fileName: 'virus.exe' })));
      return s;
    });
    await open();
    type(el().querySelector<HTMLInputElement>('#message-subject')!, 'Stukken');
    type(body(), 'Zie bijlage');
    el().querySelector<HTMLButtonElement>('[data-testid="message-send"]')!.click();
    await settle(fixture);
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('Het bestandstype van virus.exe is niet toegestaan.');
    expect(sent).toEqual([]);
  });
});
