import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { DEMO_PASSWORD } from '../src/demo.js';
import { Role } from '../src/modules/account/account.enums.js';
import { clientWithDossier, integration, pdf, signedIn } from './factories.js';
import { Browser, HIGH_LIMITS, LOGIN, ok, settleMail, startPortal, UPDATE_SETTINGS, type GqlResponse, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), randomBytes(200)]);

// The operations a client wizard uses (README: questionnaires).
const ACTION_FIELDS = `id title status currentPage pageCount assignedAt completedAt
  dossier { id number }
  questionnaire { id title version pages { title questions { key label help type required options showIfKey showIfValue } } }
  answers { key values document { id fileName category contentType downloadUrl } }
  resultDocument { id title fileName category contentType size downloadUrl }`;
const ACTIONS = `{ actions { ${ACTION_FIELDS} } }`;
const ACTION = `query($id: ID!) { action(id: $id) { ${ACTION_FIELDS} } }`;
const SAVE_PAGE = `mutation($actionId: ID!, $page: Int!, $answers: [AnswerInput!]!) { saveActionPage(actionId: $actionId, page: $page, answers: $answers) { ${ACTION_FIELDS} } }`;
const COMPLETE = `mutation($actionId: ID!) { completeAction(actionId: $actionId) { ${ACTION_FIELDS} } }`;
const HOME = '{ home { openActions } }';
// The office.
const UPSERT = 'mutation($input: QuestionnaireInput!) { upsertQuestionnaire(input: $input) { id title version pages { title questions { key label type required options showIfKey showIfValue } } } }';
const ASSIGN = 'mutation($dossierId: ID!, $questionnaireId: ID!, $title: String) { assignQuestionnaire(dossierId: $dossierId, questionnaireId: $questionnaireId, title: $title) { id title status currentPage questionnaire { version } } }';
const SUPPLIED = 'query($id: ID!) { dossier(id: $id) { counts { suppliedByMe { total } } documents(category: SUPPLIED) { edges { node { id title fileName contentType } } } actions { id status } } }';

const TEMPLATE = {
  title: 'Vragenlijst levering woning',
  pages: [
    { title: 'Persoonlijke gegevens', questions: [
      { key: 'name', label: 'Volledige naam', type: 'TEXT', required: true },
      { key: 'birthDate', label: 'Geboortedatum', type: 'DATE', required: true, help: 'Bijvoorbeeld 1980-01-15' },
      { key: 'partner', label: 'Heeft u een partner?', type: 'YES_NO', required: true },
    ] },
    { title: 'Partner', questions: [
      { key: 'partnerName', label: 'Naam van uw partner', type: 'TEXT', required: true, showIfKey: 'partner', showIfValue: 'yes' },
      { key: 'children', label: 'Aantal kinderen', type: 'NUMBER', required: false },
    ] },
    { title: 'Stukken', questions: [
      { key: 'idCopy', label: 'Kopie legitimatiebewijs', type: 'FILE', required: true },
      { key: 'wishes', label: 'Waarover wilt u advies?', type: 'MULTIPLE_CHOICE', required: false, options: ['Testament', 'Levenstestament', 'Huwelijkse voorwaarden'] },
      { key: 'remarks', label: 'Opmerkingen', type: 'LONG_TEXT', required: false },
    ] },
  ],
};

/** The text drawn on the pages of a PDF: pdf-lib parses the file and inflates each page's content streams; strings are WinAnsi. */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await PDFDocument.load(bytes);
  const strings: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const match of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) strings.push(Buffer.from(match[1], 'hex').toString('latin1'));
    }
  }
  return { pages: doc.getPageCount(), text: strings.join('\n') };
}

const fields = (response: GqlResponse) => response.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined;

