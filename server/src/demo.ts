import type { EntityManager } from 'typeorm';
import type { App } from './app-context.js';
import { newId } from './db/columns.js';
import { inTransaction } from './db/transaction.js';
import { Account } from './modules/account/account.entity.js';
import { Language, Role } from './modules/account/account.enums.js';
import { Client } from './modules/client/client.entity.js';
import { Readable } from 'node:stream';
import { DEMO_DOSSIERS, DEMO_QUESTIONNAIRE, simplePdf } from './demo-content.js';
import { ActionRow, QuestionnaireRow } from './modules/action/action.entity.js';
import { ActionStatus, type QuestionnaireInput } from './modules/action/action.types.js';
import { validateDefinition } from './modules/action/questionnaire.js';
import { Dossier, DossierClient, ProgressStepRow } from './modules/dossier/dossier.entity.js';
import { DocumentRow } from './modules/document/document.entity.js';
import { MessageRow } from './modules/message/message.entity.js';
import { FileStore } from './files/storage.js';
import { indexDossiersMysql } from '../../migrations/1764300000000-SearchIndex.js';

/** The demo password of every demo account (README). Meets the default policy. */
export const DEMO_PASSWORD = 'Demo-Portaal-2026';

/** One account per role of SPEC §1; e-mail addresses under example.nl, which never receives mail. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; client?: string; language?: Language }[] = [
  { email: 'klant@example.nl', name: 'Jan de Vries', role: Role.CLIENT, client: 'person' },
  { email: 'bedrijf@example.nl', name: 'Bakkerij Korenschoof B.V.', role: Role.COMPANY_MAIN, client: 'company' },
  { email: 'collega@example.nl', name: 'Sanne Bakker', role: Role.COMPANY_EXTRA, client: 'company' },
  { email: 'adviseur@example.nl', name: 'Pieter Jansen', role: Role.INTERMEDIARY, client: 'office' },
  { email: 'kantoorbeheer@example.nl', name: 'Marieke Smit', role: Role.OFFICE_USER_ADMIN, client: 'office' },
  { email: 'behandelaar@example.nl', name: 'mr. Eva Mulder', role: Role.STAFF },
  { email: 'admin@example.nl', name: 'Portal Admin', role: Role.ADMIN, language: Language.EN },
];

/**
 * Creates the demo firm's clients and accounts, activated with DEMO_PASSWORD, on an empty database.
 * Never in production (the config forces DEMO_DATA off there).
 */
