import { Clipboard } from '@angular/cdk/clipboard';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { aPortalInfo, settle } from '../../../testing/fixtures';
import { accessibleText } from '../../../testing/dom-testing';
import { provideTranslocoTesting } from '../../../testing/i18n-testing';
import { SessionStore } from '../../core/session/session.store';
import { PRINTING_RECOVERY_CODES, RecoveryCodes } from './recovery-codes';

const CODES = ['ABCDE-FGHJK', 'LMNPQ-RSTUV'];

describe('RecoveryCodes', () => {
  let fixture: ComponentFixture<RecoveryCodes>;
  let copy: ReturnType<typeof vi.fn>;
  const el = () => fixture.nativeElement as HTMLElement;
  const click = async (label: string) => {
    [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) => accessibleText(b) === label)!.click();
    await settle(fixture);
  };

  beforeEach(async () => {
    copy = vi.fn(() => true);
    TestBed.configureTestingModule({
      imports: [RecoveryCodes],
      providers: [provideTranslocoTesting(), { provide: Clipboard, useValue: { copy } }],
    });
    TestBed.inject(SessionStore).setPortalInfo(aPortalInfo());
    fixture = TestBed.createComponent(RecoveryCodes);
    fixture.componentRef.setInput('codes', CODES);
    await settle(fixture);
  });

  it('lists the codes and starts reading at its heading', () => {
    expect([...el().querySelectorAll('[data-testid="recovery-code"]')].map((li) => li.textContent?.trim())).toEqual(CODES);
    expect(document.activeElement).toBe(el().querySelector('h3.recovery-codes-heading'));
  });

  it('copies the codes, one a line', async () => {
    await click('Kopiëren');
    expect(copy).toHaveBeenCalledWith('ABCDE-FGHJK\nLMNPQ-RSTUV');
    expect(el().querySelector('[role="status"]')?.textContent).toContain('De herstelcodes zijn gekopieerd.');
  });

  it('downloads them as a text file named in the interface language', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:codes';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('herstelcodes.txt');
      expect(this.href).toBe('blob:codes');
    });
    await click('Downloaden');
    expect(clicked).toHaveBeenCalledTimes(1);
    const text = await blobs[0].text();
    expect(text).toContain('Herstelcodes voor het klantenportaal van Notariskantoor De Vries');
    expect(text).toContain('ABCDE-FGHJK\r\nLMNPQ-RSTUV');
    clicked.mockRestore();
  });

  it('prints only the codes', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      expect(document.body.classList.contains(PRINTING_RECOVERY_CODES)).toBe(true);
    });
    await click('Afdrukken');
    expect(print).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body.classList.contains(PRINTING_RECOVERY_CODES)).toBe(false);
    print.mockRestore();
  });

  it('is done only once the user says the codes are saved', async () => {
    const done = vi.fn();
    fixture.componentInstance.done.subscribe(done);
    await click('Gereed');
    expect(done).not.toHaveBeenCalled();
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('Bewaar eerst uw herstelcodes en vink dit aan.');
    expect(document.activeElement).toBe(el().querySelector('#recovery-codes-saved input'));
    el().querySelector<HTMLInputElement>('#recovery-codes-saved input')!.click();
    await settle(fixture);
    await click('Gereed');
    expect(done).toHaveBeenCalledTimes(1);
  });
});
