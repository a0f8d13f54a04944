/**
 * Reports over a year of history: how long each report section takes on PostgreSQL and on PGlite.
 *
 *   pnpm bench:reports -- [--db=both|pg|pglite] [--days=365] [--conversations=100000] [--messages=1000000]
 *                         [--tickets=20000] [--extra-agents=12] [--runs=5] [--reseed] [--pglite-dir=DIR]
 *
 * The history comes from the demo-history generator (server/src/demo-history/), written once into a
 * database of its own and reused by later runs (`--reseed` writes it again): on PostgreSQL the database
 * `parley_bench_reports` on TEST_DATABASE_URL's server (created if absent), on PGlite a data folder
 * (default /tmp/parley-bench-reports-pglite). Seeding is timed and printed too.
 *
 * Each case calls the reports service (`buildReport`, server/src/reports/service.ts) as the console's
 * report view does, for an admin (every department). "Cold" is the first call on a freshly opened
 * database (a new PostgreSQL connection pool, or PGlite opened again from its folder: no cached plans,
 * and for PGlite no pages in its memory); PostgreSQL's own buffers and the OS page cache stay warm, which
 * this benchmark cannot change without root. "Warm" is the median of `--runs` calls after it.
 * Goals (issue 9): every report under 1 s on PostgreSQL, under 3 s on PGlite.
 */
import { existsSync, rmSync } from 'node:fs';
import type { ReportRequest, ReportSectionName } from '../../packages/protocol/src/index.js';
import { rowsOf } from '../../server/src/conversations/views.js';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import { seed } from '../../server/src/db/seed.js';
import { hasHistory, seedHistory } from '../../server/src/demo-history/index.js';
import { buildReport } from '../../server/src/reports/service.js';
import { flags, fmt, machine, PG_URL, table } from './lib.js';

const f = flags();
const which = f.db ?? 'both';
const days = Number(f.days ?? 365);
const volume = {
  conversations: Number(f.conversations ?? 100_000),
  messages: Number(f.messages ?? 1_000_000),
  tickets: Number(f.tickets ?? 20_000),
  extraAgents: Number(f['extra-agents'] ?? 12),
};
const runs = Number(f.runs ?? 5);
const pgliteDir = f['pglite-dir'] ?? '/tmp/parley-bench-reports-pglite';
const BENCH_DB = 'parley_bench_reports';
const GOAL_MS = { postgres: 1000, pglite: 3000 } as const;
const SECTIONS: ReportSectionName[] = ['volume', 'responseTimes', 'sla', 'bot', 'kb', 'satisfaction'];

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

