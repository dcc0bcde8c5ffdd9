import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, lastValueFrom, tap } from 'rxjs';
import { type ApiError, describeError } from '../../core/errors/api-error';
import { FormSubmission, applyFieldErrors, controlErrorKey } from '../../core/errors/form-errors';
import { LanguageService } from '../../core/i18n/language.service';
import { SessionStore } from '../../core/session/session.store';
import {
  SendMessageDocument,
  UploadPolicyGQL,
  type MessageFieldsFragment,
  type SendMessageMutation,
  type SendMessageMutationVariables,
} from '../../graphql/generated';
import { focusAfterRender } from '../../shared/a11y/focus';
import { ErrorAlert } from '../../shared/feedback/error-alert';
import { formatDateTimeShort, formatFileSize } from '../../shared/format/formatting';
import { GraphqlUpload } from '../../shared/upload/graphql-upload';
import type { UploadPolicy } from '../../shared/upload/upload-policy';
import { AttachmentsDialog, type AttachmentsDialogData } from './attachments-dialog';
import { MESSAGE_MAX_LENGTH, crossedThreshold, cutToLimit } from './body-limit';
import { MessageLimitDialog } from './message-limit-dialog';

export type SentMessage = SendMessageMutation['sendMessage'];
type Original = Pick<MessageFieldsFragment, 'id' | 'subject' | 'body' | 'senderName' | 'sentAt'>;

