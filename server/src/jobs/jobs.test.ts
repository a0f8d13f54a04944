/**
 * The durable job runner against a real database: idempotent scheduling, exactly-once effects in the
 * database, retries with backoff, and two runners (a leader change mid-run) never running a job twice.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { jobs } from './schema.js';
import { JobRunner, retryDelayMs } from './runner.js';
import { cancelJob, scheduleJob } from './service.js';
import { kbCategories } from '../kb/schema.js';
import { sites } from '../db/schema.js';
import { startTestServer, type TestServer } from '../testing.js';

let server: TestServer;
let now = new Date('2026-03-02T09:00:00Z');
const logger = pino({ level: 'silent' });

before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const db = () => server.database.db;
const runner = (maxAttempts?: number) => new JobRunner({ db: db(), clock: () => now, logger, ...(maxAttempts ? { maxAttempts } : {}) });
const jobRow = async (kind: string, key: string) => (await db().select().from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.key, key))))[0];
const siteId = async () => (await db().select({ id: sites.id }).from(sites).limit(1))[0]!.id;

test('a job runs once when due, not before; scheduling the same kind and key again moves it instead of adding one', async () => {
  const r = runner();
  const seen: string[] = [];
  r.register('test.once', async (job) => {
    seen.push(String(job.payload.n));
  });
  await scheduleJob(db(), { kind: 'test.once', key: 'a', runAt: new Date(now.getTime() + 60_000), payload: { n: 1 } });
  await scheduleJob(db(), { kind: 'test.once', key: 'a', runAt: new Date(now.getTime() + 120_000), payload: { n: 2 } });
  assert.equal((await db().select().from(jobs).where(eq(jobs.kind, 'test.once'))).length, 1);

  assert.equal(await r.runDue(), 0, 'not due yet');
  now = new Date(now.getTime() + 90_000);
  assert.equal(await r.runDue(), 0, 'moved to +120 s');
  now = new Date(now.getTime() + 60_000);
  assert.equal(await r.runDue(), 1);
  assert.deepEqual(seen, ['2'], 'the latest payload ran');
  assert.equal(await r.runDue(), 0, 'never twice');
  assert.equal((await jobRow('test.once', 'a'))!.status, 'done');

  // A replayed step (a restart re-scheduling what already ran) does not bring it back.
  await scheduleJob(db(), { kind: 'test.once', key: 'a', runAt: now, payload: { n: 3 } });
  assert.equal(await r.runDue(), 0);
  assert.deepEqual(seen, ['2']);
});

test("a failing handler's writes roll back; it retries with backoff and ends failed after the last try", async () => {
  const r = runner(3);
  const site = await siteId();
  let calls = 0;
  r.register('test.flaky', async (_job, { tx }) => {
    calls++;
    await tx.insert(kbCategories).values({ siteId: site, slug: `flaky-${calls}`, names: { en: 'x' } });
    throw new Error(`boom ${calls}`);
  });
  await scheduleJob(db(), { kind: 'test.flaky', key: 'k', runAt: now });
  assert.equal(await r.runDue(), 1);
  let row = (await jobRow('test.flaky', 'k'))!;
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 1);
  assert.equal(row.lastError, 'boom 1');
  assert.equal(row.runAt.getTime(), now.getTime() + retryDelayMs(1));
  assert.equal((await db().select().from(kbCategories).where(eq(kbCategories.slug, 'flaky-1'))).length, 0, 'the failed run wrote nothing');

  assert.equal(await r.runDue(), 0, 'waits for its backoff');
  now = new Date(row.runAt.getTime());
  await r.runDue();
  row = (await jobRow('test.flaky', 'k'))!;
  now = new Date(row.runAt.getTime());
  await r.runDue();
  row = (await jobRow('test.flaky', 'k'))!;
  assert.equal(row.status, 'failed');
  assert.equal(row.attempts, 3);
  assert.equal(calls, 3);
  now = new Date(now.getTime() + 86_400_000);
  assert.equal(await r.runDue(), 0, 'a failed job is not retried');
});

test('a cancelled job never runs; jobs of a kind nobody here handles are left alone', async () => {
  const r = runner();
  let ran = 0;
  r.register('test.cancel', async () => {
    ran++;
  });
  await scheduleJob(db(), { kind: 'test.cancel', key: 'c', runAt: now });
  await cancelJob(db(), 'test.cancel', 'c');
  await scheduleJob(db(), { kind: 'test.unknown-kind', key: 'u', runAt: now });
  assert.equal(await r.runDue(), 0);
  assert.equal(ran, 0);
  assert.equal((await jobRow('test.cancel', 'c'))!.status, 'cancelled');
  assert.equal((await jobRow('test.unknown-kind', 'u'))!.status, 'pending', 'another process may know this kind');
});

test('a handler that schedules a step due now sees it run in the same call; effects commit exactly once with two runners at once', async () => {
  const site = await siteId();
  const a = runner();
  const b = runner();
  for (const r of [a, b]) {
    r.register('test.chain', async (job, { tx }) => {
      const step = Number(job.payload.step);
      await tx.insert(kbCategories).values({ siteId: site, slug: `chain-${step}`, names: { en: String(step) } });
      if (step < 3) await scheduleJob(tx, { kind: 'test.chain', key: `s${step + 1}`, runAt: now, payload: { step: step + 1 } });
    });
  }
  await scheduleJob(db(), { kind: 'test.chain', key: 's1', runAt: now, payload: { step: 1 } });
  for (let i = 0; i < 20; i++) await scheduleJob(db(), { kind: 'test.chain', key: `p${i}`, runAt: now, payload: { step: 100 + i } });
  const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
  assert.equal(ranA + ranB, 23, 'every job ran exactly once across both runners');
  const rows = await db().select({ slug: kbCategories.slug }).from(kbCategories);
  const chain = rows.filter((r) => r.slug.startsWith('chain-')).map((r) => r.slug).sort();
  assert.deepEqual(chain.slice(0, 3), ['chain-1', 'chain-100', 'chain-101']);
  assert.equal(chain.length, 23, 'no step written twice');
  assert.equal(new Set(chain).size, 23);
});
