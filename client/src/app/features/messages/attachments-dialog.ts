import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { focusAfterRender } from '../../shared/a11y/focus';
import { formatFileSize } from '../../shared/format/formatting';
import { type RejectedFile, type UploadPolicy, checkFiles } from '../../shared/upload/upload-policy';

export interface AttachmentsDialogData {
  policy: UploadPolicy | null;
  /** Files already attached to the message: they count towards `maxFiles` and are not added twice. */
  alreadyChosen: readonly File[];
}

/**
 * "+ Bijlagen" (seed 000 §2.1.1.5): choose files with "Bladeren" or by dragging them in,
 * several at once; each can be removed again (the black cross) before "Upload [x] bestanden"
 * hands them to the message. "Annuleer" adds nothing. Files are checked against the upload
 * policy here for a clear message; the server checks them again when the message is sent.
 * Closes with the chosen files, or with nothing.
 */
@Component({
  selector: 'app-attachments-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('messages.attach.heading') }}</h2>
      <mat-dialog-content>
        <p id="attach-intro">{{ t('messages.attach.intro') }}</p>
        @if (policyText(); as p) {
          <p class="policy" data-testid="attach-policy">
            {{ t('messages.attach.policy', { maxFiles: p.maxFiles, maxSize: p.maxSize }) }}
            @if (p.extensions) {
              {{ t('messages.attach.allowed', { extensions: p.extensions }) }}
            }
          </p>
        }
        <input
          #picker
          type="file"
          multiple
          class="cdk-visually-hidden"
          tabindex="-1"
          aria-hidden="true"
          data-testid="attach-input"
          [attr.accept]="accept()"
          (change)="picked($event)"
        />
        <div
          class="drop-zone"
          data-testid="drop-zone"
          [class.dragging]="dragging()"
          (dragenter)="dragOver($event)"
          (dragover)="dragOver($event)"
          (dragleave)="dragging.set(false)"
          (drop)="dropped($event)"
        >
          <mat-icon aria-hidden="true">upload_file</mat-icon>
          <span>{{ t('messages.attach.dropZone') }}</span>
          @if (files().length === 0) {
            <button mat-stroked-button type="button" id="attach-browse" (click)="browse()">
              {{ t('messages.attach.browse') }}
            </button>
          }
        </div>

        @if (problems().length) {
          <div class="problems" role="alert" data-testid="attach-problems">
            <ul>
              @for (problem of problems(); track $index) {
                <li>{{ t('messages.problems.' + problem.problem, problemParams(problem)) }}</li>
              }
            </ul>
          </div>
        }

        <h3 class="chosen-heading" id="attach-chosen-heading">{{ t('messages.attach.chosenLabel') }}</h3>
        @if (files().length === 0) {
          <p>{{ t('messages.attach.none') }}</p>
        } @else {
          <ul class="chosen" aria-labelledby="attach-chosen-heading" data-testid="attach-list">
            @for (file of files(); track file; let i = $index) {
              <li data-testid="attach-file">
                <mat-icon aria-hidden="true">draft</mat-icon>
                <span class="file-name">{{ file.name }}</span>
                <span class="file-size">{{ size(file) }}</span>
                <button
                  mat-icon-button
                  type="button"
                  class="remove"
                  [attr.data-remove-index]="i"
                  [attr.aria-label]="t('messages.attach.remove', { name: file.name })"
                  (click)="remove(i)"
                >
                  <mat-icon aria-hidden="true">close</mat-icon>
                </button>
              </li>
            }
          </ul>
          <button mat-button type="button" id="attach-more" (click)="browse()">
            <mat-icon aria-hidden="true">add</mat-icon>
            {{ t('messages.attach.addMore') }}
          </button>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="cancel()">{{ t('messages.attach.cancel') }}</button>
        <button mat-flat-button type="button" data-testid="attach-upload" [disabled]="files().length === 0" (click)="done()">
          {{ files().length === 1 ? t('messages.attach.uploadOne') : t('messages.attach.uploadMany', { count: files().length }) }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .policy { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-medium); }
    .drop-zone {
      display: flex; flex-direction: column; align-items: center; gap: 8px;
      padding: 24px 16px; margin-block-end: 16px;
      border: 2px dashed var(--mat-sys-outline); border-radius: 12px; text-align: center;
    }
    .drop-zone.dragging { border-color: var(--mat-sys-primary); background: var(--mat-sys-primary-container); }
    .drop-zone mat-icon { font-size: 36px; width: 36px; height: 36px; color: var(--mat-sys-on-surface-variant); }
    .problems ul { margin: 0; padding-inline-start: 16px; }
    .problems {
      margin: 0 0 16px; padding: 12px 16px; border-radius: 8px;
      background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container);
    }
    .chosen-heading { font: var(--mat-sys-title-small); margin: 0 0 4px; }
    .chosen { list-style: none; margin: 0; padding: 0; }
    .chosen li { display: flex; align-items: center; gap: 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .file-name { flex: 1; min-width: 0; overflow-wrap: anywhere; }
    .file-size { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-medium); white-space: nowrap; }
    .remove { color: var(--mat-sys-on-surface); }
  `,
})
export class AttachmentsDialog {
  private readonly data = inject<AttachmentsDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<AttachmentsDialog, File[]>>(MatDialogRef);
  private readonly language = inject(LanguageService).current;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly picker = viewChild.required<ElementRef<HTMLInputElement>>('picker');

  protected readonly files = signal<File[]>([]);
  protected readonly problems = signal<RejectedFile[]>([]);
  protected readonly dragging = signal(false);

  protected readonly accept = computed(() => {
    const extensions = this.data.policy?.allowedExtensions ?? [];
    return extensions.length ? extensions.map((e) => `.${e.replace(/^\./, '')}`).join(',') : null;
  });
  protected readonly policyText = computed(() => {
    const policy = this.data.policy;
    if (!policy) {
      return null;
    }
    return {
      maxFiles: policy.maxFiles,
      maxSize: formatFileSize(policy.maxFileSize, this.language()),
      extensions: policy.allowedExtensions.join(', '),
    };
  });

  protected browse(): void {
    this.picker().nativeElement.click();
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    // Choosing the same file again after removing it must fire `change` again.
    input.value = '';
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = 'copy';
    }
    this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.add([...(event.dataTransfer?.files ?? [])]);
  }

  /** Adds files that pass the policy; the others are listed with the reason. */
  add(chosen: File[]): void {
    if (chosen.length === 0) {
      return;
    }
    const { accepted, rejected } = checkFiles(chosen, [...this.data.alreadyChosen, ...this.files()], this.data.policy);
    this.files.update((files) => [...files, ...accepted]);
    this.problems.set(rejected);
  }

  protected remove(index: number): void {
    this.files.update((files) => files.filter((_, i) => i !== index));
    this.problems.set([]);
    // Focus stays in the list: on the cross now at this place, else the previous one, else "Bladeren".
    const next = Math.min(index, this.files().length - 1);
    focusAfterRender(this.host, next >= 0 ? `[data-remove-index="${next}"]` : '#attach-browse', this.injector);
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  protected done(): void {
    this.dialogRef.close(this.files());
  }

  protected size(file: File): string {
    return formatFileSize(file.size, this.language());
  }

  protected problemParams(problem: RejectedFile): Record<string, string | number> {
    const policy = this.data.policy;
    return {
      name: problem.name,
      maxSize: policy ? formatFileSize(policy.maxFileSize, this.language()) : '',
      maxFiles: policy?.maxFiles ?? 0,
    };
  }
}
