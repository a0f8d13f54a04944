// Runs the server suite on embedded PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL, the two
// at once: each pass runs its files one after another (--test-concurrency=1) and mostly waits on its
// own database, so on two cores the pair takes little longer than one. The PostgreSQL pass's output is
// held and printed after the PGlite pass's, so the log reads one pass at a time.
import { spawn } from 'node:child_process';

const run = (label, env, hold) =>
  new Promise((resolve) => {
    const child = spawn('pnpm', ['--filter', '@parley/server', 'test'], { stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'], env });
    let out = `\n# server tests on ${label}\n`;
    if (!hold) process.stdout.write(out);
    if (hold) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('close', (code) => resolve({ code: code ?? 1, out: hold ? out : '' }));
  });

const { TEST_DATABASE_URL, ...withoutPg } = process.env;
const passes = [run('PGlite (embedded)', withoutPg, false)];
if (TEST_DATABASE_URL) passes.push(run(`PostgreSQL (${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')})`, process.env, true));
const results = await Promise.all(passes);
for (const r of results) if (r.out) process.stdout.write(r.out);
if (!TEST_DATABASE_URL) console.log('\n# PostgreSQL server tests skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)');
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
