/**
 * Reports through the console API against the hand-computed world of fixtures.ts: every figure,
 * New York days across the end of daylight saving time, business-hours due times, the period before,
 * who sees what, and the CSV a spreadsheet opens.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ReportResponse } from '@parley/protocol';
import { api, codeOf, fixture } from '../kb/test-kit.js';
import { login } from '../test-clients.js';
import { startTestServer } from '../testing.js';
import { movableClock } from '../tickets/test-kit.js';
import { eq } from 'drizzle-orm';
import { buildWorld, insertChat } from './fixtures.js';
import { conversations } from '../db/schema.js';
import { reportChatFacts } from './schema.js';
import { buildReport } from './service.js';

// "Now" for open tickets: Monday Nov 2, 15:00 in New York. T5 (due 21:00Z) is not yet due.
const clock = movableClock('2026-11-02T20:00:00Z');
const env = fixture(async () => {
  const server = await startTestServer({ clock: clock.now });
  const world = await buildWorld(server.database.db);
  const [ada, sue, ann] = await Promise.all([login(server.url, world.ada), login(server.url, world.sue), login(server.url, world.ann)]);
  return { server, world, tokens: { ada: ada.token, sue: sue.token, ann: ann.token } };
});
after(async () => (await env()).server.close());

const PERIOD = 'from=2026-10-31&to=2026-11-02';
async function report(token: string, query: string) {
  const { server, world } = await env();
  const r = await api<ReportResponse>(server, `/api/console/reports?site=${world.siteId}&${query}`, { token });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}
const series = (rows: Array<{ key: string; values: Record<string, unknown> }>, metric: string) => Object.fromEntries(rows.map((r) => [r.key, r.values[metric]]));

test('volume: New York days across the end of DST, breakdowns, and the period before', async () => {
  const { tokens, world } = await env();
  const r = await report(tokens.ada, `${PERIOD}&compare=true&sections=volume`);
  // The site's zone comes from its first department's business calendar.
  assert.equal(r.request.timeZone, 'America/New_York');
  assert.deepEqual(r.period, { from: '2026-10-31T04:00:00.000Z', to: '2026-11-03T05:00:00.000Z' });
  assert.deepEqual(r.previousPeriod, { fromDay: '2026-10-28', toDay: '2026-10-30', from: '2026-10-28T04:00:00.000Z', to: '2026-10-31T04:00:00.000Z' });
  const v = r.sections.volume!;
  assert.deepEqual(v.total, { conversations: 5, tickets: 5 });
  assert.deepEqual(v.previous, { conversations: 1, tickets: 0 });
  // In UTC the 23:30 chats would fall a day later: Oct 31 would have 1 chat, Nov 2 three.
  assert.deepEqual(series(v.series, 'conversations'), { '2026-10-31': 2, '2026-11-01': 1, '2026-11-02': 2 });
  assert.deepEqual(series(v.series, 'tickets'), { '2026-10-31': 2, '2026-11-01': 0, '2026-11-02': 3 });
  assert.deepEqual(Object.fromEntries(v.byDepartment.map((d) => [d.label, d.values])), { Support: { conversations: 4, tickets: 4 }, Sales: { conversations: 1, tickets: 1 } });
  assert.deepEqual(Object.fromEntries(v.byAgent.map((d) => [d.key === world.ann.id ? 'ann' : d.key, d.values])), { ann: { conversations: 2, tickets: 2 }, none: { conversations: 3, tickets: 3 } });
  assert.deepEqual(Object.fromEntries(v.byChannel.map((d) => [d.key, d.values])), {
    chat: { conversations: 5, tickets: 1 },
    email: { conversations: 0, tickets: 1 },
    intranet: { conversations: 0, tickets: 1 },
    feedback: { conversations: 0, tickets: 1 },
    api: { conversations: 0, tickets: 1 },
  });

  const weekly = await report(tokens.ada, `${PERIOD}&granularity=week&sections=volume`);
  // Saturday Oct 31 is in the week of Monday Oct 26; Sunday Nov 1 too; Monday Nov 2 starts the next.
  assert.deepEqual(series(weekly.sections.volume!.series, 'conversations'), { '2026-10-26': 3, '2026-11-02': 2 });
  const utc = await report(tokens.ada, `${PERIOD}&timeZone=UTC&sections=volume`);
  assert.deepEqual(series(utc.sections.volume!.series, 'conversations'), { '2026-10-31': 1, '2026-11-01': 1, '2026-11-02': 3 });
});

test('response times: medians and 90th percentiles of chats (from the handoff) and tickets', async () => {
  const { tokens } = await env();
  const t = (await report(tokens.ada, `${PERIOD}&sections=responseTimes`)).sections.responseTimes!.total;
  // Chats: first replies 60 s and 180 s; joins after 30 s and 120 s; the Sales chat left unanswered.
  assert.equal(t.chatFirstResponseMedian, 120);
  assert.equal(t.chatFirstResponseP90, 168);
  assert.equal(t.queueWaitMedian, 75);
  assert.equal(t.queueWaitP90, 111);
  assert.equal(t.queueAbandoned, 1);
  // Tickets: 3,600 s, 7,200 s and 174,600 s (the weekend ticket) to a first answer; one resolved after a day.
  assert.equal(t.ticketFirstResponseMedian, 7200);
  assert.equal(t.ticketFirstResponseP90, 141120);
  assert.equal(t.ticketResolutionMedian, 86400);
  assert.equal(t.ticketResolutionP90, 86400);
});

test('SLA: tickets against business-hours due times, chats against the chat target', async () => {
  const { tokens } = await env();
  const s = (await report(tokens.ada, `${PERIOD}&sections=sla`)).sections.sla!;
  // Met: the email ticket and the weekend ticket answered Monday before 10:00 (48.5 h after it came, yet in target).
  assert.deepEqual(s.total, {
    slaTickets: 5,
    slaMet: 2,
    slaLate: 1,
    slaMissed: 1,
    slaBreached: 2,
    slaPending: 1,
    slaCompliance: 50,
    escalated: 1,
    chatQueued: 3,
    chatInTarget: 1,
    chatLate: 1,
    chatMissed: 1,
    chatCompliance: 33.3,
  });
  const wider = (await report(tokens.ada, `${PERIOD}&sections=sla&chatTargetSeconds=180`)).sections.sla!.total;
  assert.equal(wider.chatInTarget, 2);
  assert.equal(wider.chatCompliance, 66.7);
  // Once T5's due time passes unanswered, it is missed rather than pending.
  clock.set('2026-11-02T22:00:00Z');
  try {
    const later = (await report(tokens.ada, `${PERIOD}&sections=sla`)).sections.sla!.total;
    assert.equal(later.slaPending, 0);
    assert.equal(later.slaMissed, 2);
  } finally {
    clock.set('2026-11-02T20:00:00Z');
  }
});

test('bot containment and help-center helpfulness', async () => {
  const { tokens } = await env();
  const r = await report(tokens.ada, `${PERIOD}&sections=bot,kb&compare=1`);
  assert.deepEqual(r.sections.bot!.total, { botClosed: 4, botContained: 1, botHandedOff: 3, containmentRate: 25 });
  assert.deepEqual(r.sections.bot!.previous, { botClosed: 1, botContained: 1, botHandedOff: 0, containmentRate: 100 });
  assert.deepEqual(r.sections.bot!.byAgent, []);
  assert.deepEqual(r.sections.kb!.total, { kbVotes: 3, kbHelpful: 2, kbNotHelpful: 1, helpfulRate: 66.7 });
  assert.deepEqual(series(r.sections.kb!.series, 'kbVotes'), { '2026-10-31': 0, '2026-11-01': 1, '2026-11-02': 2 });
  assert.equal(r.sections.volume, undefined);
});

test('satisfaction: CSAT rate and average, internal and external, NPS, comments', async () => {
  const { tokens } = await env();
  const s = (await report(tokens.ada, `${PERIOD}&sections=satisfaction&compare=true`)).sections.satisfaction!;
  assert.deepEqual(s.total, {
    csatResponses: 3,
    csatSatisfied: 2,
    csatRate: 66.7,
    csatAverage: 3.67,
    csatInternalRate: 0,
    csatExternalRate: 100,
    npsResponses: 3,
    promoters: 1,
    passives: 1,
    detractors: 1,
    nps: 0,
  });
  assert.equal(s.previous!.csatResponses, 1);
  assert.equal(s.previous!.csatRate, 0);
  assert.equal(s.previous!.nps, null);
  assert.deepEqual(
    s.comments.map((c) => [c.kind, c.score, c.comment, c.channel]),
    [
      ['csat', 2, 'slow\nreply', 'intranet'],
      ['nps', 10, '=HYPERLINK("x")', null],
      ['csat', 5, '很好，谢谢, "great"', 'chat'],
    ],
  );
  assert.deepEqual(Object.fromEntries(s.byChannel.map((c) => [c.key, c.values.csatResponses])), { chat: 1, email: 1, intranet: 1, none: 0 });
});

test('filters: department, agent and channel narrow every figure', async () => {
  const { tokens, world } = await env();
  const sales = await report(tokens.ada, `${PERIOD}&departmentId=${world.sales}&sections=volume,satisfaction`);
  assert.deepEqual(sales.sections.volume!.total, { conversations: 1, tickets: 1 });
  assert.equal(sales.sections.satisfaction!.total.csatResponses, 1);
  const ann = await report(tokens.ada, `${PERIOD}&agentId=${world.ann.id}&sections=volume`);
  assert.deepEqual(ann.sections.volume!.total, { conversations: 2, tickets: 2 });
  const email = await report(tokens.ada, `${PERIOD}&channel=email&sections=volume,sla`);
  assert.deepEqual(email.sections.volume!.total, { conversations: 0, tickets: 1 });
  assert.equal(email.sections.sla!.total.chatQueued, 0);
});

test('roles: a supervisor sees only their departments, an agent nothing, bad input changes nothing', async () => {
  const { server, tokens, world } = await env();
  const mine = await report(tokens.sue, `${PERIOD}&sections=volume,satisfaction,sla`);
  assert.deepEqual(mine.sections.volume!.total, { conversations: 4, tickets: 4 });
  assert.deepEqual(mine.sections.volume!.byDepartment.map((d) => d.label), ['Support']);
  // The intranet ticket and its answer are Sales'; site-wide NPS has no department.
  assert.equal(mine.sections.satisfaction!.total.csatResponses, 2);
  assert.equal(mine.sections.satisfaction!.total.npsResponses, 0);
  assert.equal(mine.sections.sla!.total.slaLate, 0);

  const path = (q: string) => `/api/console/reports?site=${world.siteId}&${q}`;
  assert.equal(codeOf(await api(server, path(`${PERIOD}&departmentId=${world.sales}`), { token: tokens.sue })), 'forbidden');
  assert.equal(codeOf(await api(server, path(PERIOD), { token: tokens.ann })), 'forbidden');
  assert.equal(codeOf(await api(server, path(`${PERIOD}&format=csv&section=volume`), { token: tokens.ann })), 'forbidden');
  assert.equal(codeOf(await api(server, path(PERIOD))), 'unauthorized');
  for (const bad of ['from=2026-11-02&to=2026-10-31', 'from=2026-02-30&to=2026-03-01', 'from=2025-01-01&to=2026-12-31', `${PERIOD}&timeZone=Mars/Olympus`, `${PERIOD}&granularity=hour`, `${PERIOD}&channel=fax`, `${PERIOD}&sections=volume,nope`, `${PERIOD}&departmentId=nope`, `${PERIOD}&bogus=1`, `${PERIOD}&format=csv`]) {
    const r = await api(server, path(bad), { token: tokens.ada });
    assert.equal(codeOf(r), 'invalid', `${bad}: ${JSON.stringify(r.body)}`);
  }
});

test('CSV: BOM, CRLF, quoting of Chinese, commas, quotes and line breaks, formulas defused', async () => {
  const { server, tokens, world } = await env();
  const get = (q: string) => api<Uint8Array>(server, `/api/console/reports?site=${world.siteId}&${PERIOD}&format=csv&${q}`, { token: tokens.ada });
  const r = await get('section=satisfaction&table=comments&locale=zh-CN');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="parley-satisfaction-comments-2026-10-31_2026-11-02\.csv"/);
  assert.deepEqual([...r.body.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(r.body.slice(3));
  const lines = text.split('\r\n');
  assert.equal(lines[0], '回答时间,问卷,分数,评论,部门,客服,渠道');
  assert.equal(lines[1], '2026-11-02T17:00:00.000Z,CSAT,2,"slow\nreply",销售部,,内网');
  assert.equal(lines[2], `2026-11-01T12:00:00.000Z,NPS,10,"'=HYPERLINK(""x"")",,,`);
  assert.equal(lines[3], '2026-10-31T15:00:00.000Z,CSAT,5,"很好，谢谢, ""great""",支持部,Ann,在线聊天');
  assert.equal(lines[4], '');

  const channels = new TextDecoder().decode((await get('section=volume&table=byChannel&locale=zh-CN')).body.slice(3)).split('\r\n');
  assert.equal(channels[0], '渠道,对话,工单');
  assert.ok(channels.includes('在线聊天,5,1'));
  const summary = new TextDecoder().decode((await get('section=sla&table=summary')).body.slice(3)).split('\r\n');
  assert.match(summary[0]!, /^Period,Tickets with a target,Answered in target,.*,Ticket compliance \[%\],/);
  assert.match(summary[1]!, /^This period,5,2,1,1,2,1,50,1,3,1,1,1,33\.3$/);
  assert.match(summary[2]!, /^Previous period,0,0,0,0,0,0,,0,0,0,0,0,$/);
  const days = new TextDecoder().decode((await get('section=responseTimes&table=series')).body.slice(3)).split('\r\n');
  assert.match(days[0]!, /^Period,Chat first response \(median\) \[s\],/);
  assert.equal(days.length, 5);
  // Without a table: every table of the section, each under its title, with the period before.
  const whole = new TextDecoder().decode((await get('section=kb')).body.slice(3)).split('\r\n');
  assert.deepEqual(whole, [
    'Summary',
    'Period,Votes,Helpful,Not helpful,Helpfulness [%]',
    'This period,3,2,1,66.7',
    'Previous period,0,0,0,',
    '',
    'Over time',
    'Period,Votes,Helpful,Not helpful,Helpfulness [%]',
    '2026-10-31,0,0,0,',
    '2026-11-01,1,1,0,100',
    '2026-11-02,2,1,1,50',
    '',
    '',
  ]);
  assert.equal(codeOf(await get('section=volume&table=comments')), 'invalid');
});

test('buildReport is callable without HTTP (the benchmark uses it) and honours the scope', async () => {
  const { server, world } = await env();
  const ctx = { db: server.database.db, clock: clock.now };
  const all = await buildReport(ctx, { siteId: world.siteId, departmentIds: null }, { from: '2026-10-31', to: '2026-11-02', sections: ['volume'] });
  assert.deepEqual(all.sections.volume!.total, { conversations: 5, tickets: 5 });
  const sales = await buildReport(ctx, { siteId: world.siteId, departmentIds: [world.sales] }, { from: '2026-10-31', to: '2026-11-02', sections: ['volume'] });
  assert.deepEqual(sales.sections.volume!.total, { conversations: 1, tickets: 1 });
  const none = await buildReport(ctx, { siteId: world.siteId, departmentIds: [] }, { from: '2026-10-31', to: '2026-11-02', sections: ['volume'] });
  assert.deepEqual(none.sections.volume!.total, { conversations: 0, tickets: 0 });
});

test('closed chats are kept in report_chat_facts; open ones are read live', async () => {
  const { server, world, tokens } = await env();
  const db = server.database.db;
  const kept = async () =>
    (await db.select({ repliedAt: reportChatFacts.repliedAt }).from(reportChatFacts).innerJoin(conversations, eq(conversations.id, reportChatFacts.conversationId)).where(eq(conversations.siteId, world.siteId)))
      .map((f) => f.repliedAt?.toISOString() ?? null)
      .sort();
  // The three closed handed-off chats of the period (the reports above refreshed them).
  assert.deepEqual(await kept(), ['2026-10-31T14:02:00.000Z', '2026-11-02T04:33:00.000Z', null]);
  await insertChat(db, world.siteId, { createdAt: '2026-11-02T18:00:00Z', department: world.support, agentId: world.ann.id, status: 'assigned', queuedAt: '2026-11-02T18:00:00Z', joinedAt: '2026-11-02T18:00:10Z', replies: ['2026-11-02T18:00:20Z'] });
  const s = (await report(tokens.ada, `${PERIOD}&sections=sla,responseTimes`)).sections;
  assert.equal(s.sla!.total.chatQueued, 4);
  assert.equal(s.sla!.total.chatInTarget, 2);
  // Replies after 20 s, 60 s and 180 s.
  assert.equal(s.responseTimes!.total.chatFirstResponseMedian, 60);
  assert.equal((await kept()).length, 3);
});
