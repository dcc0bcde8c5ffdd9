import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { Language } from '../account/account.enums.js';
import { QuestionType } from './action.types.js';
import type { QuestionDef, StoredAnswer } from './questionnaire.js';

export interface ResultPdfInput {
  firmName: string;
  title: string;
  dossierNumber: string;
  completedBy: string;
  completedAt: Date;
  language: Language;
  pageTitles: string[];
  /** The shown questions in order, with their answers (shownAnswers). */
  items: { question: QuestionDef; page: number; answer: StoredAnswer | null }[];
}

const WORDS = {
  NL: { heading: 'Vragenlijst', dossier: 'Dossier', by: 'Ingevuld door', date: 'Datum', yes: 'Ja', no: 'Nee', none: '(niet beantwoord)', file: 'Bestand', page: (i: number, n: number) => `Pagina ${i} van ${n}`, locale: 'nl-NL' },
  EN: { heading: 'Questionnaire', dossier: 'Dossier', by: 'Completed by', date: 'Date', yes: 'Yes', no: 'No', none: '(not answered)', file: 'File', page: (i: number, n: number) => `Page ${i} of ${n}`, locale: 'en-GB' },
};

/** The firm is Dutch: times in the PDF are Dutch local time. */
const TIME_ZONE = 'Europe/Amsterdam';
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

/**
 * Text the standard PDF fonts can draw. They encode WinAnsi (Latin-1 plus a few, so Dutch accents and €
 * pass); other characters lose their accents if that makes them drawable, else become "?".
 */
function sanitizer(font: PDFFont): (text: string) => string {
  const cache = new Map<string, string>();
  const drawable = (c: string) => { try { font.widthOfTextAtSize(c, 10); return true; } catch { return false; } };
  return (text) => [...text.normalize('NFC').replace(/\t/g, ' ')].map((c) => {
    let safe = cache.get(c);
    if (safe === undefined) {
      if (/[\u0000-\u001f\u007f-\u009f]/.test(c)) safe = ' ';
      else if (drawable(c)) safe = c;
      else {
        const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        safe = base && [...base].every(drawable) ? base : '?';
      }
      cache.set(c, safe);
    }
    return safe;
  }).join('');
}

/** Lines of at most `width` points: paragraphs kept, words wrapped, over-long words cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) { line = candidate; continue; }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** The PDF of a completed questionnaire: firm, title, dossier number, who and when, then every shown question with its answer. */
export async function resultPdf(input: ResultPdfInput): Promise<Buffer> {
  const w = WORDS[input.language] ?? WORDS.NL;
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const safe = sanitizer(regular);
  const when = new Intl.DateTimeFormat(w.locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(input.completedAt);
  const dateOnly = new Intl.DateTimeFormat(w.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  doc.setTitle(safe(`${w.heading}: ${input.title}`));
  doc.setAuthor(safe(input.firmName));
  doc.setSubject(safe(`${w.dossier} ${input.dossierNumber}`));
  doc.setCreator('Dossierportaal');
  doc.setProducer('Dossierportaal (pdf-lib)');
  doc.setLanguage(input.language === Language.EN ? 'en-GB' : 'nl-NL');
  doc.setCreationDate(input.completedAt);
  doc.setModificationDate(input.completedAt);

  const width = A4.width - 2 * MARGIN;
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const write = (text: string, font: PDFFont, size: number, options: { gap?: number; indent?: number; color?: number } = {}) => {
    const indent = options.indent ?? 0;
    for (const line of wrap(safe(text), font, size, width - indent)) {
      if (y - size < MARGIN + 20) { page = doc.addPage([A4.width, A4.height]); y = A4.height - MARGIN; }
      y -= size * 1.3;
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: rgb(options.color ?? 0.1, options.color ?? 0.1, options.color ?? 0.12) });
    }
    y -= options.gap ?? 0;
  };
  const answerText = (question: QuestionDef, answer: StoredAnswer | null): string => {
    if (!answer?.values.length) return w.none;
    switch (question.type) {
      case QuestionType.YES_NO: return answer.values[0] === 'yes' ? w.yes : w.no;
      case QuestionType.DATE: return dateOnly.format(new Date(`${answer.values[0]}T00:00:00Z`));
      case QuestionType.NUMBER: return input.language === Language.EN ? answer.values[0] : answer.values[0].replace('.', ',');
      case QuestionType.FILE: return `${w.file}: ${answer.values[0]}`;
      case QuestionType.MULTIPLE_CHOICE: return answer.values.join(', ');
      default: return answer.values.join('\n');
    }
  };

  write(input.firmName, bold, 16, { gap: 6 });
  write(`${w.heading}: ${input.title}`, bold, 13, { gap: 4 });
  write(`${w.dossier}: ${input.dossierNumber}`, regular, 10.5);
  write(`${w.by}: ${input.completedBy}`, regular, 10.5);
  write(`${w.date}: ${when}`, regular, 10.5, { gap: 12 });
  let current = -1;
  for (const { question, page: index, answer } of input.items) {
    if (index !== current) {
      current = index;
      write(input.pageTitles[index], bold, 12, { gap: 4 });
    }
    write(question.label, bold, 10.5);
    write(answerText(question, answer), regular, 10.5, { indent: 12, gap: 8, color: answer?.values.length ? 0.1 : 0.45 });
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const footer = `${safe(input.firmName)} · ${w.dossier} ${safe(input.dossierNumber)} · ${w.page(i + 1, pages.length)}`;
    p.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 8, font: regular, color: rgb(0.4, 0.4, 0.45) });
  });
  return Buffer.from(await doc.save());
}