describe('questionnaires: define, assign, fill in page by page, complete', () => {
  let tp: TestPortal;
  let api: Browser;
  let owner: Awaited<ReturnType<typeof clientWithDossier>>;
  let templateId: string;

  /** A fresh sign-in of the owner (sessions idle out when the fake clock moves). */
  const ownerBrowser = async () => {
    const browser = new Browser(tp.url);
    assert.equal(ok(await browser.gql(LOGIN, { identifier: owner.account.email, password: PASSWORD })).login.status, 'SIGNED_IN');
    return browser;
  };
  const assign = async (title?: string) => ok(await api.gql(ASSIGN, { dossierId: owner.dossier.id, questionnaireId: templateId, title })).assignQuestionnaire;
  const stored = async () => {
    const root = tp.config.FILES_DIR;
    const files = readdirSync(root).filter((n) => n !== 'tmp').flatMap((folder) => readdirSync(join(root, folder)));
    const [{ n }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM document');
    return { files: files.length, documents: Number(n), tmp: readdirSync(join(root, 'tmp')).length };
  };
  const page0 = (partner: string) => [{ key: 'name', values: ['Jan de Vries'] }, { key: 'birthDate', values: ['1980-01-15'] }, { key: 'partner', values: [partner] }];

  before(async () => {
    tp = await startPortal({ ...HIGH_LIMITS, NOTIFY_DIGEST_MINUTES: '10' });
    api = await integration(tp);
    owner = await clientWithDossier(tp, api, PASSWORD, { number: '2026.0501' });
    templateId = ok(await api.gql(UPSERT, { input: TEMPLATE })).upsertQuestionnaire.id;
  });
  after(async () => { await tp.close(); });

  it('define → assign → page 1 → sign out → resume on page 2 elsewhere → complete → PDF under SUPPLIED; the action leaves the list', async () => {
    const events = await integration(tp, ['events:read']);
    const eventsBefore = ok(await events.gql('{ events(first: 100) { pageInfo { endCursor } } }')).events.pageInfo.endCursor;
    const browser = await ownerBrowser();
    const openBefore = ok(await browser.gql(HOME)).home.openActions;
    const assigned = await assign('Vragenlijst koper');
    assert.deepEqual({ ...assigned, id: undefined }, { id: undefined, title: 'Vragenlijst koper', status: 'OPEN', currentPage: 0, questionnaire: { version: 1 } });
    assert.equal(ok(await browser.gql(HOME)).home.openActions, openBefore + 1);
    const listed = ok(await browser.gql(ACTIONS)).actions.find((a: { id: string }) => a.id === assigned.id);
    assert.equal(listed.dossier.number, '2026.0501');
    assert.equal(listed.pageCount, 3);
    assert.deepEqual(listed.questionnaire.pages[1].questions[0], { key: 'partnerName', label: 'Naam van uw partner', help: null, type: 'TEXT', required: true, options: [], showIfKey: 'partner', showIfValue: 'yes' });

    const saved = ok(await browser.gql(SAVE_PAGE, { actionId: assigned.id, page: 0, answers: page0('ja') })).saveActionPage;
    assert.equal(saved.status, 'IN_PROGRESS');
    assert.equal(saved.currentPage, 1);
    assert.equal(ok(await browser.gql('mutation { logout }')).logout, true);
    assert.equal(Browser.code(await browser.gql(ACTION, { id: assigned.id })), 'UNAUTHENTICATED');

    const laptop = await ownerBrowser();
    const resumed = ok(await laptop.gql(ACTION, { id: assigned.id })).action;
    assert.equal(resumed.currentPage, 1);
    assert.deepEqual(resumed.answers.map((a: { key: string; values: string[] }) => [a.key, a.values]), [['name', ['Jan de Vries']], ['birthDate', ['1980-01-15']], ['partner', ['yes']]]);
    ok(await laptop.gql(SAVE_PAGE, { actionId: assigned.id, page: 1, answers: [{ key: 'partnerName', values: ['Marieke Smit-Ëlzinga'] }, { key: 'children', values: ['2'] }] }));
    const third = ok(await laptop.upload(SAVE_PAGE, {
      actionId: assigned.id, page: 2, answers: [{ key: 'idCopy', file: null }, { key: 'wishes', values: ['testament', 'Levenstestament'] }, { key: 'remarks', values: ['Graag een afspraak\nin januari'] }],
    }, { 'answers.0.file': { name: 'paspoort.pdf', content: pdf('paspoort') } })).saveActionPage;
    assert.equal(third.currentPage, 3, 'every page saved: ready to complete');
    const file = third.answers.find((a: { key: string }) => a.key === 'idCopy');
    assert.deepEqual({ values: file.values, fileName: file.document.fileName, category: file.document.category }, { values: ['paspoort.pdf'], fileName: 'paspoort.pdf', category: 'SUPPLIED' });
    assert.deepEqual(third.answers.find((a: { key: string }) => a.key === 'wishes').values, ['Testament', 'Levenstestament']);

    const done = ok(await laptop.gql(COMPLETE, { actionId: assigned.id })).completeAction;
    assert.equal(done.status, 'COMPLETED');
    assert.equal(done.completedAt, tp.clock.now().toISOString());
    assert.deepEqual({ category: done.resultDocument.category, contentType: done.resultDocument.contentType, title: done.resultDocument.title },
      { category: 'SUPPLIED', contentType: 'application/pdf', title: 'Vragenlijst Vragenlijst koper' });

    const download = await laptop.get(done.resultDocument.downloadUrl);
    assert.equal(download.status, 200);
    const { pages, text } = await pdfText(Buffer.from(await download.arrayBuffer()));
    assert.ok(pages >= 1);
    for (const expected of [tp.config.FIRM_NAME, 'Dossier: 2026.0501', 'Marieke Smit-Ëlzinga', 'Naam van uw partner', 'Heeft u een partner?', 'Ja', 'Bestand: paspoort.pdf', 'Testament, Levenstestament', 'in januari', '15 januari 1980']) {
      assert.ok(text.includes(expected), `PDF text has "${expected}":\n${text}`);
    }

    const dossier = ok(await laptop.gql(SUPPLIED, { id: owner.dossier.id })).dossier;
    assert.deepEqual(dossier.documents.edges.map((e: { node: { fileName: string } }) => e.node.fileName).sort(), ['Vragenlijst Vragenlijst koper.pdf', 'paspoort.pdf']);
    assert.deepEqual(dossier.actions.find((a: { id: string }) => a.id === assigned.id), { id: assigned.id, status: 'COMPLETED' });
    assert.equal(ok(await laptop.gql(ACTIONS)).actions.some((a: { id: string }) => a.id === assigned.id), false, 'gone from Acties');
    assert.equal(ok(await laptop.gql(HOME)).home.openActions, openBefore);

    const feed = ok(await events.gql('query($after: String) { events(after: $after, first: 100) { edges { node { type dossierId accountId subjectId } } } }', { after: eventsBefore })).events.edges.map((e: { node: unknown }) => e.node);
    assert.deepEqual(feed.filter((e: { type: string }) => e.type === 'action.completed'), [{ type: 'action.completed', dossierId: owner.dossier.id, accountId: owner.account.id, subjectId: assigned.id }]);
    const uploaded = feed.filter((e: { type: string }) => e.type === 'document.uploaded').map((e: { subjectId: string }) => e.subjectId).sort();
    assert.deepEqual(uploaded, [file.document.id, done.resultDocument.id].sort());
    const audit = await tp.portal.app.sql.rows<{ action: string; actorId: string; ip: string }>("SELECT action, actorId, ip FROM audit_entry WHERE targetId = ? ORDER BY at", [assigned.id]);
    // The test clock stands still, so both entries may share their time: compare as a set.
    assert.deepEqual(audit.map((a) => a.action).sort(), ['action.assigned', 'action.completed']);
    const completion = audit.find((a) => a.action === 'action.completed')!;
    assert.equal(completion.actorId, owner.account.id);
    assert.ok(completion.ip, 'the completion is audited with the IP');
  });

  it('a question whose condition does not hold is skipped and its answer dropped; required only when shown', async () => {
    const browser = await ownerBrowser();
    const action = await assign();
    ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: page0('yes') }));
    const missing = await browser.gql(SAVE_PAGE, { actionId: action.id, page: 1, answers: [{ key: 'children', values: ['1'] }] });
    assert.deepEqual(fields(missing), [{ field: 'answers.partnerName', message: 'REQUIRED' }], 'shown, so required');
    ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 1, answers: [{ key: 'partnerName', values: ['Marieke'] }] }));

    // No partner after all: page 2's partner question is hidden, its saved answer goes, and it is no longer required.
    const changed = ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: page0('nee') })).saveActionPage;
    assert.deepEqual(changed.answers.map((a: { key: string }) => a.key), ['name', 'birthDate', 'partner']);
    assert.equal(changed.currentPage, 1, 'continues on the page after the one saved');
    const skipped = ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 1, answers: [{ key: 'partnerName', values: ['Wordt genegeerd'] }, { key: 'children', values: ['0'] }] })).saveActionPage;
    assert.deepEqual(skipped.answers.map((a: { key: string; values: string[] }) => [a.key, a.values]), [['name', ['Jan de Vries']], ['birthDate', ['1980-01-15']], ['partner', ['no']], ['children', ['0']]]);

    const incomplete = await browser.gql(COMPLETE, { actionId: action.id });
    assert.equal(Browser.code(incomplete), 'BAD_USER_INPUT');
    assert.deepEqual(fields(incomplete), [{ field: 'answers.idCopy', message: 'REQUIRED' }]);
    assert.equal(incomplete.errors?.[0].extensions?.page, 2, 'the wizard is told which page to show');
    assert.equal(ok(await browser.gql(ACTION, { id: action.id })).action.status, 'IN_PROGRESS');
  });

  it('a page with a missing required answer or a wrong type is refused and changes nothing', async () => {
    const browser = await ownerBrowser();
    const action = await assign();
    const before = ok(await browser.gql(ACTION, { id: action.id })).action;
    const missing = await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: [{ key: 'name', values: ['Jan'] }, { key: 'partner', values: ['no'] }] });
    assert.equal(Browser.code(missing), 'BAD_USER_INPUT');
    assert.deepEqual(fields(missing), [{ field: 'answers.birthDate', message: 'REQUIRED' }]);
    const wrong = await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: [{ key: 'name', values: ['Jan'] }, { key: 'birthDate', values: ['15-01-1980'] }, { key: 'partner', values: ['misschien'] }, { key: 'other', values: ['x'] }] });
    assert.deepEqual(fields(wrong), [{ field: 'answers.birthDate', message: 'NOT_A_DATE' }, { field: 'answers.partner', message: 'YES_OR_NO' }, { field: 'answers.other', message: 'NOT_ON_THIS_PAGE' }]);
    assert.deepEqual(fields(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 1, answers: [] })), [{ field: 'page', message: 'NOT_REACHED' }]);
    ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: page0('no') }));
    assert.deepEqual(fields(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 1, answers: [{ key: 'children', values: ['twee'] }] })), [{ field: 'answers.children', message: 'NOT_A_NUMBER' }]);
    const after = ok(await browser.gql(ACTION, { id: action.id })).action;
    assert.deepEqual({ status: after.status, currentPage: after.currentPage }, { status: 'IN_PROGRESS', currentPage: 1 });
    assert.equal(before.status, 'OPEN');
    assert.equal(Browser.code(await browser.gql(COMPLETE, { actionId: action.id })), 'BAD_USER_INPUT');
  });

  it('a file of a disallowed type is FILE_REJECTED: no row, no file, answers unchanged', async () => {
    const browser = await ownerBrowser();
    const action = await assign();
    ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: page0('no') }));
    ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 1, answers: [] }));
    const before = await stored();
    const beforeAction = ok(await browser.gql(ACTION, { id: action.id })).action;
    for (const [name, content, reason] of [['setup.exe', EXE, 'TYPE_NOT_ALLOWED'], ['paspoort.pdf', EXE, 'CONTENT_MISMATCH']] as const) {
      const refused = await browser.upload(SAVE_PAGE, { actionId: action.id, page: 2, answers: [{ key: 'idCopy', file: null }, { key: 'remarks', values: ['Zie bijlage'] }] }, { 'answers.0.file': { name, content } });
      assert.equal(Browser.code(refused), 'FILE_REJECTED');
      assert.equal(refused.errors?.[0].extensions?.reason, reason);
    }
    assert.deepEqual(await stored(), before);
    assert.deepEqual(ok(await browser.gql(ACTION, { id: action.id })).action, beforeAction);
  });

  it('changing the template after assignment leaves the assigned copy as it was', async () => {
    const action = await assign();
    const changed = structuredClone(TEMPLATE) as typeof TEMPLATE;
    changed.pages[0].questions[0].label = 'Naam zoals in uw paspoort';
    changed.pages[0].questions.push({ key: 'email', label: 'E-mailadres', type: 'TEXT', required: true });
    const updated = ok(await api.gql(UPSERT, { input: { id: templateId, ...changed } })).upsertQuestionnaire;
    assert.equal(updated.version, 2);
    assert.equal(ok(await api.gql(UPSERT, { input: { id: templateId, ...changed } })).upsertQuestionnaire.version, 2, 'an unchanged save is no new version');
    const browser = await ownerBrowser();
    const copy = ok(await browser.gql(ACTION, { id: action.id })).action.questionnaire;
    assert.equal(copy.version, 1);
    assert.equal(copy.pages[0].questions[0].label, 'Volledige naam');
    assert.equal(copy.pages[0].questions.length, 3);
    // The new required question does not apply to it.
    ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: page0('no') }));
    const fresh = await assign();
    assert.equal(fresh.questionnaire.version, 2);
    const listed = ok(await api.gql('{ questionnaires { id version pages { questions { label } } } }')).questionnaires.find((q: { id: string }) => q.id === templateId);
    assert.equal(listed.pages[0].questions[0].label, 'Naam zoals in uw paspoort');
    ok(await api.gql(UPSERT, { input: { id: templateId, ...TEMPLATE } }));
  });

  it('completing twice, or saving after completion, is ACTION_COMPLETED and changes nothing', async () => {
    const browser = await ownerBrowser();
    const action = await assign();
    ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: page0('no') }));
    ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 1, answers: [] }));
    ok(await browser.upload(SAVE_PAGE, { actionId: action.id, page: 2, answers: [{ key: 'idCopy', file: null }] }, { 'answers.0.file': { name: 'rijbewijs.png', content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') } }));
    const done = ok(await browser.gql(COMPLETE, { actionId: action.id })).completeAction;
    const before = await stored();
    const twice = await browser.gql(COMPLETE, { actionId: action.id });
    assert.equal(Browser.code(twice), 'ACTION_COMPLETED');
    assert.match(twice.errors![0].message, /al afgerond/);
    assert.equal(Browser.code(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: page0('yes') })), 'ACTION_COMPLETED');
    const late = await browser.upload(SAVE_PAGE, { actionId: action.id, page: 2, answers: [{ key: 'idCopy', file: null }] }, { 'answers.0.file': { name: 'ander.pdf', content: pdf('ander') } });
    assert.equal(Browser.code(late), 'ACTION_COMPLETED');
    assert.deepEqual(await stored(), before);
    assert.deepEqual(ok(await browser.gql(ACTION, { id: action.id })).action, done);
  });

  it('another client gets NOT_FOUND for the action and an empty list; clients cannot define or assign', async () => {
    const action = await assign();
    const other = await clientWithDossier(tp, api, PASSWORD);
    assert.deepEqual(ok(await other.browser.gql(ACTIONS)).actions, []);
    assert.equal(ok(await other.browser.gql(HOME)).home.openActions, 0);
    assert.equal(Browser.code(await other.browser.gql(ACTION, { id: action.id })), 'NOT_FOUND');
    assert.equal(Browser.code(await other.browser.gql(ACTION, { id: '00000000-0000-4000-8000-000000000000' })), 'NOT_FOUND');
    assert.equal(Browser.code(await other.browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: page0('no') })), 'NOT_FOUND');
    assert.equal(Browser.code(await other.browser.gql(COMPLETE, { actionId: action.id })), 'NOT_FOUND');
    assert.equal(Browser.code(await other.browser.gql(UPSERT, { input: TEMPLATE })), 'FORBIDDEN');
    assert.equal(Browser.code(await other.browser.gql(ASSIGN, { dossierId: other.dossier.id, questionnaireId: templateId })), 'FORBIDDEN');
    assert.equal(Browser.code(await other.browser.gql('{ questionnaires { id } }')), 'FORBIDDEN');
    assert.equal(Browser.code(await api.gql(ASSIGN, { dossierId: owner.dossier.id, questionnaireId: '00000000-0000-4000-8000-000000000000' })), 'NOT_FOUND');
    const browser = await ownerBrowser();
    assert.equal(ok(await browser.gql(ACTION, { id: action.id })).action.status, 'OPEN', 'untouched by the other client');
  });

  it('refuses a template with duplicate keys, choices without options or a condition on a later question', async () => {
    const bad = {
      title: ' ',
      pages: [{ title: 'Een', questions: [
        { key: 'a', label: 'A', type: 'SINGLE_CHOICE', required: true },
        { key: 'a', label: 'B', type: 'TEXT', required: false, options: ['x'] },
        { key: 'c', label: 'C', type: 'TEXT', required: false, showIfKey: 'd', showIfValue: 'yes' },
        { key: 'd', label: 'D', type: 'YES_NO', required: false },
        { key: 'e', label: 'E', type: 'TEXT', required: false, showIfKey: 'd', showIfValue: 'misschien' },
      ] }],
    };
    const response = await api.gql(UPSERT, { input: bad });
    assert.equal(Browser.code(response), 'BAD_USER_INPUT');
    assert.deepEqual(fields(response), [{ field: 'title', message: 'REQUIRED' }]);
    const named = await api.gql(UPSERT, { input: { ...bad, title: 'Fout' } });
    assert.deepEqual(fields(named), [
      { field: 'pages.0.questions.0.options', message: 'AT_LEAST_2' },
      { field: 'pages.0.questions.1.key', message: 'DUPLICATE_KEY' },
      { field: 'pages.0.questions.1.options', message: 'NOT_FOR_THIS_TYPE' },
      { field: 'pages.0.questions.2.showIfKey', message: 'NOT_AN_EARLIER_QUESTION' },
      { field: 'pages.0.questions.4.showIfValue', message: 'YES_OR_NO' },
    ]);
    const [{ n }] = await tp.portal.app.sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM questionnaire');
    assert.equal(Number(n), 1, 'nothing stored');
  });

  it('assigning notifies the dossier\'s client accounts that opted in, bundled, without the content', async () => {
    const optedOut = await signedIn(tp, PASSWORD, { clientId: owner.client.id, role: Role.COMPANY_EXTRA });
    ok(await optedOut.browser.gql(UPDATE_SETTINGS, { input: { newQuestionnaires: false } }));
    const digest = async () => { tp.clock.advanceMinutes(11); await tp.portal.app.digest.pass(); await settleMail(tp); };
    await digest();
    const news = (email: string) => tp.mail.to(email).filter((m) => /^Nieuw in/.test(m.subject));
    const [mine, theirs] = [news(owner.account.email).length, news(optedOut.account.email).length];
    await assign('Geheime vragenlijst');
    await assign('Tweede lijst');
    await digest();
    assert.equal(news(owner.account.email).length, mine + 1, 'two assignments, one e-mail');
    const mail = news(owner.account.email).at(-1)!;
    assert.equal(mail.subject, `Nieuw in dossier 2026.0501 – klantenportaal ${tp.config.FIRM_NAME}`);
    assert.match(mail.text, /Dossier 2026\.0501: 2 nieuwe vragenlijsten/);
    assert.doesNotMatch(mail.raw, /Geheime/);
    assert.equal(news(optedOut.account.email).length, theirs, 'turned new questionnaires off');
  });
});