export async function seedDemoData(app: App): Promise<boolean> {
  if (app.config.production) return false;
  if ((await app.ds.getRepository(Account).count()) > 0) return false;
  const hash = await app.passwords.hash(DEMO_PASSWORD);
  await inTransaction(app, async (m) => {
    const now = app.clock.now();
    const clients: Record<string, string> = {};
    for (const [key, name, isCompany] of [
      ['person', 'Jan de Vries', false], ['company', 'Bakkerij Korenschoof B.V.', true], ['office', 'Van Dam Adviesgroep', true],
    ] as const) {
      clients[key] = newId();
      await m.insert(Client, { id: clients[key], externalRef: `DEMO-${key.toUpperCase()}`, name, isCompany, createdAt: now });
    }
    const accounts: Record<string, Account> = {};
    for (const demo of DEMO_ACCOUNTS) {
      const account = accounts[demo.email] = await app.services.accounts.create(m, {
        email: demo.email, displayName: demo.name, role: demo.role, clientId: demo.client ? clients[demo.client] : null, language: demo.language,
      });
      await m.update(Account, { id: account.id }, { passwordHash: hash, passwordChangedAt: now, activatedAt: now });
    }
    const dossiers = await seedDossiers(app, m, clients, { person: accounts['klant@example.nl'], company: accounts['bedrijf@example.nl'] }, now);
    await seedQuestionnaire(m, dossiers['2026.0142'], new Date(now.getTime() - 2 * 86_400_000));
    await app.audit.record(m, { action: 'demo.seeded', detail: { accounts: DEMO_ACCOUNTS.length, dossiers: DEMO_DOSSIERS.length } });
  });
  app.logger.info({ accounts: DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`), password: DEMO_PASSWORD }, 'demo data created');
  return true;
}

/** The demo dossiers with progress, published documents and messages; their files go through the file store like uploads. */
async function seedDossiers(app: App, m: EntityManager, clients: Record<string, string>, senders: Record<'person' | 'company', Account>, now: Date): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const day = 86_400_000;
  const store = async (name: string, lines: string[]) => {
    const content = simplePdf(name.replace(/\.pdf$/, ''), lines);
    const received = await app.files.receive(Readable.from([content]), content.length);
    const storageKey = FileStore.newKey();
    await app.files.place(received, storageKey);
    return { fileName: name, contentType: 'application/pdf', size: received.size, sha256: received.sha256, storageKey };
  };
  for (const [index, demo] of DEMO_DOSSIERS.entries()) {
    const id = ids[demo.number] = newId();
    const opened = new Date(now.getTime() - demo.daysAgo * day);
    const closed = demo.status === 'COMPLETED' || demo.status === 'ARCHIVED';
    await m.insert(Dossier, {
      id, externalRef: `DEMO-DOSSIER-${index + 1}`, number: demo.number, description: demo.description, statusCode: demo.status,
      handlerName: 'mr. Eva Mulder', handlerEmail: 'behandelaar@example.nl', handlerPhone: '030 123 45 67',
      openedAt: opened, closedAt: closed ? new Date(opened.getTime() + 30 * day) : null, createdAt: opened, updatedAt: now,
    });
    await m.insert(DossierClient, { id: newId(), dossierId: id, clientId: clients[demo.client], createdAt: opened });
    if (!app.sql.sqlite) await indexDossiersMysql((sql, params) => m.query(sql, params), [id]);
    for (const [position, [title, done]] of demo.steps.entries()) {
      await m.insert(ProgressStepRow, { id: newId(), dossierId: id, position, title, done, doneAt: done ? new Date(opened.getTime() + (position + 1) * day) : null });
    }
    for (const [i, doc] of demo.documents.entries()) {
      const at = new Date(opened.getTime() + (i + 1) * 2 * day);
      await m.insert(DocumentRow, {
        id: newId(), dossierId: id, category: doc.category, title: doc.title, ...(await store(doc.file, doc.lines)),
        messageId: null, uploadedById: null, uploadedByName: 'mr. Eva Mulder', publishedAt: at, createdAt: at,
      });
    }
    for (const [i, message] of demo.messages.entries()) {
      const messageId = newId();
      const at = new Date(opened.getTime() + (i + 3) * 3 * day);
      const sender = message.fromOffice ? null : senders[demo.client];
      await m.insert(MessageRow, {
        id: messageId, dossierId: id, direction: message.fromOffice ? 'FROM_OFFICE' : 'TO_OFFICE', subject: message.subject, body: message.body,
        senderAccountId: sender?.id ?? null, senderName: sender?.displayName ?? 'mr. Eva Mulder', sentAt: at, inReplyToId: null, officeReadAt: null, createdAt: at,
      });
      if (message.attachment) {
        await m.insert(DocumentRow, {
          id: newId(), dossierId: id, category: message.fromOffice ? 'ATTACHMENT' : 'SUPPLIED', title: message.attachment,
          ...(await store(message.attachment, [message.subject])), messageId, uploadedById: sender?.id ?? null,
          uploadedByName: sender?.displayName ?? 'mr. Eva Mulder', publishedAt: at, createdAt: at,
        });
      }
    }
  }
  return ids;
}

/** The demo questionnaire as a template, and an open action of it in `dossierId` (as assignQuestionnaire makes it). */
async function seedQuestionnaire(m: EntityManager, dossierId: string, at: Date): Promise<void> {
  const definition = JSON.stringify(validateDefinition(DEMO_QUESTIONNAIRE as QuestionnaireInput));
  const questionnaireId = newId();
  await m.insert(QuestionnaireRow, { id: questionnaireId, title: DEMO_QUESTIONNAIRE.title, definition, version: 1, createdAt: at, updatedAt: at });
  await m.insert(ActionRow, {
    id: newId(), dossierId, questionnaireId, questionnaireVersion: 1, title: DEMO_QUESTIONNAIRE.title, status: ActionStatus.OPEN, definition,
    answers: '{}', currentPage: 0, version: 0, assignedAt: at, completedAt: null, completedById: null, resultDocumentId: null, updatedAt: at,
  });
}
