// `pnpm test:elements`: the element tests (web-test-runner.config.mjs) in two shards at once, each its own
// web-test-runner process with its own Parley server (in-memory PGlite) and its own Chromium, each shard
// still one file at a time. One run keeps about 0.6 of a core busy (most of a test is waiting on socket
// round trips and renders), so on this 2-core machine two shards take about half the time of one
// (beside the fault tests and the PostgreSQL pass: 352 s in CI for one, 178 s for two). Files are
// sorted and dealt out alternately (measured one at a time, the shards' files add up to 144 s and
// 153 s). Each shard starts from a freshly seeded server, as a single run does: no file relies on
// another having run before it, and no two files share a server's state at the same moment.
// `--shards=1` runs them all in one process, as `pnpm exec web-test-runner` does; extra arguments
// (e.g. a file) go to web-test-runner unchanged and then only one process runs.
// The first shard's output streams; the others' is held and printed after it.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const shardArg = args.find((a) => a.startsWith('--shards='));
const passThrough = args.filter((a) => a !== shardArg);
const shards = passThrough.length > 0 ? 1 : Number(shardArg?.slice('--shards='.length) ?? 2);

/** Same set as the config's `packages/elements/src/**\/*.test.ts`. */
function testFiles() {
  const dir = join(ROOT, 'packages/elements/src');
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `packages/elements/src/${f}`)
    .sort();
}

/** A port free now. web-test-runner's own pick (the first free from 8000) races when two start at once. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(label, wtrArgs, hold) {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['exec', 'web-test-runner', ...wtrArgs], { cwd: ROOT, stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'] });
    let out = `\n# element tests, ${label}\n`;
    if (hold) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    } else process.stdout.write(out);
    child.on('close', (code) => resolve({ code: code ?? 1, out: hold ? out : '' }));
  });
}

let runs;
if (shards <= 1) runs = [run('all files', passThrough, false)];
else {
  const files = testFiles();
  const ports = [];
  while (ports.length < shards) {
    const p = await freePort();
    if (!ports.includes(p)) ports.push(p);
  }
  runs = ports.map((port, i) => {
    const mine = files.filter((_, j) => j % shards === i);
    return run(`shard ${i + 1} of ${shards} (${mine.length} files)`, ['--port', String(port), ...mine], i > 0);
  });
}
const results = await Promise.all(runs);
for (const r of results) if (r.out) process.stdout.write(r.out);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
