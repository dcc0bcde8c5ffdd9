import {
  type FileState,
  type Questionnaire,
  answerProblem,
  answeredPages,
  buildPageAnswers,
  entryStep,
  formatAnswer,
  pageProblems,
  problemKey,
  problemParams,
  questionKeyOf,
  savedFiles,
  savedValues,
  shownKeys,
} from './questionnaire-logic';

type Q = Questionnaire['pages'][number]['questions'][number];
const q = (key: string, type: Q['type'], extra: Partial<Q> = {}): Q => ({
  key, label: key, help: null, type, required: false, options: [], showIfKey: null, showIfValue: null, ...extra,
});

const QUESTIONNAIRE: Questionnaire = {
  title: 'Vragenlijst levering woning',
  pages: [
    { title: 'Persoonlijke gegevens', questions: [
      q('name', 'TEXT', { required: true }),
      q('birthDate', 'DATE', { required: true }),
      q('partner', 'YES_NO', { required: true }),
    ] },
    { title: 'Partner', questions: [
      q('partnerName', 'TEXT', { required: true, showIfKey: 'partner', showIfValue: 'yes' }),
      q('partnerBorn', 'DATE', { showIfKey: 'partnerName', showIfValue: 'x' }),
      q('children', 'NUMBER'),
      q('wishes', 'MULTIPLE_CHOICE', { options: ['Testament', 'Levenstestament'] }),
      q('will', 'LONG_TEXT', { required: true, showIfKey: 'wishes', showIfValue: 'Testament' }),
    ] },
    { title: 'Stukken', questions: [
      q('idCopy', 'FILE', { required: true }),
      q('extra', 'FILE'),
      q('kind', 'SINGLE_CHOICE', { options: ['Koop', 'Schenking'] }),
    ] },
  ],
};

const file = (name = 'paspoort.pdf') => new File(['%PDF-1.4'], name, { type: 'application/pdf' });
const noFile: FileState = { saved: null, chosen: null, removed: false };
const savedFile: FileState = { saved: { fileName: 'oud.pdf', downloadUrl: '/files/1' }, chosen: null, removed: false };

describe('entryStep', () => {
  it('opens the page the user stopped at, and the overview once every page is saved', () => {
    expect(entryStep(0, 3)).toBe(0);
    expect(entryStep(1, 3)).toBe(1);
    expect(entryStep(3, 3)).toBe('overview');
    expect(entryStep(7, 3)).toBe('overview');
    expect(entryStep(-1, 3)).toBe(0);
  });
});

describe('shownKeys (conditions)', () => {
  it('shows a conditional question only when the question it names has that answer', () => {
    expect(shownKeys(QUESTIONNAIRE, { partner: ['no'] }).has('partnerName')).toBe(false);
    expect(shownKeys(QUESTIONNAIRE, { partner: ['yes'] }).has('partnerName')).toBe(true);
    expect(shownKeys(QUESTIONNAIRE, {}).has('partnerName')).toBe(false);
  });

  it('compares choices without regard to case, and MULTIPLE_CHOICE by "among the chosen"', () => {
    expect(shownKeys(QUESTIONNAIRE, { wishes: ['Levenstestament'] }).has('will')).toBe(false);
    expect(shownKeys(QUESTIONNAIRE, { wishes: ['Levenstestament', 'Testament'] }).has('will')).toBe(true);
    expect(shownKeys(QUESTIONNAIRE, { wishes: ['testament'] }).has('will')).toBe(true);
  });

  it('hides a question whose condition names a hidden question, whatever that one still holds', () => {
    const shown = shownKeys(QUESTIONNAIRE, { partner: ['no'], partnerName: ['x'] });
    expect(shown.has('partnerName')).toBe(false);
    expect(shown.has('partnerBorn')).toBe(false);
    expect(shownKeys(QUESTIONNAIRE, { partner: ['yes'], partnerName: ['x'] }).has('partnerBorn')).toBe(true);
  });

  it('shows unconditional questions always', () => {
    expect([...shownKeys(QUESTIONNAIRE, {})]).toEqual(['name', 'birthDate', 'partner', 'children', 'wishes', 'idCopy', 'extra', 'kind']);
  });
});