describe('questionnaires: demo data', () => {
  let tp: TestPortal;
  before(async () => { tp = await startPortal({ NODE_ENV: 'development', DEMO_DATA: 'true', ...HIGH_LIMITS }); });
  after(async () => { await tp.close(); });

  it('the demo client has one open three-page questionnaire with a conditional and a file question, which it can fill in', async () => {
    const browser = new Browser(tp.url);
    assert.equal(ok(await browser.gql(LOGIN, { identifier: 'klant@example.nl', password: DEMO_PASSWORD })).login.status, 'SIGNED_IN');
    assert.equal(ok(await browser.gql(HOME)).home.openActions, 1);
    const [action] = ok(await browser.gql(ACTIONS)).actions;
    assert.deepEqual({ status: action.status, pages: action.pageCount, dossier: action.dossier.number }, { status: 'OPEN', pages: 3, dossier: '2026.0142' });
    const questions = action.questionnaire.pages.flatMap((p: { questions: { type: string; showIfKey: string | null }[] }) => p.questions);
    assert.ok(questions.some((q: { showIfKey: string | null }) => q.showIfKey), 'a conditional question');
    assert.ok(questions.some((q: { type: string }) => q.type === 'FILE'), 'a file question');
    const saved = ok(await browser.gql(SAVE_PAGE, { actionId: action.id, page: 0, answers: [
      { key: 'naam', values: ['Jan de Vries'] }, { key: 'geboortedatum', values: ['1975-06-30'] }, { key: 'burgerlijkeStaat', values: ['Gehuwd'] },
    ] })).saveActionPage;
    assert.equal(saved.currentPage, 1);
  });
});