/** "Re: " once, however often a thread has been answered. */
export function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`;
}

/** FILE_REJECTED reasons with their own text (messages.rejected.*); others get the general one. */
const REJECTION_REASONS = ['TOO_LARGE', 'TOO_MANY_FILES', 'TYPE_NOT_ALLOWED', 'CONTENT_MISMATCH', 'EMPTY', 'UPLOAD_FAILED'];

/** Like `Validators.required`, but only spaces and line breaks count as empty too (as on the server). */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { required: true };
}

const DIALOG_WIDTH = { width: '560px', maxWidth: 'calc(100vw - 32px)' };

/**
 * "Nieuw bericht" / "Beantwoorden" (SPEC §5, seed 000 §2.1.1.5). Subject and body are
 * required; the body holds at most 4000 characters, with a live counter, the "Maximum
 * bereikt" dialog on reaching the limit and the excess cut (typing or pasting). A reply shows
 * the original message below. Attachments are chosen in the attachments dialog, listed with a
 * bin each, and sent with the message in one multipart request whose upload progress is shown.
 */
@Component({
  selector: 'app-message-compose',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    ErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './message-compose.html',
  styleUrl: './message-compose.scss',
})
export class MessageCompose implements OnInit {
  readonly dossierId = input.required<string>();
  /** The message answered; null for a new message. */
  readonly replyTo = input<Original | null>(null);
  readonly sent = output<SentMessage>();
  readonly cancelled = output<void>();

  private readonly dialog = inject(MatDialog);
  private readonly upload = inject(GraphqlUpload);
  private readonly policyGql = inject(UploadPolicyGQL);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService).current;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly bodyInput = viewChild<ElementRef<HTMLTextAreaElement>>('bodyInput');

  protected readonly max = MESSAGE_MAX_LENGTH;
  protected readonly controlErrorKey = controlErrorKey;
  private readonly store = inject(SessionStore);
  protected readonly firmName = computed(() => this.store.portalInfo()?.firmName ?? null);
  protected readonly form = new FormGroup({
    subject: new FormControl('', { nonNullable: true, validators: [requiredText, Validators.maxLength(200)] }),
    body: new FormControl('', { nonNullable: true, validators: [requiredText] }),
  });
  protected readonly submission = new FormSubmission(this.form);
  protected readonly length = signal(0);
  /** The polite live region: thresholds, limit, attachments added or removed — not every keystroke. */
  protected readonly announcement = signal('');
  protected readonly attachments = signal<File[]>([]);
  /** Upload progress while sending, 0–100; null when not sending. */
  protected readonly percent = signal<number | null>(null);
  private policy: UploadPolicy | null = null;
  private limitDialogOpen = false;

  constructor() {
    this.form.controls.body.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => this.bodyChanged(value));
  }

  async ngOnInit(): Promise<void> {
    const original = this.replyTo();
    if (original) {
      this.form.controls.subject.setValue(replySubject(original.subject));
    }
    focusAfterRender(this.host, original ? '#message-body' : '#message-subject', this.injector);
    try {
      const result = await firstValueFrom(this.policyGql.fetch());
      this.policy = result.data?.uploadPolicy ?? null;
    } catch {
      // Without the policy files are not checked here; the server still checks them.
    }
  }

  protected async addAttachments(): Promise<void> {
    const data: AttachmentsDialogData = { policy: this.policy, alreadyChosen: this.attachments() };
    const ref = this.dialog.open<AttachmentsDialog, AttachmentsDialogData, File[]>(AttachmentsDialog, { ...DIALOG_WIDTH, data });
    const files = await firstValueFrom(ref.afterClosed());
    if (files?.length) {
      this.attachments.update((current) => [...current, ...files]);
      this.announce('messages.compose.attachmentsAdded', { count: files.length });
    }
  }

  protected removeAttachment(index: number): void {
    const file = this.attachments()[index];
    this.attachments.update((files) => files.filter((_, i) => i !== index));
    this.announce('messages.compose.attachmentRemoved', { name: file?.name ?? '' });
    const next = Math.min(index, this.attachments().length - 1);
    focusAfterRender(this.host, next >= 0 ? `[data-remove-attachment="${next}"]` : '#message-add-attachments', this.injector);
  }

  protected send(): Promise<void> {
    return this.submission.run(
      async () => {
        const { subject, body } = this.form.getRawValue();
        const files = this.attachments();
        const variables: SendMessageMutationVariables = {
          input: {
            dossierId: this.dossierId(),
            subject: subject.trim(),
            body,
            inReplyToId: this.replyTo()?.id ?? null,
            attachments: files.map(() => null),
          },
        };
        this.percent.set(0);
        try {
          const last = await lastValueFrom(
            this.upload
              .mutate<SendMessageMutation, SendMessageMutationVariables>(
                SendMessageDocument,
                variables,
                files.map((file, i) => ({ path: `input.attachments.${i}`, file })),
              )
              .pipe(tap((event) => event.type === 'progress' && this.percent.set(event.percent))),
          );
          if (last.type === 'done') {
            this.percent.set(100);
            this.sent.emit(last.data.sendMessage);
          }
        } finally {
          this.percent.set(null);
        }
      },
      (error) => this.handleError(error),
    );
  }

  protected fileSize(file: File): string {
    return formatFileSize(file.size, this.language());
  }

  protected formatDate(value: string): string {
    return formatDateTimeShort(value, this.language());
  }

  /** Server-side rejections with a message that names the file; field errors at their fields. */
  private handleError(error: ApiError): boolean {
    if (error.code === 'FILE_REJECTED') {
      const reason = error.reasons.find((r) => REJECTION_REASONS.includes(r));
      const name = error.fileName;
      if (name || reason === 'TOO_MANY_FILES') {
        this.submission.error.set({ key: `messages.rejected.${reason ?? 'generic'}`, reasons: [], params: { name: name ?? '' } });
        return true;
      }
      return false;
    }
    if (error.code === 'BAD_USER_INPUT') {
      // The server may name the fields by their path in the input ("input.body").
      const fields = error.fields.map((f) => ({ ...f, field: f.field.replace(/^input\./, '') }));
      applyFieldErrors(this.form, fields);
      this.submission.error.set(describeError(error));
      return true;
    }
    return false;
  }

  private bodyChanged(value: string): void {
    const before = this.length();
    const cut = value.length > this.max;
    let text = value;
    if (cut) {
      const element = this.bodyInput()?.nativeElement;
      const caret = element?.selectionStart ?? null;
      text = cutToLimit(value, this.max);
      this.form.controls.body.setValue(text, { emitEvent: false });
      if (element && caret !== null) {
        const at = Math.min(caret, text.length);
        element.setSelectionRange(at, at);
      }
    }
    this.length.set(text.length);
    const threshold = crossedThreshold(before, text.length, this.max);
    if (threshold !== null) {
      this.announce('messages.compose.remaining', { left: this.max - text.length });
    }
    if (cut || (text.length >= this.max && before < this.max)) {
      this.showLimitDialog();
    }
  }

  private showLimitDialog(): void {
    if (this.limitDialogOpen) {
      return;
    }
    this.limitDialogOpen = true;
    // Focus returns to the body field when the dialog closes (MatDialog's restoreFocus).
    const ref = this.dialog.open(MessageLimitDialog, { ...DIALOG_WIDTH, role: 'alertdialog' });
    ref.afterClosed().subscribe(() => (this.limitDialogOpen = false));
  }

  private announce(key: string, params: Record<string, unknown>): void {
    this.announcement.set(this.transloco.translate(key, params));
  }
}
