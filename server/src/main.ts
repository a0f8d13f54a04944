import { pino, type Logger } from 'pino';
import { createApp, type ParleyApp } from './app.js';
import { bootstrap } from './db/bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { seed } from './db/seed.js';
import { seedDemoHistory } from './demo-history/index.js';
import type { SeedResult } from './db/seed.js';

/** The start banner: everything needed to try the demo, printed once per start. */
export function banner(config: Config, baseUrl: string, seeded: SeedResult, driver: string): string {
  const base = config.publicUrl ?? baseUrl;
  const pad = (s: string) => s.padEnd(10);
  const lines = [
    '',
    '  Parley is running',
    '',
    `  ${pad('Site')}${base}/`,
    `  ${pad('Console')}${base}/console`,
    `  ${pad('Intranet')}${base}/intranet`,
    `  ${pad('Health')}${base}/health`,
    '',
    `  ${pad('Site key')}${seeded.site.key}  (${seeded.site.name})`,
    `  ${pad('Database')}${driver === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    '',
    `  Accounts${seeded.created ? ' (just created)' : ' (demo passwords, unless changed)'}:`,
    ...Object.values(seeded.accounts).map((a) => `    ${a.role.padEnd(10)} ${a.email.padEnd(20)} ${a.password}`),
    ...(config.admin2fa === 'required' ? ['  The admin sets up an authenticator app (two-factor) at first sign-in; agents need not (ADMIN_2FA).'] : []),
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`parley: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  await database.migrate();
  if (config.bootstrap) {
    // Production: one site and its admin, no demo data (db/bootstrap.ts).
    const boot = await bootstrap(database.db, config.bootstrap);
    const server = createApp({ db: database, config, logger });
    const { url } = await server.listen();
    const base = config.publicUrl ?? url;
    process.stdout.write(`\n  Parley is running at ${base}/console\n  Site key  ${boot.site.key}  (${boot.site.name})${boot.created ? `\n  Admin     ${config.bootstrap.adminEmail} (password from PARLEY_ADMIN_PASSWORD; change it in Settings)` : ''}\n\n`);
    logger.info({ url, driver: database.driver }, 'listening');
    handleSignals(server, database, logger);
    return;
  }
  const seeded = await seed(database.db);
  if (seeded.created && config.demoHistory) {
    // A fresh demo gets a past, so the reports and lists show something on the first visit. Never
    // fatal: a demo without history still works.
    await seedDemoHistory(database.db, seeded.site.id).then(
      (h) => logger.info({ ...h.counts, ms: h.ms }, 'wrote three months of demo history (DEMO_HISTORY)'),
      (err: unknown) => logger.warn({ err }, 'writing the demo history failed; starting without it'),
    );
  }
  const server = createApp({ db: database, config, logger });
  const { url } = await server.listen();
  process.stdout.write(banner(config, url, seeded, database.driver) + '\n');
  logger.info({ url, driver: database.driver }, 'listening');

  handleSignals(server, database, logger);
}

/** SIGTERM / SIGINT: stop accepting, drain, close the database, exit 0 (1 if that takes over 10 s). */
function handleSignals(server: ParleyApp, database: Database, logger: Logger): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck close must not keep the process around forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    server
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`parley: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
