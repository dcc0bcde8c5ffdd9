import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, OnInit, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { DossierMessagesGQL, MarkMessageReadGQL, type MessageFieldsFragment } from '../../graphql/generated';
import { focusAfterRender } from '../../shared/a11y/focus';
import { DocumentRow } from '../../shared/documents/document-row';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { CursorList } from '../../shared/paging/cursor-list';
import { formatDateTimeShort } from '../../shared/format/formatting';
import { MessageCompose, type SentMessage } from './message-compose';

export const MESSAGES_PAGE_SIZE = 25;

type Compose = { replyTo: MessageFieldsFragment | null } | null;

/** Unread for the client: a message from the office it has not opened yet. */
export function isUnread(message: Pick<MessageFieldsFragment, 'direction' | 'readAt'>): boolean {
  return message.direction === 'FROM_OFFICE' && !message.readAt;
}

/**
 * Tab "Berichten" (SPEC §5, seed 000 §2.1.1.5): incoming messages (from the office) and
 * outgoing ones (marked "Aan") in one list, unread ones in bold. Clicking a message opens it
 * and marks it read; "Beantwoorden" and "Nieuw bericht" open the compose form. `changed`
 * fires whenever the dossier's counts may have changed (read, sent).
 */
@Component({
  selector: 'app-messages-tab',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective, DocumentRow, ErrorAlert, MessageCompose],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './messages-tab.html',
  styleUrl: './messages-tab.scss',
})
export class MessagesTab implements OnInit {
  readonly dossierId = input.required<string>();
  readonly changed = output<void>();

  private readonly messagesGql = inject(DossierMessagesGQL);
  private readonly markReadGql = inject(MarkMessageReadGQL);
  private readonly language = inject(LanguageService).current;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  private readonly list = new CursorList<MessageFieldsFragment>((after) =>
    firstValueFrom(
      this.messagesGql.fetch({ variables: { id: this.dossierId(), first: MESSAGES_PAGE_SIZE, after }, fetchPolicy: 'network-only' }),
    ).then((result) => result.data?.dossier.messages),
  );
  protected readonly messages = this.list.items;
  protected readonly endCursor = this.list.endCursor;
  protected readonly loading = this.list.loading;
  protected readonly error = this.list.error;
  protected readonly openId = signal<string | null>(null);
  protected readonly compose = signal<Compose>(null);
  protected readonly sentNotice = signal(false);
  protected readonly isUnread = isUnread;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
  }

  ngOnInit(): Promise<void> {
    return this.load(null);
  }

  protected async toggle(message: MessageFieldsFragment): Promise<void> {
    if (this.openId() === message.id) {
      this.openId.set(null);
      return;
    }
    this.openId.set(message.id);
    if (isUnread(message)) {
      // Bold goes at once; the server's readAt replaces ours when it answers.
      this.setReadAt(message.id, new Date().toISOString());
      try {
        const result = await firstValueFrom(this.markReadGql.mutate({ variables: { id: message.id } }));
        const readAt = result.data?.markMessageRead.readAt;
        if (readAt) {
          this.setReadAt(message.id, readAt);
        }
        this.changed.emit();
      } catch {
        this.setReadAt(message.id, null);
      }
    }
  }

  protected startNew(): void {
    this.sentNotice.set(false);
    this.compose.set({ replyTo: null });
  }

  protected reply(message: MessageFieldsFragment): void {
    this.sentNotice.set(false);
    this.compose.set({ replyTo: message });
  }

  protected cancelCompose(): void {
    const replyTo = this.compose()?.replyTo;
    this.compose.set(null);
    focusAfterRender(this.host, replyTo ? `[data-reply-id="${replyTo.id}"]` : '#messages-new', this.injector);
  }

  protected async onSent(message: SentMessage): Promise<void> {
    this.compose.set(null);
    this.sentNotice.set(true);
    this.openId.set(message.id);
    this.changed.emit();
    await this.load(null);
    if (!this.destroyed) {
      focusAfterRender(this.host, '#messages-sent', this.injector);
    }
  }

  protected formatDate(value: string): string {
    return formatDateTimeShort(value, this.language());
  }

  protected load(after: string | null): Promise<void> {
    return this.list.load(after);
  }

  private setReadAt(id: string, readAt: string | null): void {
    this.messages.update((list) => list?.map((m) => (m.id === id ? { ...m, readAt } : m)) ?? null);
  }
}
