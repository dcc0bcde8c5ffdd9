import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { settle } from '../../../testing/fixtures';
import { accessibleText } from '../../../testing/dom-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { AttachmentsDialog, type AttachmentsDialogData } from './attachments-dialog';

const POLICY = { maxFileSize: 1024 * 1024, maxFiles: 3, allowedExtensions: ['pdf', 'jpg'] };

function file(name: string, content = 'inhoud'): File {
  return new File([content], name, { lastModified: 1 });
}

describe('AttachmentsDialog', () => {
  let ref: MatDialogRef<AttachmentsDialog, File[]>;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container')!;
  const names = () => [...dialog().querySelectorAll('[data-testid="attach-file"] .file-name')].map((n) => n.textContent);
  const button = (name: string) => {
    const found = [...dialog().querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => accessibleText(b) === name || b.getAttribute('aria-label') === name,
    );
    expect(found, name).toBeDefined();
    return found!;
  };

  async function open(data: Partial<AttachmentsDialogData> = {}): Promise<void> {
    ref = TestBed.inject(MatDialog).open<AttachmentsDialog, AttachmentsDialogData, File[]>(AttachmentsDialog, {
      data: { policy: POLICY, alreadyChosen: [], ...data },
    });
    await settle();
  }

  async function drop(...files: File[]): Promise<void> {
    const event = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files } });
    dialog().querySelector('[data-testid="drop-zone"]')!.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await settle();
  }

  async function browse(...files: File[]): Promise<void> {
    const input = dialog().querySelector<HTMLInputElement>('[data-testid="attach-input"]')!;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideTranslocoTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('offers "Bladeren" and a drop zone, and nothing to upload yet', async () => {
    await open();
    expect(dialog().querySelector('h2')?.textContent).toContain('Bijlagen toevoegen');
    expect(button('Bladeren')).toBeDefined();
    expect(dialog().querySelector('[data-testid="drop-zone"]')?.textContent).toContain('Sleep bestanden hierheen');
    expect(dialog().querySelector('[data-testid="attach-upload"]')?.hasAttribute('disabled')).toBe(true);
    expect(dialog().querySelector('[data-testid="attach-policy"]')?.textContent).toContain('elk maximaal 1 MB');
    expect(dialog().querySelector<HTMLInputElement>('[data-testid="attach-input"]')?.accept).toBe('.pdf,.jpg');
  });

  it('collects several dropped and browsed files, removes one with its cross, and hands over the rest', async () => {
    await open();
    await drop(file('akte.pdf'), file('foto.jpg'));
    expect(names()).toEqual(['akte.pdf', 'foto.jpg']);
    expect(button('Upload 2 bestanden')).toBeDefined();
    expect(button('Meer toevoegen')).toBeDefined();

    await browse(file('id.pdf'));
    expect(names()).toEqual(['akte.pdf', 'foto.jpg', 'id.pdf']);

    button('foto.jpg verwijderen').click();
    await settle();
    expect(names()).toEqual(['akte.pdf', 'id.pdf']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('id.pdf verwijderen');

    const result = firstValueFrom(ref.afterClosed());
    button('Upload 2 bestanden').click();
    expect((await result)?.map((f) => f.name)).toEqual(['akte.pdf', 'id.pdf']);
  });

  it('says "Upload 1 bestand" for one file, and "Annuleer" adds nothing', async () => {
    await open();
    await drop(file('akte.pdf'));
    expect(button('Upload 1 bestand')).toBeDefined();
    const result = firstValueFrom(ref.afterClosed());
    button('Annuleer').click();
    expect(await result).toBeUndefined();
  });

  it('refuses files against the upload policy with a clear reason, counting files already attached', async () => {
    await open({ alreadyChosen: [file('eerder.pdf')] });
    const big = file('groot.pdf');
    Object.defineProperty(big, 'size', { value: 2 * 1024 * 1024 });
    await drop(file('a.pdf'), file('script.exe'), big, file('b.pdf'), file('c.pdf'));
    expect(names()).toEqual(['a.pdf', 'b.pdf']);
    const problems = dialog().querySelector('[data-testid="attach-problems"]');
    expect(problems?.getAttribute('role')).toBe('alert');
    expect([...problems!.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual([
      'script.exe is niet toegevoegd: dit bestandstype is niet toegestaan.',
      'groot.pdf is niet toegevoegd: het bestand is groter dan 1 MB.',
      'c.pdf is niet toegevoegd: u kunt maximaal 3 bestanden per bericht meesturen.',
    ]);
  });
});
