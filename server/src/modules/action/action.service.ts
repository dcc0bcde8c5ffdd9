import { Readable } from 'node:stream';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { App } from '../../app-context.js';
import { dossierScope, isId, requireAccess } from '../../access/access.js';
import { newId } from '../../db/columns.js';
import { isSqlite } from '../../db/data-source.js';
import { Sql } from '../../db/sql.js';
import { inTransaction } from '../../db/transaction.js';
import { safeFileName } from '../../files/file-types.js';
import { FileStore } from '../../files/storage.js';
import { receiveUploads, storeWithRows, type IncomingFile } from '../../files/upload.js';
import { actorOf, memo, viewerOf, type RequestContext } from '../../graphql/context.js';
import { badInput, DomainError } from '../../graphql/errors.js';
import { Language } from '../account/account.enums.js';
import { DocumentCategory } from '../document/document.types.js';
import { ActionRow, QuestionnaireRow } from './action.entity.js';
import { ActionStatus, ActionView, AnswerView, QuestionnaireView, type AnswerInput, type QuestionnaireInput } from './action.types.js';
import { completionProblems, LIMITS, planPage, shownAnswers, validateDefinition, type Definition, type StoredAnswers } from './questionnaire.js';
import { resultPdf } from './result-pdf.js';

const COLUMNS = `a.id, a.dossierId, a.questionnaireId, a.questionnaireVersion, a.title, a.status, a.definition, a.answers, a.currentPage,
  a.version, a.assignedAt, a.completedAt, a.resultDocumentId`;
/** Actions still to do: what `actions` lists and Home counts. */
export const OPEN_ACTION = "a.status IN ('OPEN', 'IN_PROGRESS')";
/** Longest list `actions` returns (oldest first). */
const LIST_MAX = 500;

const PDF_TITLE = { NL: 'Vragenlijst', EN: 'Questionnaire' };

function actionView(r: Record<string, unknown>): ActionView {
  const definition = JSON.parse(String(r.definition)) as Definition;
  return Object.assign(new ActionView(), {
    id: String(r.id), dossierId: String(r.dossierId), questionnaireId: (r.questionnaireId as string | null) ?? null,
    questionnaireVersion: Number(r.questionnaireVersion), title: String(r.title), status: r.status as ActionStatus, definition,
    stored: JSON.parse(String(r.answers)) as StoredAnswers, currentPage: Number(r.currentPage), pageCount: definition.pages.length,
    version: Number(r.version), assignedAt: Sql.date(r.assignedAt), completedAt: Sql.date(r.completedAt, true),
    resultDocumentId: (r.resultDocumentId as string | null) ?? null,
  });
}

const questionnaireView = (id: string, definition: Definition, version: number): QuestionnaireView => ({ id, title: definition.title, pages: definition.pages, version });

/** The completion saw answers that a save changed before it could commit: it starts again from the new answers. */
class AnswersChanged extends Error {}

/**
 * Questionnaires and actions (SPEC §6). The office defines templates and assigns them to dossiers; the
 * dossier's clients fill in the action page by page (each page validated and saved on the server, so they
 * can continue later, anywhere) and complete it, which stores a PDF of the answers under SUPPLIED.
 * Every read and write of an action is scoped to the caller's dossiers; a completed action never changes.
 */
export class ActionService {
  constructor(private readonly app: App) {}

  // ---- The office: templates and assignment ----

  async questionnaires(_ctx: RequestContext): Promise<QuestionnaireView[]> {
    const rows = await this.app.sql.rows('SELECT q.id, q.definition, q.version FROM questionnaire q ORDER BY q.title, q.id LIMIT 1000');
    return rows.map((r) => questionnaireView(String(r.id), JSON.parse(String(r.definition)) as Definition, Number(r.version)));
  }

  /** Creates a template, or changes the one with `input.id` (its version grows when anything changed). Assigned copies stay as they were. */
  async upsertQuestionnaire(ctx: RequestContext, input: QuestionnaireInput): Promise<QuestionnaireView> {
    const definition = validateDefinition(input);
    if (input.id && !isId(input.id)) throw new DomainError('NOT_FOUND');
    const json = JSON.stringify(definition);
    return inTransaction(this.app, async (m) => {
      const now = this.app.clock.now();
      const existing = input.id ? await m.findOneBy(QuestionnaireRow, { id: input.id }) : null;
      if (input.id && !existing) throw new DomainError('NOT_FOUND');
      const id = existing?.id ?? newId();
      let version = existing?.version ?? 1;
      if (!existing) {
        await m.insert(QuestionnaireRow, { id, title: definition.title, definition: json, version, createdAt: now, updatedAt: now });
      } else if (existing.definition !== json) {
        version++;
        await m.update(QuestionnaireRow, { id }, { title: definition.title, definition: json, version, updatedAt: now });
      }
      if (!existing || existing.definition !== json) {
        await this.app.audit.record(m, { action: existing ? 'questionnaire.updated' : 'questionnaire.created', ...actorOf(ctx), targetId: id, detail: { version } });
      }
      return questionnaireView(id, definition, version);
    });
  }

