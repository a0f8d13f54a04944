// Runs the whole server suite on embedded PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL the
// files whose behaviour depends on a server with many connections at once: row locks and claim races,
// the group-commit writer, per-conversation seqs under concurrent sends, xmin for the ticket index and
// ticket numbers under 500 concurrent creations, SKIP LOCKED in the job runner, exactly-once receipts,
// replay-safe two-factor codes, and migrations. PGlite is the same PostgreSQL engine with one
// connection, so SQL alone (reports, retention, erasure) behaves the same on both and runs once.
// `pnpm test:server:postgres` runs every file on PostgreSQL. `--db=pglite|postgres` runs one pass
// (`pnpm test` puts them in different lanes, scripts/test.mjs); without it both run at once, and the
// PostgreSQL pass's output is held and printed after the PGlite pass's.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

const POSTGRES_FILES = [
  'src/conversations/queue.test.ts',
  'src/conversations/writer.test.ts',
  'src/conversations/messages.test.ts',
  'src/tickets/search.test.ts',
  'src/tickets/sla.test.ts',
  'src/jobs/jobs.test.ts',
  'src/announcements/announcements.test.ts',
  'src/auth/two-factor.test.ts',
  'src/kb/migration.test.ts',
];
const all = process.argv.includes('--all');
// `--db=pglite` or `--db=postgres` runs one pass (`pnpm test` runs them in different lanes, scripts/test.mjs).
const only = process.argv.find((a) => a.startsWith('--db='))?.slice(5);
// `--shards=N` splits the PGlite pass into N node processes at once, each still one file at a time
// (sorted files dealt out alternately: run one at a time, the halves' files add up to 279 s and 284 s).
// One process keeps about 1.4 of this machine's 2 cores busy, so two gain some 10-30 s of ~300 s
// (scripts/test.mjs). The first shard's output streams; the others' is held and printed after it.
const shards = Number(process.argv.find((a) => a.startsWith('--shards='))?.slice(9) ?? 1);

/** Every server test file, as `pnpm --filter @parley/server test` finds them (`find src -name '*.test.ts' | sort`). */
function serverTestFiles() {
  const dir = new URL('../server/src', import.meta.url).pathname;
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `src/${f}`)
    .sort();
}

const run = (label, env, hold, files) =>
  new Promise((resolve) => {
    const args = files ? ['exec', 'sh', '-c', `node --import tsx --test --test-concurrency=1 --test-timeout=180000 ${files.join(' ')}`] : ['test'];
    const child = spawn('pnpm', ['--filter', '@parley/server', ...args], { stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'], env });
    let out = `\n# server tests on ${label}\n`;
    if (!hold) process.stdout.write(out);
    if (hold) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('close', (code) => resolve({ code: code ?? 1, out: hold ? out : '' }));
  });

const { TEST_DATABASE_URL, ...withoutPg } = process.env;
const passes = [];
if (only !== 'postgres') {
  if (shards <= 1) passes.push(run('PGlite (embedded)', withoutPg, false));
  else {
    const files = serverTestFiles();
    for (let i = 0; i < shards; i++) passes.push(run(`PGlite (embedded), shard ${i + 1} of ${shards}`, withoutPg, i > 0, files.filter((_, j) => j % shards === i)));
  }
}
if (TEST_DATABASE_URL && only !== 'pglite') passes.push(run(`PostgreSQL (${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')})${all ? '' : ', the database-sensitive files'}`, process.env, true, all ? undefined : POSTGRES_FILES));
const results = await Promise.all(passes);
for (const r of results) if (r.out) process.stdout.write(r.out);
if (!TEST_DATABASE_URL && only !== 'pglite') console.log('\n# PostgreSQL server tests skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)');
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
