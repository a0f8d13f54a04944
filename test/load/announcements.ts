/**
 * An urgent announcement to 10,000 connected employees on one process (issue 10, DESIGN.md "Scale").
 *
 *   pnpm bench:announcements -- [--count=10000] [--db=pglite|pg] [--ack-spread-seconds=30] [--max-seconds=150] [--root=DIR]
 *
 * The server under test runs in its own process (lib.ts Sut, sut.ts). The generator signs `count`
 * employee tokens as an intranet would (HS256, the site's identity secret; a third each Support, Sales,
 * and Finance-or-nothing, which matches no Parley department; languages en / zh-CN / zh-TW in turn),
 * opens one announcement stream per employee (GET /api/employee/stream, Server-Sent Events over node's
 * http with a keep-alive agent and no socket limit, parsed with eventsource-parser; 100 opening at a
 * time) and waits for each one's first event, the list, as `<parley-banner>` does. Server memory is
 * sampled (after GC) before and after.
 *
 * Then an admin publishes an urgent announcement for everyone with acknowledgement required through the
 * console REST API. Delivery = time from sending the publish request to `announcement:new` on each stream
 * (measured in this process, so it includes the generator's own time to parse 10,000 events on the same
 * 2 cores). When every stream has it, each employee POSTs an `ack` receipt (POST /api/employee/receipts,
 * a keep-alive agent of at most 256 sockets) at a random moment within `--ack-spread-seconds` (people
 * read the dialog before they click; 0 = all at once, the stress case; a failed ack is sent again after
 * 1, 2, 4, 8, 8 s; its time runs from the first attempt), and the run waits for every ack. The database
 * must then hold exactly `count` acknowledged receipts, and the console's receipts API must say the same.
 * Every stream must still be open afterwards. Last, an announcement for Support alone must reach
 * exactly the Support streams. Exit 1 when any count is off or delivery p99 is 2 s or more.
 * The server's event-loop delay per phase (sut.ts `lag`) is printed too: a database-bound burst shows there.
 *
 * PostgreSQL (`--db=pg`): a throw-away database on TEST_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/test), created for the run and dropped after it, as for the other
 * socket benchmarks; every run starts from no receipts.
 */
import { createHmac } from 'node:crypto';
import { execSync } from 'node:child_process';
import { Agent, request, type IncomingMessage } from 'node:http';
import { createParser } from 'eventsource-parser';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AnnouncementReceipts } from '../../packages/protocol/src/index.js';
import { DEMO_ACCOUNTS } from '../../server/src/db/seed-data.js';
import { Sut, flags, fmt, machine, mib, kib, percentile, pool, sleep, sortedOf, table } from './lib.js';
import type { Mem } from './lib.js';

const f = flags();
const fdLimit = Number(execSync('ulimit -n', { encoding: 'utf8', shell: '/bin/sh' }).trim()) || 1024;
// Every stream costs one descriptor here and one in the server process; headroom for files, stdio and the ack agent.
const allowed = fdLimit - 600;
const wanted = Number(f.count ?? 10_000);
const count = Math.min(wanted, allowed);
const maxMs = Number(f['max-seconds'] ?? 150) * 1000;
const db = (f.db ?? 'pglite') as 'pg' | 'pglite';
// Employees read the dialog before they click: each ack is sent at a random moment in this window.
const ackSpreadMs = Number(f['ack-spread-seconds'] ?? 30) * 1000;
const GOAL_P99_MS = 2000;
/** A failed ack is sent again after 1, 2, 4, 8, 8 s. */
const ACK_ATTEMPTS = 6;
const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** What a company intranet signs (identity/employee-token.ts verifies it): HS256, the site's secret. */
function employeeToken(secret: string, claims: { sub: string; name: string; departments: string[]; locale: string }): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function departmentsOf(i: number): string[] {
  if (i % 3 === 0) return ['Support'];
  if (i % 3 === 1) return ['Sales'];
  // Departments Parley does not have, or none: in "everyone" all the same.
  return i % 2 === 0 ? ['Finance'] : [];
}

/** One employee's open stream: its events go to `on`, its end to `onEnd`. */
interface Stream {
  on: (event: string, data: { id: string; reminder?: boolean }) => void;
  onEnd: (why: string) => void;
  close(): void;
}
interface Employee {
  stream: Stream;
  token: string;
  support: boolean;
}

// Streams: one socket each, as many as there are employees. Acks: a bounded keep-alive pool.
const streamAgent = new Agent({ keepAlive: true, maxSockets: Infinity });
const ackAgent = new Agent({ keepAlive: true, maxSockets: 256 });

