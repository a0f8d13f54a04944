// `pnpm test`: every suite, in phases; within a phase, lanes run at the same time and each lane runs its
// steps one after another. One after another, the whole suite took over 20 minutes on this 2-core
// machine; measured per step (`### summary` at the end of the log):
// - the PGlite server pass runs as two processes at once (`--shards=2`, scripts/test-server.mjs), each
//   one file at a time, beside the short suites (type check, unit, search, budget, docs, cluster). One
//   process keeps about 1.4 cores busy (a file's CPU time is ~1.4x its wall time: the tsx compiler
//   service, GC and argon2 threads), so two gain far less than half: here the pass took 314 s in one
//   process and 281-306 s in two (those runs shared the machine with other work: typecheck 66-71 s, not 28);
// - the element tests (one file at a time against one shared server) keep about 0.6 of a core busy: the
//   fault tests and the PostgreSQL server pass run beside them (beside the PGlite pass instead, they
//   made it 40% slower). Two element processes at once took 148-214 s instead of 203 s, but the phase
//   still waits for the fault and PostgreSQL lane, which they slowed, and a chat test timed out once
//   under that load: one process it stays;
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
