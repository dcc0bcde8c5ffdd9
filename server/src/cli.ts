import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config/config.js';
import { buildPortalSchema, printPortalSchema } from './graphql/schema.js';
import { createApp } from './http/server.js';
import { inTransaction } from './db/transaction.js';
import { Language, Role } from './modules/account/account.enums.js';
import { repoRoot } from './paths.js';

const USAGE = `Usage: npm run portal -- <command>
  create-admin --email <address> [--name <name>] [--language NL|EN]
                         create an administrator and e-mail the invitation (printed in development mail mode)
  migrate                run pending database migrations
  emit-schema [--check]  write schema.graphql (or fail when it is out of date)`;

/** Field problems come as codes (the web client translates them); the CLI says them in words. */
const FIELD_MESSAGES: Record<string, string> = { INVALID_EMAIL: 'invalid e-mail address', EMAIL_TAKEN: 'an account with this e-mail address exists' };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'emit-schema') {
    const file = resolve(repoRoot, 'schema.graphql');
    const printed = printPortalSchema(await buildPortalSchema());
    if (rest.includes('--check')) {
      const current = readFileSync(file, 'utf8');
      if (current !== printed) {
        console.error('schema.graphql is out of date: run `npm run build -w server && npm run emit-schema -w server` and commit it');
        return 1;
      }
      console.log('schema.graphql is up to date');
      return 0;
    }
    writeFileSync(file, printed);
    console.log(`wrote ${file}`);
    return 0;
  }
  if (command !== 'migrate' && command !== 'create-admin') {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const app = await createApp({ config, logger: pino({ level: config.LOG_LEVEL }) });
  try {
    if (command === 'migrate') {
      console.log('database is up to date');
      return 0;
    }
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, language: { type: 'string' } } });
    if (!values.email) {
      console.error(USAGE);
      return 2;
    }
    const language = (values.language?.toUpperCase() ?? 'NL') as Language;
    if (!Object.values(Language).includes(language)) {
      console.error('--language must be NL or EN');
      return 2;
    }
    const account = await inTransaction(app, async (m) => {
      const created = await app.services.accounts.create(m, { email: values.email!, displayName: values.name ?? values.email!, role: Role.ADMIN, language });
      await app.services.auth.issueLink(m, created, 'INVITATION', null, null);
      await app.audit.record(m, { action: 'account.created', targetId: created.id, detail: { role: Role.ADMIN, via: 'cli' } });
      return created;
    });
    await app.outbox.drain();
    console.log(`Administrator ${account.email} (account number ${account.accountNumber}) created; invitation ${config.SMTP_URL ? 'sent' : `written to ${config.MAIL_OUTBOX_DIR} (link above)`}.`);
    return 0;
  } catch (error) {
    const fields = (error as { extensions?: { fields?: { field: string; message: string }[] } }).extensions?.fields;
    console.error(fields ? fields.map((f) => `${f.field}: ${FIELD_MESSAGES[f.message] ?? f.message}`).join('\n') : error);
    return 1;
  } finally {
    app.sql.close();
    await app.ds.destroy();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