describe('answerProblem and pageProblems', () => {
  it('requires shown required questions, spaces counting as empty', () => {
    expect(answerProblem(q('a', 'TEXT', { required: true }), ['  '])).toBe('REQUIRED');
    expect(answerProblem(q('a', 'TEXT', { required: true }), undefined)).toBe('REQUIRED');
    expect(answerProblem(q('a', 'TEXT'), [])).toBeNull();
  });

  it('checks numbers, ISO dates and lengths as the server does', () => {
    expect(answerProblem(q('n', 'NUMBER'), ['12,5'])).toBeNull();
    expect(answerProblem(q('n', 'NUMBER'), ['-3'])).toBeNull();
    expect(answerProblem(q('n', 'NUMBER'), ['twaalf'])).toBe('NOT_A_NUMBER');
    expect(answerProblem(q('d', 'DATE'), ['2024-02-29'])).toBeNull();
    expect(answerProblem(q('d', 'DATE'), ['2023-02-29'])).toBe('NOT_A_DATE');
    expect(answerProblem(q('d', 'DATE'), ['15-01-1980'])).toBe('NOT_A_DATE');
    expect(answerProblem(q('t', 'TEXT'), ['a'.repeat(501)])).toBe('MAX_LENGTH_500');
    expect(answerProblem(q('t', 'LONG_TEXT'), ['a'.repeat(4000)])).toBeNull();
  });

  it('a required FILE question needs a chosen file or a saved one that stays', () => {
    const idCopy = QUESTIONNAIRE.pages[2].questions[0];
    expect(answerProblem(idCopy, undefined, noFile)).toBe('REQUIRED');
    expect(answerProblem(idCopy, undefined, savedFile)).toBeNull();
    expect(answerProblem(idCopy, undefined, { ...savedFile, removed: true })).toBe('REQUIRED');
    expect(answerProblem(idCopy, undefined, { ...savedFile, removed: true, chosen: file() })).toBeNull();
  });

  it('names only shown questions of the page', () => {
    expect(pageProblems(QUESTIONNAIRE, 1, { partner: ['no'] }, {})).toEqual({});
    expect(pageProblems(QUESTIONNAIRE, 1, { partner: ['yes'], children: ['veel'] }, {})).toEqual({ partnerName: 'REQUIRED', children: 'NOT_A_NUMBER' });
    expect(pageProblems(QUESTIONNAIRE, 0, { name: ['Jan'] }, {})).toEqual({ birthDate: 'REQUIRED', partner: 'REQUIRED' });
  });
});

describe('buildPageAnswers', () => {
  it('sends every shown question of the page, trimmed, one value except for MULTIPLE_CHOICE', () => {
    const { answers, files } = buildPageAnswers(QUESTIONNAIRE, 0, { name: ['  Jan de Vries '], birthDate: ['1980-01-15'], partner: ['yes'] }, {});
    expect(answers).toEqual([
      { key: 'name', values: ['Jan de Vries'] },
      { key: 'birthDate', values: ['1980-01-15'] },
      { key: 'partner', values: ['yes'] },
    ]);
    expect(files).toEqual([]);
  });

  it('leaves hidden questions out (their answers are not sent) and sends [] for emptied ones', () => {
    const { answers } = buildPageAnswers(QUESTIONNAIRE, 1, { partner: ['no'], partnerName: ['Marieke'], children: [''], wishes: ['Levenstestament', 'Testament'], will: ['Alles aan de kinderen'] }, {});
    expect(answers).toEqual([
      { key: 'children', values: [] },
      { key: 'wishes', values: ['Levenstestament', 'Testament'] },
      { key: 'will', values: ['Alles aan de kinderen'] },
    ]);
    const withoutTestament = buildPageAnswers(QUESTIONNAIRE, 1, { partner: ['no'], wishes: ['Levenstestament'], will: ['weg'] }, {}).answers;
    expect(withoutTestament.map((a) => a.key)).toEqual(['children', 'wishes']);
  });

  it('keeps the line breaks of long text', () => {
    const { answers } = buildPageAnswers(QUESTIONNAIRE, 1, { wishes: ['Testament'], will: ['Regel 1\nRegel 2\n'] }, {});
    expect(answers.find((a) => a.key === 'will')).toEqual({ key: 'will', values: ['Regel 1\nRegel 2\n'] });
  });

  it('files: a new file goes as a multipart file at its answer, a removed saved one as values [], a kept one not at all', () => {
    const chosen = file('nieuw.pdf');
    const { answers, files } = buildPageAnswers(QUESTIONNAIRE, 2, { kind: ['Koop'] }, {
      idCopy: { ...savedFile, chosen },
      extra: { ...savedFile, removed: true },
    });
    expect(answers).toEqual([{ key: 'idCopy', file: null }, { key: 'extra', values: [] }, { key: 'kind', values: ['Koop'] }]);
    expect(files).toEqual([{ path: 'answers.0.file', file: chosen }]);

    const kept = buildPageAnswers(QUESTIONNAIRE, 2, {}, { idCopy: savedFile, extra: noFile });
    expect(kept.answers).toEqual([{ key: 'kind', values: [] }]);
    expect(kept.files).toEqual([]);
  });

  it('a file path follows the answer it belongs to', () => {
    const a = file('a.pdf');
    const b = file('b.pdf');
    const { answers, files } = buildPageAnswers(QUESTIONNAIRE, 2, { kind: ['Koop'] }, { idCopy: { ...noFile, chosen: a }, extra: { ...noFile, chosen: b } });
    expect(answers.slice(0, 2)).toEqual([{ key: 'idCopy', file: null }, { key: 'extra', file: null }]);
    expect(files.map((f) => [f.path, f.file.name])).toEqual([['answers.0.file', 'a.pdf'], ['answers.1.file', 'b.pdf']]);
  });
});

