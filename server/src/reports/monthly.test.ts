/**
 * The monthly communication report: planned when the server starts, run once at midnight of the 1st
 * in the site's zone (New York here), stored, mailed to the admins, listed and downloaded by admins
 * only, as CSV and as a printable page. Figures from fixtures.ts, computed by hand below.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { MonthlyReport, MonthlyReportSummary } from '@parley/protocol';
import { jobs } from '../jobs/schema.js';
import { api, codeOf, fixture } from '../kb/test-kit.js';
import { mailOutbox } from '../mail/schema.js';
import { login } from '../test-clients.js';
import { startTestServer } from '../testing.js';
import { movableClock } from '../tickets/test-kit.js';
import { buildWorld } from './fixtures.js';
import { MONTHLY_PLAN_JOB, MONTHLY_REPORT_JOB } from './monthly.js';
import { monthlyReports } from './schema.js';

const clock = movableClock('2026-11-02T20:00:00Z');
const env = fixture(async () => {
  const server = await startTestServer({ clock: clock.now });
  const world = await buildWorld(server.database.db);
  return { server, world };
});
/** Sessions last 12 hours and the clock moves a month: sign in at the current time. */
async function signIn() {
  const { server, world } = await env();
  const [ada, sue] = await Promise.all([login(server.url, world.ada), login(server.url, world.sue)]);
  return { ada: ada.token, sue: sue.token };
}
after(async () => (await env()).server.close());

async function stored() {
  const { server, world } = await env();
  return server.database.db.select().from(monthlyReports).where(eq(monthlyReports.siteId, world.siteId));
}
async function mails() {
  const { server, world } = await env();
  return server.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.siteId, world.siteId), eq(mailOutbox.template, 'report.monthly')));
}

test('runs once at midnight of the 1st in the site zone, stores the month and mails the admins', async () => {
  const { server, world } = await env();
  const db = server.database.db;
  const [plan] = await db.select().from(jobs).where(and(eq(jobs.kind, MONTHLY_PLAN_JOB), eq(jobs.key, '2026-11')));
  // November ends first at UTC+14.
  assert.equal(plan?.runAt.toISOString(), '2026-11-30T10:00:00.000Z');

  // 23:59 on Nov 30 in New York: planned, not yet run for this site.
  clock.set('2026-12-01T04:59:00Z');
  await server.app.ctx.jobs.runDue();
  const [job] = await db.select().from(jobs).where(and(eq(jobs.kind, MONTHLY_REPORT_JOB), eq(jobs.key, `${world.siteId}:2026-11`)));
  assert.equal(job?.runAt.toISOString(), '2026-12-01T05:00:00.000Z');
  assert.equal(job?.status, 'pending');
  assert.equal((await stored()).length, 0);

  clock.set('2026-12-01T05:00:00Z');
  await server.app.ctx.jobs.runDue();
  const rows = await stored();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.month, '2026-11');
  assert.equal(rows[0]!.timeZone, 'America/New_York');
  const sent = await mails();
  // The seeded admin and Ada.
  assert.equal(sent.length, 2);
  assert.ok(sent.some((m) => m.to === world.ada.email));
  assert.equal(sent[0]!.subject, `${world.siteName}: Communication efficiency report, 2026-11 / 沟通效率月度报告 2026-11`);
  assert.match(sent[0]!.html, /Report &lt;Co&gt; &amp; &quot;Sons&quot;/);
  assert.ok(!sent[0]!.html.includes('<Co>'));
  assert.match(sent[0]!.text, /Live chat: Items 4, In-target rate 0%, Late 1, Missed 1/);

  // Later ticks (and a replay of the same key) change nothing; December is planned.
  clock.set('2026-12-01T09:00:00Z');
  await server.app.ctx.jobs.runDue();
  assert.equal((await stored()).length, 1);
  assert.equal((await mails()).length, 2);
  const [next] = await db.select().from(jobs).where(and(eq(jobs.kind, MONTHLY_PLAN_JOB), eq(jobs.key, '2026-12')));
  assert.equal(next?.status, 'pending');
  assert.equal(next?.runAt.toISOString(), '2026-12-31T10:00:00.000Z');
});

