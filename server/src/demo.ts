import type { App } from './app-context.js';
import { newId } from './db/columns.js';
import { inTransaction } from './db/transaction.js';
import { Account } from './modules/account/account.entity.js';
import { Language, Role } from './modules/account/account.enums.js';
import { Client } from './modules/client/client.entity.js';

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
    for (const demo of DEMO_ACCOUNTS) {
      const account = await app.services.accounts.create(m, {
        email: demo.email, displayName: demo.name, role: demo.role, clientId: demo.client ? clients[demo.client] : null, language: demo.language,
      });
      await m.update(Account, { id: account.id }, { passwordHash: hash, passwordChangedAt: now, activatedAt: now });
    }
    await app.audit.record(m, { action: 'demo.seeded', detail: { accounts: DEMO_ACCOUNTS.length } });
  });
  app.logger.info({ accounts: DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`), password: DEMO_PASSWORD }, 'demo data created');
  return true;
}