/** Opens an employee stream; resolves once its first event (the list) is in, as the banner's client does. */
function openStream(url: string, siteKey: string, token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const stream: Stream = { on: () => undefined, onEnd: () => undefined, close: () => req.destroy() };
    let listed = false;
    const req = request(`${url}/api/employee/stream?site=${encodeURIComponent(siteKey)}`, { agent: streamAgent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`stream: HTTP ${res.statusCode}`));
      }
      res.setEncoding('utf8');
      const parser = createParser({
        onEvent: (m) => {
          if (m.event === 'list') {
            listed = true;
            return resolve(stream);
          }
          stream.on(m.event ?? 'message', JSON.parse(m.data) as { id: string });
        },
      });
      res.on('data', (chunk: string) => parser.feed(chunk));
      res.on('close', () => (listed ? stream.onEnd('closed') : reject(new Error('stream closed before its list'))));
    });
    req.on('error', (err) => (listed ? stream.onEnd(err.message) : reject(err)));
    req.setTimeout(0);
    req.end();
  });
}

/** POST /api/employee/receipts {kind: ack}; rejects unless the receipt comes back acknowledged. */
function postAck(url: string, siteKey: string, token: string, id: string): Promise<void> {
  const body = JSON.stringify({ site: siteKey, kind: 'ack', id });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/employee/receipts`,
      { method: 'POST', agent: ackAgent, timeout: 30_000, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if (res.statusCode === 200 && (JSON.parse(text) as { receipt: { acknowledgedAt: string | null } }).receipt.acknowledgedAt) resolve();
          else reject(new Error(`ack: HTTP ${res.statusCode} ${text}`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('ack: timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

async function api<T>(url: string, token: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api/console/announcements${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function get<T>(url: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${url}/api/console/announcements${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Resolves when `done()` is true or `ms` has passed; checks every 20 ms. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await sleep(20);
}

/** Event-loop delay of the server (sut.ts) and of this generator over one phase, then reset. */
const genLoop = monitorEventLoopDelay({ resolution: 10 });
genLoop.enable();
type Lag = { p99: number; max: number; timerGap?: number };
const lags: Array<[string, Lag, Lag]> = [];
async function phaseLag(sut: Sut, phase: string): Promise<void> {
  const server = await sut.call<Lag>('lag');
  lags.push([phase, server, { p99: genLoop.percentile(99) / 1e6, max: genLoop.max / 1e6 }]);
  genLoop.reset();
}

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};

console.log(`# announcements: ${machine()}`);
console.log(`# ${count} employees${count < wanted ? ` (asked ${wanted}; the fd limit ${fdLimit} allows ${allowed})` : ''}, ${db === 'pg' ? 'PostgreSQL' : 'PGlite'}`);
const started = Date.now();
const deadline = started + maxMs;
const sut = await Sut.start('parley', { db, ...(f.root ? { root: f.root } : {}) });
const employees: Employee[] = [];
try {
  const { url, siteKey } = sut.info;
  const [site] = await sut.call<Array<{ secret: string }>>('rows', `select secret from sites where key = '${siteKey}'`);
  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin.email, password: admin.password }) });
  if (!login.ok) throw new Error(`admin login: ${login.status}`);
  const { token: adminToken } = (await login.json()) as { token: string };

  const t0 = performance.now();
  const tokens = Array.from({ length: count }, (_, i) =>
    employeeToken(site!.secret, { sub: `bench-${i}`, name: `Employee ${i}`, departments: departmentsOf(i), locale: LOCALES[i % LOCALES.length]! }),
  );
  console.error(`# ${count} tokens signed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  await sleep(500);
  const before = await sut.call<Mem>('mem');
  await phaseLag(sut, 'start');
  const t1 = Date.now();
  let refused = 0;
  // Streams lost during the run, by reason (none expected).
  const dropped = new Map<string, number>();
  await pool(
    count,
    100,
    async (i) => {
      try {
        // Resolves with the list in: the banner's first event.
        const stream = await openStream(url, siteKey, tokens[i]!);
        employees.push({ stream, token: tokens[i]!, support: i % 3 === 0 });
        stream.onEnd = (reason) => {
          dropped.set(reason, (dropped.get(reason) ?? 0) + 1);
          console.error(`#   stream ${i} lost (${reason}) at ${((Date.now() - started) / 1000).toFixed(1)} s`);
        };
      } catch {
        refused++;
      }
      if (employees.length % 2000 === 0) console.error(`#   ${employees.length} streams`);
    },
    deadline,
  );
  const connectSeconds = (Date.now() - t1) / 1000;
  await phaseLag(sut, 'connect');
  await sleep(1000);
  const held = await sut.call<number>('employee-streams');
  const after = await sut.call<Mem>('mem');
  console.error(`# ${employees.length} streams open with their list in ${connectSeconds.toFixed(1)} s (${refused} refused), server holds ${held}`);
  check(employees.length === count && held === count, `connected ${employees.length}, server holds ${held}, expected ${count}`);

  // The urgent announcement, to everyone, acknowledgement required.
  const draft = await api<{ announcement: { id: string } }>(url, adminToken, '', {
    versions: [
      { locale: 'en', title: 'Building evacuation', body: 'Leave the building now by the **nearest** exit. Do not use the lifts.' },
      { locale: 'zh-CN', title: '大楼疏散', body: '请立即从**最近的**出口离开大楼。请勿乘坐电梯。' },
      { locale: 'zh-TW', title: '大樓疏散', body: '請立即從**最近的**出口離開大樓。請勿乘坐電梯。' },
    ],
    priority: 'urgent',
    ackRequired: true,
    audience: { kind: 'everyone' },
  });
  const id = draft.announcement.id;
  const delivery = new Float64Array(employees.length).fill(NaN);
  let received = 0;
  let duplicates = 0;
  let sentAt = 0;
  employees.forEach((e, i) => {
    e.stream.on = (event, a) => {
      if (event !== 'announcement:new' || a.id !== id) return;
      if (!Number.isNaN(delivery[i]!)) return void duplicates++;
      delivery[i] = performance.now() - sentAt;
      received++;
    };
  });
  await sleep(1000);
  sentAt = performance.now();
  await api(url, adminToken, `/${id}/publish`);
  const publishMs = performance.now() - sentAt;
  await until(() => received === employees.length, 10_000);
  const allMs = performance.now() - sentAt;
  await sleep(500); // a second copy would show up here
  await phaseLag(sut, 'publish + delivery');
  const sortedDelivery = sortedOf(Array.from(delivery).filter((d) => !Number.isNaN(d)));
  console.error(`# publish answered in ${publishMs.toFixed(0)} ms; ${received} received in ${allMs.toFixed(0)} ms`);
  check(received === count, `${received} of ${count} received the urgent announcement`);
  check(duplicates === 0, `${duplicates} streams received it twice`);
  const p99 = percentile(sortedDelivery, 99);
  check(p99 < GOAL_P99_MS, `delivery p99 ${p99.toFixed(0)} ms is not under ${GOAL_P99_MS} ms`);

  // Everyone acknowledges, within the spread window (0: all at once).
  const ackRtt: number[] = [];
  let ackFailed = 0;
  let retries = 0;
  const tAck = performance.now();
  console.error(`# acks sent at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await Promise.all(
    employees.map(async (e) => {
      if (ackSpreadMs > 0) await sleep(Math.random() * ackSpreadMs);
      // From the click to the answer that sticks, retries included (what the employee waits).
      const t = performance.now();
      for (let attempt = 1; ; attempt++) {
        try {
          await postAck(url, siteKey, e.token, id);
          ackRtt.push(performance.now() - t);
          return;
        } catch {
          // A 503 or a dropped request says "retry": acks are idempotent.
          if (attempt === ACK_ATTEMPTS) return void ackFailed++;
          retries++;
          await sleep(Math.min(8000, 1000 * 2 ** (attempt - 1)));
        }
      }
    }),
  );
  const ackAllMs = performance.now() - tAck;
  await phaseLag(sut, 'acks');
  const sortedAck = sortedOf(ackRtt);
  const stored = await sut.call<number>('count', `select count(*) as n from announcement_receipts where announcement_id = '${id}' and acknowledged_at is not null`);
  const { receipts } = await get<{ receipts: AnnouncementReceipts }>(url, adminToken, `/${id}/receipts`);
  console.error(`# ${ackRtt.length} acks answered in ${ackAllMs.toFixed(0)} ms (${retries} retries, ${ackFailed} failed); ${stored} acknowledged receipts stored`);
  check(ackRtt.length === count && ackFailed === 0, `${ackRtt.length} of ${count} acks answered, ${ackFailed} failed`);
  check(stored === count, `${stored} acknowledged receipts in the database, expected ${count}`);
  const apiAcked = receipts.acknowledged;
  check(apiAcked === count, `the receipts API says ${apiAcked} acknowledged, expected ${count}`);

  const stillHeld = await sut.call<number>('employee-streams');
  console.error(`# after the acks: server holds ${stillHeld}; dropped ${JSON.stringify(Object.fromEntries(dropped))}`);
  check(stillHeld === count && dropped.size === 0, `after the acks the server holds ${stillHeld} streams; dropped ${JSON.stringify(Object.fromEntries(dropped))}`);

  // One department only: exactly its members get it.
  const supportCount = employees.filter((e) => e.support).length;
  const [support] = await sut.call<Array<{ id: string }>>('rows', `select id from departments where names->>'en' = 'Support'`);
  const dept = await api<{ announcement: { id: string } }>(url, adminToken, '', {
    versions: [{ locale: 'en', title: 'Support rota', body: 'The weekend rota is out.' }],
    priority: 'important',
    audience: { kind: 'departments', departmentIds: [support!.id] },
  });
  let deptSupport = 0;
  let deptOthers = 0;
  const deptDelivery: number[] = [];
  for (const e of employees) {
    e.stream.on = (event, a) => {
      if (event !== 'announcement:new' || a.id !== dept.announcement.id) return;
      if (e.support) {
        deptSupport++;
        deptDelivery.push(performance.now() - sentAt);
      } else deptOthers++;
    };
  }
  sentAt = performance.now();
  await api(url, adminToken, `/${dept.announcement.id}/publish`);
  await until(() => deptSupport === supportCount, 10_000);
  await sleep(1000); // anyone outside Support who got it would have by now
  const sortedDept = sortedOf(deptDelivery);
  check(deptSupport === supportCount && deptOthers === 0, `Support announcement: ${deptSupport} of ${supportCount} Support streams, ${deptOthers} others`);

  const totalSeconds = (Date.now() - started) / 1000;
  const rssPer = (after.rss - before.rss) / Math.max(1, held);
  const heapPer = (after.heapUsed - before.heapUsed) / Math.max(1, held);
  console.log(
    table(
      ['database', 'streams open', 'open + list s', 'RSS before -> after MiB', 'RSS/stream KiB', 'heap/stream KiB'],
      [[db === 'pg' ? 'PostgreSQL' : 'PGlite', `${employees.length} / ${count}`, fmt(connectSeconds), `${fmt(mib(before.rss))} -> ${fmt(mib(after.rss))}`, fmt(kib(rssPer)), fmt(kib(heapPer))]],
    ),
  );
  console.log(
    table(
      ['announcement', 'received', 'publish answered ms', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        ['urgent, everyone', `${received} / ${count}`, fmt(publishMs, 0), fmt(percentile(sortedDelivery, 50), 0), fmt(percentile(sortedDelivery, 95), 0), fmt(p99, 0), fmt(percentile(sortedDelivery, 100), 0)],
        [`Support only`, `${deptSupport} / ${supportCount} (+${deptOthers} others)`, '-', fmt(percentile(sortedDept, 50), 0), fmt(percentile(sortedDept, 95), 0), fmt(percentile(sortedDept, 99), 0), fmt(percentile(sortedDept, 100), 0)],
      ],
    ),
  );
  console.log(
    table(
      ['acks sent', 'answered', 'retries', 'ack p50 ms', 'ack p99 ms', 'all acks stored s', 'acknowledged receipts (DB)', 'receipts API'],
      [[ackSpreadMs > 0 ? `${count} over ${ackSpreadMs / 1000} s` : `${count} at once`, ackRtt.length, retries, fmt(percentile(sortedAck, 50), 0), fmt(percentile(sortedAck, 99), 0), fmt(ackAllMs / 1000, 2), stored, apiAcked]],
    ),
  );
  console.log(
    table(
      ['phase', 'server loop delay p99 ms', 'server max ms', 'server JS timer late by ms', 'generator p99 ms', 'generator max ms'],
      lags.filter(([p]) => p !== 'start').map(([p, a, b]) => [p, fmt(a.p99, 0), fmt(a.max, 0), fmt(a.timerGap ?? NaN, 0), fmt(b.p99, 0), fmt(b.max, 0)]),
    ),
  );
  console.log(`# whole run ${totalSeconds.toFixed(0)} s`);
} catch (err) {
  failures.push(`run failed: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  for (const e of employees) {
    e.stream.onEnd = () => undefined;
    e.stream.close();
  }
  await sleep(1000);
  await sut.stop();
}
if (failures.length > 0) {
  for (const m of failures) console.error(`FAIL: ${m}`);
  process.exit(1);
}
console.log('# all counts checked; delivery p99 under 2 s');
process.exit(0);
