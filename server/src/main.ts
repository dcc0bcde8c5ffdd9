import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { createPortal } from './http/server.js';

/** Boot: config → database (migrated) → schema → listen. SIGTERM/SIGINT drain and close. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const portal = await createPortal({ config });
  const url = await portal.listen();
  portal.app.logger.info({ url, publicUrl: config.PUBLIC_URL, database: config.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@') }, `Dossierportaal listening on ${url}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    portal.app.logger.info({ signal }, 'shutting down');
    await portal.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
