// Runs the server suite on embedded PGlite, then again on PostgreSQL when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';

const run = (label, env) => {
  console.log(`\n# server tests on ${label}`);
  const result = spawnSync('pnpm', ['--filter', '@parley/server', 'test'], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const { TEST_DATABASE_URL, ...withoutPg } = process.env;
run('PGlite (embedded)', withoutPg);
if (TEST_DATABASE_URL) run(`PostgreSQL (${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')})`, process.env);
else console.log('\n# PostgreSQL server tests skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)');
