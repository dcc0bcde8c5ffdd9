import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { Language } from '../account/account.enums.js';
import { QuestionType, type QuestionnaireInput } from './action.types.js';
import { completionProblems, normalizeAnswer, planPage, shownAnswers, validateDefinition } from './questionnaire.js';
import { resultPdf } from './result-pdf.js';

const definition = validateDefinition({
  title: 'Test',
  pages: [
    { title: 'Een', questions: [
      { key: 'kids', label: 'Kinderen?', type: QuestionType.YES_NO, required: true },
      { key: 'names', label: 'Namen', type: QuestionType.LONG_TEXT, required: true, showIfKey: 'kids', showIfValue: 'ja' },
      { key: 'pick', label: 'Kies', type: QuestionType.MULTIPLE_CHOICE, required: false, options: ['A', 'B'] },
      { key: 'onlyB', label: 'Alleen bij B', type: QuestionType.TEXT, required: true, showIfKey: 'pick', showIfValue: 'b' },
    ] },
  ],
} as QuestionnaireInput);

describe('questionnaire rules', () => {
  it('normalizes conditions and answers', () => {
    assert.equal(definition.pages[0].questions[1].showIfValue, 'yes');
    assert.equal(definition.pages[0].questions[3].showIfValue, 'B', 'the option as spelled in the template');
    const q = (type: QuestionType, options: string[] = []) => ({ key: 'k', label: 'L', help: null, type, required: false, options, showIfKey: null, showIfValue: null });
    assert.deepEqual(normalizeAnswer(q(QuestionType.NUMBER), ['12,5']), { values: ['12.5'] });
    assert.deepEqual(normalizeAnswer(q(QuestionType.NUMBER), ['1.000,50']), { problem: 'NOT_A_NUMBER' });
    assert.deepEqual(normalizeAnswer(q(QuestionType.DATE), ['2026-02-30']), { problem: 'NOT_A_DATE' });
    assert.deepEqual(normalizeAnswer(q(QuestionType.YES_NO), ['Nee']), { values: ['no'] });
    assert.deepEqual(normalizeAnswer(q(QuestionType.SINGLE_CHOICE, ['A', 'B']), ['A', 'B']), { problem: 'ONE_VALUE' });
    assert.deepEqual(normalizeAnswer(q(QuestionType.TEXT), ['  ']), { values: [] });
  });

  it('skips hidden questions, drops their answers and requires only shown ones', () => {
    const withKids = planPage(definition, {}, 0, 0, [{ key: 'kids', values: ['yes'], hasFile: false }, { key: 'names', values: ['Piet\r\nKlaas'], hasFile: false }, { key: 'pick', values: ['a'], hasFile: false }]);
    assert.deepEqual(withKids.answers, { kids: { values: ['yes'] }, names: { values: ['Piet\nKlaas'] }, pick: { values: ['A'] } });
    const without = planPage(definition, withKids.answers, 1, 0, [{ key: 'kids', values: ['no'], hasFile: false }, { key: 'names', values: ['x'], hasFile: false }]);
    assert.deepEqual(without.answers, { kids: { values: ['no'] } });
    assert.throws(() => planPage(definition, {}, 0, 0, [{ key: 'kids', values: ['no'], hasFile: false }, { key: 'pick', values: ['B'], hasFile: false }]),
      (e: { extensions: { fields: unknown } }) => { assert.deepEqual(e.extensions.fields, [{ field: 'answers.onlyB', message: 'REQUIRED' }]); return true; });
    assert.deepEqual(completionProblems(definition, { kids: { values: ['yes'] } }), { fields: [{ field: 'answers.names', message: 'REQUIRED' }], page: 0 });
  });

  it('draws any text into the PDF: Dutch accents as they are, what WinAnsi lacks without accent or as "?"', async () => {
    const answers = { kids: { values: ['yes'] }, names: { values: ['Zoë Łódź, Ángel Dvořák 😀 中文\nRenée café € 100'] } };
    const bytes = await resultPdf({
      firmName: 'Notariskantoor Çelik & Zn.', title: 'Test', dossierNumber: '2026.0001', completedBy: 'Zoë', completedAt: new Date('2026-03-02T09:00:00Z'),
      language: Language.EN, pageTitles: ['Een'], items: shownAnswers(definition, answers),
    });
    const doc = await PDFDocument.load(bytes);
    const contents = doc.getPages()[0].node.Contents();
    const streams = (contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents]).filter((s) => s instanceof PDFRawStream);
    const operators = streams.map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1')).join('\n');
    const text = [...operators.matchAll(/<([0-9A-F]*)> Tj/gi)].map((m) => Buffer.from(m[1], 'hex').toString('latin1')).join('\n');
    assert.match(text, /Zoë \?ódz, Ángel Dvorák \? \?\?/);
    assert.ok(text.includes('Renée café \u0080 100'), 'the euro sign is WinAnsi 0x80');
    assert.match(text, /Notariskantoor Çelik & Zn\./);
    assert.match(text, /Date: 2 March 2026 at 10:00|Date: 2 March 2026, 10:00/);
    assert.match(text, /Kinderen\?\nYes/);
  });
});
