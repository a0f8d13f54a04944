/**
 * The top entries of a V8 CPU profile (what `BENCH_CPU_PROF=<dir>` writes for the server under test):
 * self time per function and per package, as shares of the busy (non-idle) time.
 *
 *   node --import tsx test/load/profile-top.ts <file.cpuprofile | file.heapprofile> [--top=25] [--last=12]
 *
 * `--last=<s>` keeps only the profile's last seconds: a benchmark's server spends its first tens of
 * seconds on setup (creating and claiming the conversations), and the rate being measured comes last.
 */
import { readFileSync } from 'node:fs';
import { flags, table } from './lib.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A sampling heap profile (`BENCH_HEAP_PROF`): a call tree with the bytes allocated in each frame. */
interface HeapProfile {
  head: HeapNode;
}
interface HeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

/** Bytes allocated per function and per package, as shares of all sampled allocation. */
function heapTop(heap: HeapProfile): void {
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  const walk = (n: HeapNode) => {
    total += n.selfSize;
    const name = n.callFrame.functionName || '(anonymous)';
    const key = n.callFrame.url ? `${name} ${area(n.callFrame.url)} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}` : name;
    fns.set(key, (fns.get(key) ?? 0) + n.selfSize);
    areas.set(area(n.callFrame.url), (areas.get(area(n.callFrame.url)) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(heap.head);
  const rows = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, top).map(([k, b]) => [k, `${(b / 1e6).toFixed(1)} MB`, `${((b / total) * 100).toFixed(1)}%`]);
  console.log(`# ${file}: ${(total / 1e6).toFixed(1)} MB allocated (sampled)`);
  console.log(table(['package / area', 'allocated', 'share'], rows(areas)));
  console.log();
  console.log(table(['function', 'allocated', 'share'], rows(fns)));
}

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: profile-top.ts <file.cpuprofile> [--top=25]');
  process.exit(2);
}
const top = Number(flags().top ?? 25);
const parsed = JSON.parse(readFileSync(file, 'utf8')) as Profile | HeapProfile;
if ('head' in parsed) {
  heapTop(parsed);
  process.exit(0);
}
const profile = parsed;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Self time per node from the sample stream (timeDeltas[i] is the time before sample i).
const selfUs = new Map<number, number>();
const elapsed = profile.timeDeltas.reduce((a, b) => a + b, 0);
const from = flags().last ? elapsed - Number(flags().last) * 1e6 : -Infinity;
let at = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const IDLE = new Set(['(idle)', '(program)']);
/** node_modules/.pnpm/<pkg>@<version>/node_modules/<pkg>/... -> <pkg>; our files -> their folder. */
function area(url: string): string {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (m) return m[1]!;
  const ours = /\/(server\/src\/[^/]+|packages\/[^/]+)\//.exec(url);
  if (ours) return ours[1]!;
  return url.startsWith('node:') ? 'node internals' : url ? url.replace(/^.*\//, '') : '(native / V8)';
}

const fns = new Map<string, number>();
const areas = new Map<string, number>();
let busy = 0;
let total = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  const name = node.callFrame.functionName || '(anonymous)';
  total += us;
  if (IDLE.has(name)) continue;
  busy += us;
  const where = node.callFrame.url ? `${area(node.callFrame.url)} ${node.callFrame.url.replace(/^.*\//, '')}:${node.callFrame.lineNumber + 1}` : '';
  const key = `${name} ${where}`.trim();
  fns.set(key, (fns.get(key) ?? 0) + us);
  const a = name === '(garbage collector)' ? '(garbage collector)' : area(node.callFrame.url);
  areas.set(a, (areas.get(a) ?? 0) + us);
}

const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`;
const sorted = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, top);
console.log(`# ${file}${flags().last ? ` (last ${flags().last} s)` : ''}: busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s sampled`);
console.log(table(['package / area', 'self', 'share of busy'], sorted(areas).map(([k, us]) => [k, `${(us / 1000).toFixed(0)} ms`, pct(us)])));
console.log();
console.log(table(['function', 'self', 'share of busy'], sorted(fns).map(([k, us]) => [k, `${(us / 1000).toFixed(0)} ms`, pct(us)])));
