// Runs the whole server suite on embedded PGlite and, when TEST_DATABASE_URL is set, the files whose
// behaviour can differ on a PostgreSQL server (locks and concurrent writers, the group-commit writer,
// transaction ids for the ticket index, the job runner, exactly-once receipts, report SQL, replay-safe
// two-factor codes, retention and erasure, migrations) on PostgreSQL, the two at once. Both passes are
// CPU-bound on two cores: the whole suite twice took 26 minutes with everything else, over the 20-minute
// budget. `pnpm test:server:postgres` runs every file on PostgreSQL. The PostgreSQL pass's output is held
// and printed after the PGlite pass's, so the log reads one pass at a time.
import { spawn } from 'node:child_process';

const POSTGRES_FILES = [
  'src/conversations/*.test.ts',
  'src/tickets/*.test.ts',
  'src/jobs/*.test.ts',
  'src/announcements/*.test.ts',
  'src/reports/*.test.ts',
  'src/auth/*.test.ts',
  'src/retention/*.test.ts',
  'src/contacts/*.test.ts',
  'src/kb/migration.test.ts',
];
const all = process.argv.includes('--all');
// `--db=pglite` or `--db=postgres` runs one pass (`pnpm test` runs them in different lanes, scripts/test.mjs).
const only = process.argv.find((a) => a.startsWith('--db='))?.slice(5);

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
const passes = only === 'postgres' ? [] : [run('PGlite (embedded)', withoutPg, false)];
if (TEST_DATABASE_URL && only !== 'pglite') passes.push(run(`PostgreSQL (${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')})${all ? '' : ', the database-sensitive files'}`, process.env, true, all ? undefined : POSTGRES_FILES));
const results = await Promise.all(passes);
for (const r of results) if (r.out) process.stdout.write(r.out);
if (!TEST_DATABASE_URL && only !== 'pglite') console.log('\n# PostgreSQL server tests skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)');
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