async function pgDatabaseUrl(reseed: boolean): Promise<string> {
  // The server's own driver, on the maintenance connection, so this file needs no client of its own.
  const admin = await openDatabase({ url: PG_URL });
  try {
    if (reseed) await admin.db.execute(`drop database if exists ${BENCH_DB} with (force)`);
    const found = rowsOf(await admin.db.execute(`select 1 as one from pg_database where datname = '${BENCH_DB}'`));
    if (found.length === 0) await admin.db.execute(`create database ${BENCH_DB}`);
  } finally {
    await admin.close();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

async function open(driver: 'postgres' | 'pglite', url: string | undefined): Promise<Database> {
  return openDatabase(driver === 'postgres' ? { url: url! } : { dataDir: pgliteDir });
}

/** Seeds the year unless it is there already; returns the site, the history's end and the seeding time. */
async function prepare(driver: 'postgres' | 'pglite', url: string | undefined): Promise<{ siteId: string; supportId: string; end: Date; seededMs: number | null }> {
  const database = await open(driver, url);
  try {
    await database.migrate();
    const seeded = await seed(database.db);
    if (await hasHistory(database.db, seeded.site.id)) {
      const [row] = rowsOf<{ end: string | Date }>(await database.db.execute(`select max(closed_at) as end from conversations`));
      const end = new Date(row!.end);
      process.stdout.write(`  ${driver}: reusing the history already there (ending ${end.toISOString()}); --reseed writes it again\n`);
      return { siteId: seeded.site.id, supportId: seeded.departments.support.id, end, seededMs: null };
    }
    process.stdout.write(`  ${driver}: writing ${days} days: ${volume.conversations} conversations, ${volume.messages} messages, ${volume.tickets} tickets\n`);
    const result = await seedHistory(database.db, {
      siteId: seeded.site.id,
      days,
      ...volume,
      onProgress: (line) => process.stdout.write(`    ${line}\n`),
    });
    process.stdout.write(`  ${driver}: seeded in ${(result.ms / 1000).toFixed(1)} s (${JSON.stringify(result.counts)})\n`);
    return { siteId: seeded.site.id, supportId: seeded.departments.support.id, end: result.to, seededMs: result.ms };
  } finally {
    await database.close();
  }
}

interface Case {
  name: string;
  request: ReportRequest;
  /** A supervisor's view: only the Support department. */
  supervisor?: boolean;
}

function cases(end: Date): Case[] {
  const to = dayOf(end);
  const yearFrom = dayOf(new Date(end.getTime() - (days - 1) * 86_400_000));
  const monthFrom = dayOf(new Date(end.getTime() - 29 * 86_400_000));
  return [
    ...SECTIONS.map((s) => ({ name: `${s}: year by day`, request: { from: yearFrom, to, granularity: 'day' as const, sections: [s] } })),
    { name: 'all sections: year by month, compared with the year before', request: { from: yearFrom, to, granularity: 'month', compare: true } },
    { name: 'all sections: last 30 days by day, compared', request: { from: monthFrom, to, granularity: 'day', compare: true } },
    { name: 'all sections: year by month, a supervisor of Support', request: { from: yearFrom, to, granularity: 'month' }, supervisor: true },
  ];
}

async function time(driver: 'postgres' | 'pglite', url: string | undefined, site: { siteId: string; supportId: string }, c: Case): Promise<{ cold: number; warm: number; all: number[] }> {
  const database = await open(driver, url);
  try {
    const ctx = { db: database.db, clock: () => new Date(), database };
    const scope = { siteId: site.siteId, departmentIds: c.supervisor ? [site.supportId] : null };
    const t0 = performance.now();
    await buildReport(ctx, scope, c.request);
    const cold = performance.now() - t0;
    const all: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await buildReport(ctx, scope, c.request);
      all.push(performance.now() - t);
    }
    const sorted = [...all].sort((a, b) => a - b);
    return { cold, warm: sorted[Math.floor(sorted.length / 2)]!, all };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  process.stdout.write(`reports benchmark: ${machine()}\n`);
  const drivers = (which === 'both' ? ['postgres', 'pglite'] : [which === 'pg' ? 'postgres' : which]) as Array<'postgres' | 'pglite'>;
  const columns: Array<{ label: string; goal: number; results: Map<string, { cold: number; warm: number }> }> = [];
  for (const driver of drivers) {
    const url = driver === 'postgres' ? await pgDatabaseUrl(f.reseed === 'true') : undefined;
    if (driver === 'pglite' && f.reseed === 'true' && existsSync(pgliteDir)) rmSync(pgliteDir, { recursive: true, force: true });
    const { siteId, supportId, end } = await prepare(driver, url);
    const label = driver;
    const results = new Map<string, { cold: number; warm: number }>();
    columns.push({ label, goal: GOAL_MS[driver], results });
    for (const c of cases(end)) {
      const r = await time(driver, url, { siteId, supportId }, c);
      results.set(c.name, r);
      process.stdout.write(`  ${label.padEnd(9)} ${c.name.padEnd(60)} cold ${fmt(r.cold, 0).padStart(6)} ms   warm median ${fmt(r.warm, 0).padStart(6)} ms   (${r.all.map((x) => fmt(x, 0)).join(', ')})\n`);
    }
  }
  const names = cases(new Date()).map((c) => c.name);
  const headers = ['report', ...columns.flatMap((c) => [`${c.label} cold`, `${c.label} warm`, 'goal'])];
  const rows = names.map((n) => [
    n,
    ...columns.flatMap((c) => {
      const r = c.results.get(n)!;
      return [`${fmt(r.cold, 0)} ms`, `${fmt(r.warm, 0)} ms`, Math.max(r.cold, r.warm) <= c.goal ? 'met' : `**missed** (${c.goal / 1000} s)`];
    }),
  ]);
  process.stdout.write(`\n${table(headers, rows)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:reports failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
