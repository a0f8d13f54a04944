/**
 * Writes a period of plausible history into the database the server uses (DATABASE_URL, else PGlite in
 * PARLEY_DATA_DIR), for benchmarks and for trying the reports on something sizeable:
 *
 *   pnpm --filter @parley/server seed:history -- --months 12
 *   pnpm --filter @parley/server seed:history -- --months 12 --conversations 100000 --messages 1000000 --tickets 20000 --extra-agents 12
 *
 * Defaults scale a year's 100,000 conversations, 1,000,000 messages and 20,000 tickets to the period.
 * Refuses when the site already has conversations or tickets, unless `--append` (a separate batch on
 * top). Stop the server first when it runs on PGlite: one data folder takes one process.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { seed } from '../db/seed.js';
import { HistoryExistsError, seedHistory } from './index.js';

const USAGE = `usage: seed:history [--months N | --days N] [--conversations N] [--messages N] [--tickets N]
                    [--extra-agents N] [--seed N] [--append] [--end YYYY-MM-DD]`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`--${name} must be a whole number >= 0, got ${JSON.stringify(raw)}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      months: { type: 'string' },
      days: { type: 'string' },
      conversations: { type: 'string' },
      messages: { type: 'string' },
      tickets: { type: 'string' },
      'extra-agents': { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      append: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const days = values.days !== undefined ? positive('days', values.days, 0) : Math.round(positive('months', values.months, 12) * 30.44);
  if (days < 1) throw new ConfigError('the period must be at least one day');
  const perYear = days / 365;
  const conversations = positive('conversations', values.conversations, Math.round(100_000 * perYear));
  const messages = positive('messages', values.messages, conversations * 10);
  const tickets = positive('tickets', values.tickets, Math.round(20_000 * perYear));
  let to: Date | undefined;
  if (values.end !== undefined) {
    to = new Date(`${values.end}T23:59:59Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.end) || Number.isNaN(to.getTime())) throw new ConfigError(`--end must be a date written YYYY-MM-DD, got ${JSON.stringify(values.end)}`);
  }

  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await database.migrate();
    const seeded = await seed(database.db);
    const where = database.driver === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    process.stdout.write(`Writing ${days} days of history for "${seeded.site.name}" into ${where}: ${conversations} conversations, ${messages} messages, ${tickets} tickets\n`);
    const result = await seedHistory(database.db, {
      siteId: seeded.site.id,
      days,
      conversations,
      messages,
      tickets,
      extraAgents: positive('extra-agents', values['extra-agents'], 0),
      seed: positive('seed', values.seed, 20261201),
      append: values.append,
      ...(to ? { to } : {}),
      onProgress: (line) => process.stdout.write(`  ${line}\n`),
    });
    const c = result.counts;
    process.stdout.write(
      `Done in ${(result.ms / 1000).toFixed(1)} s: ${c.conversations} conversations (${c.visitors} visitors), ${c.messages} messages, ${c.tickets} tickets ` +
        `(${c.ticketEntries} thread entries, ${c.ticketHistory} history rows), ${c.invitations} survey invitations, ${c.responses} answers, ${c.kbVotes} help-center votes, ` +
        `${result.from.toISOString().slice(0, 10)} to ${result.to.toISOString().slice(0, 10)}\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof HistoryExistsError || err instanceof RangeError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`seed:history: ${err.message}\n${err instanceof HistoryExistsError ? '' : `${USAGE}\n`}`);
    process.exit(2);
  }
  process.stderr.write(`seed:history: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
