/**
 * Scheduling with a moved clock, across a restart: a scheduled announcement goes live at its start by
 * the durable job (pushed once, even with two runners and a second run), ends at its end, and a moved
 * start moves the job. Plus the audience rule on its own.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import type { Announcement } from '@parley/protocol';
import { createApp } from '../app.js';
import { jobs } from '../jobs/schema.js';
import { webhookDeliveries, webhookEndpoints } from '../webhooks/schema.js';
import { siteIdOf } from '../kb/test-kit.js';
import { api, staff } from '../kb/test-kit.js';
import { startTestServer } from '../testing.js';
import { HOUR, movableClock } from '../tickets/test-kit.js';
import { matchDepartments } from '../identity/departments.js';
import { inAudience } from './audience.js';
import { announcementReceipts } from './schema.js';
import { START_JOB } from './service.js';
import { closeEmployeeSockets, connectEmployee, createAnnouncement, employeeToken, input, publish, siteSecret } from './test-kit.js';

const quiet = pino({ level: 'silent' });
after(() => closeEmployeeSockets());

test('audience rule: everyone, departments by id or any localized name, named subjects', () => {
  const site = [
    { id: 'd-support', names: { en: 'Support', 'zh-CN': '售后服务', 'zh-TW': '售後服務' } },
    { id: 'd-sales', names: { en: 'Sales' } },
  ];
  assert.deepEqual(matchDepartments([' support '], site), ['d-support'], 'case and spaces do not matter');
  assert.deepEqual(matchDepartments(['售後服務', 'd-sales'], site), ['d-support', 'd-sales'], 'any name, or the id');
  assert.deepEqual(matchDepartments(['Marketing'], site), []);
  const depts = { audienceKind: 'departments' as const, departmentIds: ['d-support'], employees: [] };
  assert.equal(inAudience(depts, 'a', ['d-support']), true);
  assert.equal(inAudience(depts, 'a', ['d-sales']), false);
  assert.equal(inAudience(depts, 'a', []), false);
  assert.equal(inAudience({ audienceKind: 'everyone', departmentIds: [], employees: [] }, 'a', []), true);
  const named = { audienceKind: 'employees' as const, departmentIds: [], employees: ['E-1'] };
  assert.equal(inAudience(named, 'E-1', []), true);
  assert.equal(inAudience(named, 'e-1', ['d-support']), false, 'subjects match exactly');
});

test('a scheduled announcement goes live at its start by the job, once, across a restart, and ends at its end', async () => {
  const clock = movableClock('2026-12-01T01:00:00Z');
  const server = await startTestServer({ clock: clock.now });
  const db = server.database.db;
  try {
    const s = await staff(server);
    const secret = await siteSecret(server);
    const base = '/api/console/announcements';
    const join = async (url: string) => connectEmployee(url, { siteKey: server.siteKey, token: await employeeToken(secret, { sub: 'ma', departments: ['Support'] }, clock.now()) });

    // A webhook subscriber: the going-live is announced to it once.
    await db.insert(webhookEndpoints).values({ siteId: await siteIdOf(server), name: 'ops', url: 'http://127.0.0.1:1/hook', events: ['announcement.published'] });
    const a = await createAnnouncement(server, s.admin, input({ priority: 'urgent', ackRequired: true, startsAt: '2026-12-01T03:00:00Z', endsAt: '2026-12-01T06:00:00Z' }));
    const early = await join(server.url);
    const nothing = early.collect('announcement:new', 500);
    const published = await publish(server, s.admin, a.id);
    assert.equal(published.status, 'scheduled');
    assert.equal(published.wentLiveAt, null);
    assert.deepEqual(await nothing, [], 'not pushed before its start');
    assert.deepEqual((await join(server.url)).list, [], 'not listed before its start');

    // A moved start moves the job: the old time passes with nothing.
    const b = await createAnnouncement(server, s.admin, input({ startsAt: '2026-12-01T02:00:00Z' }));
    await publish(server, s.admin, b.id);
    const moved = await api<{ announcement: Announcement }>(server, `${base}/${b.id}`, { token: s.admin, method: 'PUT', json: input({ startsAt: '2026-12-01T04:00:00Z' }) });
    assert.equal(moved.body.announcement.status, 'scheduled');
    clock.set('2026-12-01T02:30:00Z');
    await server.app.ctx.jobs.runDue();
    assert.equal((await api<{ announcement: Announcement }>(server, `${base}/${b.id}`, { token: s.admin })).body.announcement.wentLiveAt, null);

    // A restart before the start: a new process on the same database.
    await server.app.close();
    // The same configuration as the first process (whatever the test server's defaults are).
    const again = createApp({ db: server.database, config: { ...server.app.ctx.config, host: '127.0.0.1', port: 0 }, logger: quiet, clock: clock.now });
    try {
      const { url } = await again.listen(0);
      const tabs = [await join(url), await join(url)];
      const arrivals = tabs.map((t) => t.next('announcement:new', (p) => p.id === a.id));
      const all = tabs.map((t) => t.collect('announcement:new', 1500));
      clock.set('2026-12-01T03:00:00Z');
      // Two runners at once (a leader change mid-tick) and a late third: still one push per tab.
      await Promise.all([again.ctx.jobs.runDue(), again.ctx.jobs.runDue()]);
      await again.ctx.jobs.runDue();
      for (const got of await Promise.all(arrivals)) assert.equal(got.priority, 'urgent');
      for (const got of await Promise.all(all)) assert.equal(got.filter((p) => p.id === a.id).length, 1, 'pushed once');
      const [startJob] = await db.select().from(jobs).where(and(eq(jobs.kind, START_JOB), eq(jobs.key, a.id)));
      assert.equal(startJob!.status, 'done');
      const hooks = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.event, 'announcement.published'));
      assert.equal(hooks.length, 1, 'one webhook for one going-live');
      assert.deepEqual((hooks[0]!.envelope as { data: unknown }).data, { announcement: { id: a.id, title: 'Fire drill at 3 pm', urgent: true, publishedAt: '2026-12-01T03:00:00.000Z' } });
      const live = await api<{ announcement: Announcement }>({ url }, `${base}/${a.id}`, { token: s.admin });
      assert.equal(live.body.announcement.status, 'live');
      assert.equal(live.body.announcement.wentLiveAt, '2026-12-01T03:00:00.000Z');

      // Acknowledged on this process; still there after the next restart.
      const ack = await tabs[0]!.receipt('ack', a.id);
      assert.ok(ack.ok);

      clock.set('2026-12-01T06:00:00Z');
      const ended = tabs[1]!.next('announcement:ended');
      await again.ctx.jobs.runDue();
      assert.deepEqual(await ended, { id: a.id });
      assert.ok(!(await join(url)).list.some((x) => x.id === a.id), 'ended: no longer listed');
      assert.equal((await api<{ announcement: Announcement }>({ url }, `${base}/${a.id}`, { token: s.admin })).body.announcement.status, 'ended');
    } finally {
      await again.close();
    }
    const [receipt] = await db.select().from(announcementReceipts).where(eq(announcementReceipts.announcementId, a.id));
    assert.equal(receipt!.acknowledgedAt!.toISOString(), '2026-12-01T03:00:00.000Z', 'the acknowledgement outlived the process');
  } finally {
    await server.close();
  }
});

test('flood limits: refused streams are limited per IP, good ones per employee (an office shares one IP)', async () => {
  const server = await startTestServer({ config: { rateConnectionsPerIp: { points: 3, seconds: 60 } } });
  try {
    const secret = await siteSecret(server);
    const codeOf = (auth: Record<string, unknown>) =>
      connectEmployee(server.url, auth).then(
        (socket) => {
          socket.close();
          return 'ok';
        },
        (e: Error & { data?: { code: string } }) => e.data?.code,
      );
    const token = (sub: string) => employeeToken(secret, { sub }, new Date());
    // Five people from one address: each has their own budget.
    for (const sub of ['p1', 'p2', 'p3', 'p4', 'p5']) assert.equal(await codeOf({ siteKey: server.siteKey, token: await token(sub) }), 'ok');
    // One person reconnecting in a loop runs out.
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(await codeOf({ siteKey: server.siteKey, token: await token('p1') }));
    assert.deepEqual(codes, ['ok', 'ok', 'rate_limited', 'rate_limited']);
    // Forged tokens: refused, then turned away without being looked at.
    const forged = [];
    for (let i = 0; i < 5; i++) forged.push(await codeOf({ siteKey: server.siteKey, token: await employeeToken('not-the-secret-0123456789abcdef', { sub: 'x' }, new Date()) }));
    assert.deepEqual(forged.slice(0, 3), ['unauthorized', 'unauthorized', 'unauthorized']);
    assert.equal(forged[4], 'rate_limited');
  } finally {
    closeEmployeeSockets();
    await server.close();
  }
});