test('the stored figures per channel, with October for comparison', async () => {
  const { server, world } = await env();
  const tokens = await signIn();
  const list = await api<{ reports: MonthlyReportSummary[] }>(server, `/api/console/reports/monthly?site=${world.siteId}`, { token: tokens.ada });
  assert.equal(list.status, 200, JSON.stringify(list.body));
  assert.deepEqual(list.body.reports.map((r) => r.month), ['2026-11']);
  const id = list.body.reports[0]!.id;
  const { report } = (await api<{ report: MonthlyReport }>(server, `/api/console/reports/monthly/${id}?site=${world.siteId}`, { token: tokens.ada })).body;
  const line = (channel: string) => report.channels.find((c) => c.channel === channel);
  assert.deepEqual(report.channels.map((c) => c.channel), ['chat', 'feedback', 'api', 'email', 'intranet']);
  // November chats: one answered after 180 s (late), one abandoned, two with the bot only (Nov 2 and Nov 3).
  // October: a chat answered in 60 s and the weekend ticket in target.
  assert.deepEqual(line('chat'), {
    channel: 'chat',
    items: 4,
    inTarget: 0,
    late: 1,
    missed: 1,
    inTargetRate: 0,
    csatInternalRate: null,
    csatExternalRate: null,
    previousInTargetRate: 100,
    previousCsatInternalRate: null,
    previousCsatExternalRate: 50,
  });
  // The API ticket was not yet due on Nov 2 but is unanswered by Dec 1: missed.
  assert.equal(line('api')!.missed, 1);
  assert.equal(line('intranet')!.csatInternalRate, 0);
  assert.equal(line('email')!.items, 0);
  assert.equal(line('email')!.csatExternalRate, 100);
  assert.deepEqual(
    { ...report.total },
    { items: 7, inTarget: 0, late: 2, missed: 3, inTargetRate: 0, csatInternalRate: 0, csatExternalRate: 100, previousInTargetRate: 100, previousCsatInternalRate: null, previousCsatExternalRate: 50 },
  );
  assert.equal(report.nps, 0);
  assert.equal(report.previousNps, null);
});

test('downloads: CSV with BOM and a printable page, escaped, for admins only', async () => {
  const { server, world } = await env();
  const tokens = await signIn();
  const [row] = await stored();
  const base = `/api/console/reports/monthly/${row!.id}?site=${world.siteId}`;
  const csv = await api<Uint8Array>(server, `${base}&format=csv&locale=zh-CN`, { token: tokens.ada });
  assert.deepEqual([...csv.body.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(csv.body.slice(3)).split('\r\n');
  assert.equal(lines[0], '沟通效率月度报告 2026-11');
  assert.equal(lines[1], '渠道,数量,按时响应,超时,未响应,按时响应率 [%],环比 [%],内部满意度 [%],环比 [%],外部满意度 [%],环比 [%]');
  assert.equal(lines[2], '在线聊天,4,0,1,1,0,-100,,,,');
  assert.equal(lines[7], '全部渠道,7,0,2,3,0,-100,0,,100,50');

  const page = await api<Uint8Array>(server, `${base}&format=html&locale=zh-TW`, { token: tokens.ada });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  const html = new TextDecoder().decode(page.body);
  assert.match(html, /<html lang="zh-TW">/);
  assert.match(html, /溝通效率月度報告 2026-11/);
  assert.match(html, /@media print/);
  assert.match(html, /Report &lt;Co&gt; &amp; &quot;Sons&quot;/);
  assert.ok(!html.includes('<script'));

  assert.equal(codeOf(await api(server, `/api/console/reports/monthly?site=${world.siteId}`, { token: tokens.sue })), 'forbidden');
  assert.equal(codeOf(await api(server, base, { token: tokens.sue })), 'forbidden');
  assert.equal(codeOf(await api(server, `/api/console/reports/monthly/00000000-0000-4000-8000-000000000000?site=${world.siteId}`, { token: tokens.ada })), 'not_found');
  assert.equal(codeOf(await api(server, `${base}&format=pdf`, { token: tokens.ada })), 'invalid');
});