describe('saved answers, errors and the overview', () => {
  const saved = [
    { key: 'name', values: ['Jan'], document: null },
    { key: 'partner', values: ['no'], document: null },
    { key: 'idCopy', values: ['paspoort.pdf'], document: { id: 'd1', fileName: 'paspoort.pdf', downloadUrl: '/files/d1' } },
  ];

  it('reads values and files from the saved answers', () => {
    expect(savedValues(saved)).toEqual({ name: ['Jan'], partner: ['no'], idCopy: ['paspoort.pdf'] });
    expect(savedFiles(QUESTIONNAIRE, saved)).toEqual({
      idCopy: { saved: { fileName: 'paspoort.pdf', downloadUrl: '/files/d1' }, chosen: null, removed: false },
      extra: { saved: null, chosen: null, removed: false },
    });
  });

  it('maps server fields to questions and codes to texts', () => {
    expect(questionKeyOf('answers.partnerName')).toBe('partnerName');
    expect(questionKeyOf('page')).toBeNull();
    expect(problemKey('REQUIRED')).toBe('actions.problems.REQUIRED');
    expect(problemKey('MAX_LENGTH_500')).toBe('actions.problems.MAX_LENGTH');
    expect(problemParams('MAX_LENGTH_500')).toEqual({ max: '500' });
    expect(problemKey('SOMETHING_NEW')).toBe('common.fieldInvalid');
  });

  it('lists the shown questions of every page with their answers', () => {
    const pages = answeredPages(QUESTIONNAIRE, saved);
    expect(pages.map((p) => p.title)).toEqual(['Persoonlijke gegevens', 'Partner', 'Stukken']);
    expect(pages[0].items.map((i) => [i.question.key, i.values])).toEqual([['name', ['Jan']], ['birthDate', []], ['partner', ['no']]]);
    expect(pages[1].items.map((i) => i.question.key)).toEqual(['children', 'wishes']);
    expect(pages[2].items[0].file).toEqual({ fileName: 'paspoort.pdf', downloadUrl: '/files/d1' });
  });
});

describe('formatAnswer', () => {
  const yesNo = { yes: 'Ja', no: 'Nee' };
  it('reads answers as people do, in the interface language', () => {
    expect(formatAnswer(q('p', 'YES_NO'), ['yes'], 'nl', yesNo)).toBe('Ja');
    expect(formatAnswer(q('p', 'YES_NO'), ['no'], 'nl', yesNo)).toBe('Nee');
    expect(formatAnswer(q('d', 'DATE'), ['1980-01-15'], 'nl', yesNo)).toBe('15 januari 1980');
    expect(formatAnswer(q('d', 'DATE'), ['1980-01-15'], 'en', yesNo)).toBe('15 January 1980');
    expect(formatAnswer(q('n', 'NUMBER'), ['12.5'], 'nl', yesNo)).toBe('12,5');
    expect(formatAnswer(q('n', 'NUMBER'), ['12.5'], 'en', yesNo)).toBe('12.5');
    expect(formatAnswer(q('m', 'MULTIPLE_CHOICE'), ['Testament', 'Levenstestament'], 'nl', yesNo)).toBe('Testament, Levenstestament');
    expect(formatAnswer(q('t', 'TEXT'), [], 'nl', yesNo)).toBeNull();
  });
});
