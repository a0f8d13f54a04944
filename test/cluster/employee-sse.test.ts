/**
 * Intranet announcements across two server processes on one PostgreSQL and one Redis: employees' streams
 * (Server-Sent Events) open on both processes, the console publishes on one, and every stream in the
 * audience hears it once, whichever process holds it (hub.ts: local delivery plus Socket.IO's
 * serverSideEmit through the Redis streams adapter). Receipts and withdrawals cross the same way.
 * Skips, saying why, when PostgreSQL or Redis does not answer.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { connectEmployee, employeeToken, type EmployeeStream } from '../../server/src/announcements/test-kit.js';
import { login } from '../../server/src/test-clients.js';
import { ClusterNode, createScratchDatabase, deleteRedisKeys, unavailableReason } from './harness.js';
import type { ScratchDatabase } from './harness.js';

const skip = await unavailableReason();
if (skip) console.log(`cluster tests skipped: ${skip}`);

const ADMIN = { email: 'admin@parley.test', password: 'parley-admin' };
let db: ScratchDatabase;
let a: ClusterNode;
let b: ClusterNode;
let siteKey: string;
let secret: string;
let support: string;
const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
const streams: EmployeeStream[] = [];

before(
  async () => {
    if (skip) return;
    db = await createScratchDatabase();
    // Console sign-in without an authenticator app: two-factor is not under test here.
    const opts = { databaseUrl: db.url, redisPrefix: prefix, extraEnv: { ADMIN_2FA: 'optional' } };
    [a, b] = await Promise.all([ClusterNode.start('A', opts), ClusterNode.start('B', opts)]);
    const [site] = await db.query<{ key: string; secret: string }>('select key, secret from sites');
    siteKey = site!.key;
    secret = site!.secret;
    support = (await db.query<{ id: string }>(`select id from departments where names->>'en' = 'Support'`))[0]!.id;
    // The adapters find each other through their first heartbeat.
    await new Promise((r) => setTimeout(r, 1500));
  },
  { timeout: 120_000 },
);

after(async () => {
  for (const s of streams) s.close();
  await Promise.all([a?.kill(), b?.kill()]);
  await db?.drop();
  if (!skip) await deleteRedisKeys(prefix).catch((err: unknown) => console.log(`could not delete this run's Redis keys (${prefix}*): ${String(err)}`));
});

async function streamOn(node: ClusterNode, sub: string, departments: string[]): Promise<EmployeeStream> {
  const s = await connectEmployee(node.url, { siteKey, token: await employeeToken(secret, { sub, name: sub, departments, locale: 'en' }, new Date()) });
  streams.push(s);
  return s;
}

async function consoleCall<T>(node: ClusterNode, token: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${node.url}/api/console/announcements${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

test('an announcement published on A reaches the audience streams on A and B once; receipts and withdrawal cross too', { skip: skip ?? false }, async () => {
  const { token: admin } = await login(a.url, ADMIN);
  const onA = await streamOn(a, 'cl-wang', ['Support']);
  const onB = await streamOn(b, 'cl-li', ['Support']);
  const secondTabOfWang = await streamOn(b, 'cl-wang', ['Support']);
  const outsider = await streamOn(b, 'cl-zhao', ['Sales']);

  const { announcement } = await consoleCall<{ announcement: { id: string } }>(a, admin, '', {
    versions: [{ locale: 'en', title: 'Cluster fire drill', body: 'Leave by the **nearest** exit.' }],
    priority: 'urgent',
    ackRequired: true,
    audience: { kind: 'departments', departmentIds: [support] },
  });
  const id = announcement.id;
  const heard = [onA, onB, secondTabOfWang].map((s) => s.next('announcement:new', (x) => x.id === id));
  const all = [onA, onB, secondTabOfWang, outsider].map((s) => s.collect('announcement:new', 2500));
  await consoleCall(a, admin, `/${id}/publish`);
  for (const got of await Promise.all(heard)) assert.deepEqual([got.title, got.body], ['Cluster fire drill', [['p', {}, 'Leave by the ', ['strong', {}, 'nearest'], ' exit.']]]);
  const counts = (await Promise.all(all)).map((got) => got.filter((x) => x.id === id).length);
  assert.deepEqual(counts, [1, 1, 1, 0], 'once on each process, none outside the audience');

  // Wang acknowledges on A; his tab on B hears his receipt.
  const receiptOnB = secondTabOfWang.next('announcement:receipt', (r) => r.id === id && r.acknowledgedAt !== null);
  const ack = await onA.receipt('ack', id);
  assert.ok(ack.ok && ack.data.acknowledgedAt);
  assert.equal((await receiptOnB).acknowledgedAt, ack.ok ? ack.data.acknowledgedAt : null);

  // Withdrawn on B: gone from the stream on A.
  const goneOnA = onA.next('announcement:withdrawn', (x) => x.id === id);
  const { token: adminOnB } = await login(b.url, ADMIN);
  await consoleCall(b, adminOnB, `/${id}/withdraw`);
  assert.deepEqual(await goneOnA, { id });
});