  /**
   * Assigns a template to a dossier: a new OPEN action holding a frozen copy of the template as it is now.
   * The dossier's client accounts that opted in get an e-mail, bundled with other news (digest).
   */
  async assign(ctx: RequestContext, dossierId: string, questionnaireId: string, title: string | null | undefined): Promise<ActionView> {
    await requireAccess(ctx, { dossier: dossierId });
    if (!isId(questionnaireId)) throw new DomainError('NOT_FOUND');
    const ownTitle = title?.trim();
    if (ownTitle && ownTitle.length > LIMITS.title) throw badInput([{ field: 'title', message: `MAX_LENGTH_${LIMITS.title}` }]);
    const id = newId();
    await inTransaction(this.app, async (m) => {
      const template = await m.findOneBy(QuestionnaireRow, { id: questionnaireId });
      if (!template) throw new DomainError('NOT_FOUND');
      const now = this.app.clock.now();
      await m.insert(ActionRow, {
        id, dossierId, questionnaireId, questionnaireVersion: template.version, title: ownTitle || template.title, status: ActionStatus.OPEN,
        definition: template.definition, answers: '{}', currentPage: 0, version: 0, assignedAt: now, completedAt: null, completedById: null,
        resultDocumentId: null, updatedAt: now,
      });
      await this.app.audit.record(m, { action: 'action.assigned', ...actorOf(ctx), targetId: id, detail: { dossierId, questionnaireId, version: template.version } });
      await this.app.digest.enqueue(m, dossierId, 'QUESTIONNAIRE');
    });
    return this.get(ctx, id);
  }

  // ---- Reads ----

  /** The caller's open and in-progress actions, oldest first, filtered to its dossiers in SQL. */
  async list(ctx: RequestContext): Promise<ActionView[]> {
    const scope = dossierScope(viewerOf(ctx), 'a.dossierId');
    const rows = await this.app.sql.rows(`SELECT ${COLUMNS} FROM action a WHERE ${OPEN_ACTION}${scope.sql} ORDER BY a.assignedAt, a.id LIMIT ${LIST_MAX}`, scope.params);
    return rows.map(actionView);
  }

  /** One action of the caller's dossiers; a missing and a foreign id are the same NOT_FOUND. */
  async get(ctx: RequestContext, id: string): Promise<ActionView> {
    const viewer = viewerOf(ctx);
    if (typeof id !== 'string' || !isId(id)) throw new DomainError('NOT_FOUND');
    const scope = dossierScope(viewer, 'a.dossierId');
    const [row] = await this.app.sql.rows(`SELECT ${COLUMNS} FROM action a WHERE a.id = ?${scope.sql}`, [id, ...scope.params]);
    if (!row) throw new DomainError('NOT_FOUND');
    return actionView(row);
  }

  /** All actions of a dossier the caller already holds, oldest first; batched per request. */
  forDossier(ctx: RequestContext, dossierId: string): Promise<ActionView[]> {
    const loader = memo(ctx, 'loader:dossier-actions', () => new DataLoader<string, ActionView[]>(async (ids) => {
      const rows = await this.app.sql.rows(`SELECT ${COLUMNS} FROM action a WHERE a.dossierId IN (${Sql.list(ids.length)}) ORDER BY a.assignedAt, a.id`, [...ids]);
      const views = rows.map(actionView);
      return ids.map((id) => views.filter((a) => a.dossierId === id));
    }));
    return loader.load(dossierId);
  }

  questionnaireOf(action: ActionView): QuestionnaireView {
    return questionnaireView(action.questionnaireId ?? action.id, action.definition, action.questionnaireVersion);
  }

  /** The saved answers in the questionnaire's order. */
  answersOf(action: ActionView): AnswerView[] {
    return action.definition.pages.flatMap((p) => p.questions).filter((q) => action.stored[q.key])
      .map((q) => Object.assign(new AnswerView(), { key: q.key, values: action.stored[q.key].values, documentId: action.stored[q.key].documentId ?? null }));
  }

  // ---- The client side: filling in ----

  /** The action row under a write lock (MariaDB/MySQL; SQLite runs one transaction at a time). */
  private lock(m: EntityManager, id: string): Promise<ActionRow> {
    return isSqlite(m)
      ? m.findOneByOrFail(ActionRow, { id })
      : m.createQueryBuilder(ActionRow, 'a').setLock('pessimistic_write').where('a.id = :id', { id }).getOneOrFail();
  }

