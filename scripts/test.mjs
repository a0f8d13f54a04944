// `pnpm test`: every suite, in phases; within a phase, lanes run at the same time and each lane runs its
// steps one after another. One after another, the whole suite took over 20 minutes on this 2-core
// machine; measured per step (`### summary` at the end of the log):
// - the PGlite server pass runs as two processes at once (`--shards=2`, scripts/test-server.mjs), each
//   one file at a time: one process kept about 1.2 cores busy for 8 minutes (494 s in CI, 1,136-1,182 s
//   for the whole suite against a 1,200 s limit); two took 365 s beside the short suites (type check,
//   unit, search, budget, docs, cluster), which run beside it;
// - the element tests run as two web-test-runner processes at once (scripts/test-elements.mjs), each
//   with its own server and browser, one file at a time: one kept about 0.6 of a core busy (352 s in
//   CI), two took 178 s; the fault tests and the PostgreSQL server pass run beside them (beside the
//   PGlite pass instead, they made it 40% slower);
// - the end-to-end files (three at a time, each with a server process and a browser) run alone: beside
//   the element tests both took twice as long and a test hung.
//
// The first lane's output streams as it runs; the others' is held and printed after it, so the log reads
// one step at a time. A failed step finishes its phase (its neighbours' results are worth having) and
// stops the run; a table of every step's time and result ends the log.
import { spawn } from 'node:child_process';

/** Each step is a package script (package.json) or, for the server passes, scripts/test-server.mjs. */
const PHASES = [
  [['build']],
  [
    ['test:server:pglite'],
    ['typecheck', 'test:client', 'test:search', 'test:budget', 'test:docs', 'test:cluster'],
  ],
  [['test:elements'], ['test:faults', 'test:server:pg-sensitive']],
  [['test:e2e']],
  [['test:production']],
];

// `--phases=2,3` runs only those phases (1-based, in order), e.g. to time a change to one of them.
const phaseArg = process.argv.find((a) => a.startsWith('--phases='));
const chosen = phaseArg ? phaseArg.slice('--phases='.length).split(',').map(Number) : PHASES.map((_, i) => i + 1);

const results = [];

function runStep(script, hold) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('pnpm', ['run', '--silent', script], { stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'] });
    let out = '';
    const header = `\n### ${script}\n`;
    if (hold) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    } else process.stdout.write(header);
    child.on('close', (code) => {
      const r = { script, code: code ?? 1, seconds: (Date.now() - started) / 1000 };
      results.push(r);
      resolve({ ...r, out: hold ? header + out : '' });
    });
  });
}

async function runLane(steps, hold) {
  const outs = [];
  for (const step of steps) {
    const r = await runStep(step, hold);
    outs.push(r.out);
    if (r.code !== 0) break;
  }
  return outs.join('');
}

const began = Date.now();
let failed = false;
for (const [i, lanes] of PHASES.entries()) {
  if (!chosen.includes(i + 1)) continue;
  const held = await Promise.all(lanes.map((steps, i) => runLane(steps, i > 0)));
  for (const out of held) if (out) process.stdout.write(out);
  if (results.some((r) => r.code !== 0)) {
    failed = true;
    break;
  }
}

console.log('\n### summary (seconds; steps on the same phase ran at once)');
for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.seconds.toFixed(0).padStart(5)}  ${r.script}`);
console.log(`${failed ? 'FAIL' : 'ok  '} ${((Date.now() - began) / 1000).toFixed(0).padStart(5)}  total`);
process.exit(failed ? 1 : 0);