  /**
   * Validates page `page` (0-based; at most the current page) with `answers` and saves it (see planPage):
   * files of shown FILE questions go through the upload pipeline and become SUPPLIED documents of the
   * dossier together with the answers, or nothing is stored. The action continues on the next page.
   */
  async savePage(ctx: RequestContext, actionId: string, page: number, answers: AnswerInput[]): Promise<ActionView> {
    const account = ctx.account!;
    const given = answers.map((a) => ({ key: a.key, values: a.values, hasFile: Boolean(a.file) }));
    // Files that are not placed (a refused save, a question not shown) are deleted with the request (files/multipart.ts).
    const action = await this.get(ctx, actionId);
    if (action.status === ActionStatus.COMPLETED) throw new DomainError('ACTION_COMPLETED');
    const plan = planPage(action.definition, action.stored, action.currentPage, page, given);
    const wanted = plan.fileKeys.map((key) => answers.find((a) => a.key === key)!.file!);
    const files = await receiveUploads(this.app, wanted);
    await storeWithRows(this.app, files, async (m) => {
      const fresh = await this.lock(m, actionId);
      if (fresh.status === ActionStatus.COMPLETED) throw new DomainError('ACTION_COMPLETED');
      const again = planPage(JSON.parse(fresh.definition) as Definition, JSON.parse(fresh.answers) as StoredAnswers, fresh.currentPage, page, given);
      // A save of an earlier page in between may have hidden or shown a FILE question of this one.
      if (again.fileKeys.join('\n') !== plan.fileKeys.join('\n')) throw badInput([{ field: 'page', message: 'CHANGED_MEANWHILE' }]);
      const documentIds = files.length
        ? await this.app.services.documents.insertFiles(m, ctx, fresh.dossierId, files, DocumentCategory.SUPPLIED, { accountId: account.id, name: account.displayName })
        : [];
      plan.fileKeys.forEach((key, i) => { again.answers[key] = { values: [files[i].fileName], documentId: documentIds[i] }; });
      const now = this.app.clock.now();
      await m.update(ActionRow, { id: actionId }, {
        answers: JSON.stringify(again.answers), currentPage: page + 1, status: ActionStatus.IN_PROGRESS, version: fresh.version + 1, updatedAt: now,
      });
      for (const documentId of documentIds) await this.app.events.record(m, { type: 'document.uploaded', dossierId: fresh.dossierId, accountId: account.id, subjectId: documentId });
    });
    return this.get(ctx, actionId);
  }

  /**
   * Completes an action: every shown required question must be answered (else BAD_USER_INPUT with the
   * fields and the first `page` to fix). Stores the PDF of the questions and answers (in the completing
   * user's language) as a SUPPLIED document and marks the action COMPLETED in one transaction.
   */
  async complete(ctx: RequestContext, actionId: string, attempt = 1): Promise<ActionView> {
    const account = ctx.account!;
    const action = await this.get(ctx, actionId);
    if (action.status === ActionStatus.COMPLETED) throw new DomainError('ACTION_COMPLETED');
    const problems = completionProblems(action.definition, action.stored);
    if (problems.fields.length) throw new DomainError('BAD_USER_INPUT', { fields: problems.fields, page: problems.page });
    const [dossier] = await this.app.sql.rows<{ number: string }>('SELECT d.number FROM dossier d WHERE d.id = ?', [action.dossierId]);
    const now = this.app.clock.now();
    const language = account.language === Language.EN ? Language.EN : Language.NL;
    const content = await resultPdf({
      firmName: this.app.config.FIRM_NAME, title: action.title, dossierNumber: dossier.number, completedBy: account.displayName, completedAt: now,
      language, pageTitles: action.definition.pages.map((p) => p.title), items: shownAnswers(action.definition, action.stored),
    });
    const received = await this.app.files.receive(Readable.from([content]), content.length);
    const title = `${PDF_TITLE[language]} ${action.title}`.slice(0, 300);
    const file: IncomingFile = { ...received, fileName: safeFileName(`${title.replace(/[\\/]/g, '-').slice(0, 190)}.pdf`), contentType: 'application/pdf', storageKey: FileStore.newKey() };
    try {
      await storeWithRows(this.app, [file], async (m) => {
        const fresh = await this.lock(m, actionId);
        if (fresh.status === ActionStatus.COMPLETED) throw new DomainError('ACTION_COMPLETED');
        if (fresh.version !== action.version) throw new AnswersChanged();
        const [documentId] = await this.app.services.documents.insertFiles(m, ctx, fresh.dossierId, [file], DocumentCategory.SUPPLIED,
          { accountId: account.id, name: account.displayName }, { title });
        await m.update(ActionRow, { id: actionId }, {
          status: ActionStatus.COMPLETED, completedAt: now, completedById: account.id, resultDocumentId: documentId, version: fresh.version + 1, updatedAt: now,
        });
        await this.app.audit.record(m, { action: 'action.completed', ...actorOf(ctx), targetId: actionId, detail: { dossierId: fresh.dossierId, documentId } });
        await this.app.events.record(m, { type: 'document.uploaded', dossierId: fresh.dossierId, accountId: account.id, subjectId: documentId });
        await this.app.events.record(m, { type: 'action.completed', dossierId: fresh.dossierId, accountId: account.id, subjectId: actionId });
      });
    } catch (error) {
      if (error instanceof AnswersChanged && attempt < 3) return this.complete(ctx, actionId, attempt + 1);
      throw error;
    }
    return this.get(ctx, actionId);
  }
}
