/**
 * Two weeks of generated history on a real server's database: the counts asked for, the invariants
 * the app's own writers keep (gap-free seqs, ordered timestamps, numbered tickets with a history,
 * answers tied to invitations), and the console reading it like anything else.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../conversations/views.js';
import { api, fixture, siteIdOf } from '../kb/test-kit.js';
import { buildReport } from '../reports/service.js';
import { login } from '../test-clients.js';
import { startTestServer } from '../testing.js';
import { TICKET_NUMBER } from '../tickets/numbers.js';
import { HistoryExistsError, seedHistory, type HistoryResult } from './index.js';

const END = new Date('2026-11-30T12:00:00Z');
const ASKED = { days: 14, conversations: 400, messages: 4200, tickets: 90 };

const env = fixture(async () => {
  const server = await startTestServer();
  const siteId = await siteIdOf(server);
  const result = await seedHistory(server.database.db, { siteId, to: END, ...ASKED, skipAnalyze: true });
  return { server, siteId, result };
});
after(async () => (await env()).server.close());

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const { server } = await env();
  return rowsOf<T>(await server.database.db.execute(query))[0]!;
}

test('writes exactly the conversations, messages and tickets asked for, inside the period', async () => {
  const { result } = await env();
  const r: HistoryResult = result;
  assert.equal(r.counts.conversations, ASKED.conversations);
  assert.equal(r.counts.messages, ASKED.messages);
  assert.equal(r.counts.tickets, ASKED.tickets);
  const counts = await one<{ c: number; m: number; t: number; latest: string; earliest: string }>(sql`
    select (select count(*)::int from conversations) as c, (select count(*)::int from messages) as m, (select count(*)::int from tickets) as t,
      greatest((select max(created_at) from messages), (select max(updated_at) from tickets), (select max(created_at) from survey_responses), (select max(created_at) from kb_votes))::text as latest,
      least((select min(created_at) from conversations), (select min(created_at) from tickets))::text as earliest`);
  assert.deepEqual([counts.c, counts.m, counts.t], [ASKED.conversations, ASKED.messages, ASKED.tickets]);
  assert.ok(new Date(counts.latest) <= END, `nothing after the end (latest ${counts.latest})`);
  assert.ok(new Date(counts.earliest) >= new Date(END.getTime() - 14 * 86_400_000), `nothing before the start (earliest ${counts.earliest})`);
});

test('every conversation is closed, with gap-free seqs from 1 in time order, and timestamps in the order things happen', async () => {
  const bad = await one<{ seqs: number; order: number; lifecycle: number; open: number; reply: number; overlap: number; kinds: number }>(sql`
    select
      (select count(*)::int from conversations c join (select conversation_id, count(*) n, min(seq) lo, max(seq) hi from messages group by 1) m on m.conversation_id = c.id
        where m.n <> c.last_seq or m.lo <> 1 or m.hi <> c.last_seq) as seqs,
      (select count(*)::int from (select created_at < lag(created_at) over (partition by conversation_id order by seq) as back from messages) x where back) as "order",
      (select count(*)::int from conversations where not (created_at <= coalesce(queued_at, created_at) and coalesce(queued_at, created_at) <= coalesce(assigned_at, queued_at, created_at)
        and coalesce(assigned_at, queued_at, created_at) <= closed_at and updated_at = closed_at)) as lifecycle,
      (select count(*)::int from conversations where status <> 'closed' or closed_at is null) as open,
      -- The first agent message (first response) comes after the hand-off, and only in chats an agent took.
      (select count(*)::int from conversations c join lateral (select min(created_at) at from messages where conversation_id = c.id and author = 'agent') a on true
        where (a.at is not null and (c.queued_at is null or a.at < c.queued_at or c.agent_id is null)) or (a.at is null and c.assigned_at is not null)) as reply,
      -- A visitor has one chat at a time (conversations/service.ts resumes an open one).
      (select count(*)::int from conversations a join conversations b on b.visitor_id = a.visitor_id and b.id <> a.id
        where b.created_at >= a.created_at and b.created_at < a.closed_at) as overlap,
      -- Every conversation starts with the bot's greeting and ends with the closed event.
      (select count(*)::int from conversations c where not exists (select 1 from messages where conversation_id = c.id and seq = 1 and author = 'bot')
        or not exists (select 1 from messages where conversation_id = c.id and seq = c.last_seq and meta->'system'->>'kind' = 'closed')) as kinds`);
  assert.deepEqual(bad, { seqs: 0, order: 0, lifecycle: 0, open: 0, reply: 0, overlap: 0, kinds: 0 });
  const mix = await one<{ bot: number; handed: number; abandoned: number }>(sql`
    select count(*) filter (where queued_at is null)::int as bot, count(*) filter (where agent_id is not null)::int as handed,
      count(*) filter (where queued_at is not null and agent_id is null)::int as abandoned from conversations`);
  assert.ok(mix.bot > 50 && mix.handed > 50 && mix.abandoned > 0, `all three kinds of chat: ${JSON.stringify(mix)}`);
});

test('every ticket has a unique readable number, its first entry and a history starting with "created"; times are ordered', async () => {
  const { siteId } = await env();
  const rows = rowsOf<{ number: string; entries: number; first_action: string; bad_times: boolean; breached_ok: boolean }>(
    await (await env()).server.database.db.execute(sql`
      select t.number, (select count(*)::int from ticket_entries e where e.ticket_id = t.id) as entries,
        (select action from ticket_history h where h.ticket_id = t.id order by created_at, seq limit 1) as first_action,
        not (t.created_at <= coalesce(t.first_responded_at, t.created_at) and coalesce(t.first_responded_at, t.created_at) <= coalesce(t.resolved_at, t.first_responded_at, t.created_at)
          and coalesce(t.resolved_at, t.created_at) <= coalesce(t.closed_at, t.resolved_at, t.created_at)
          and (t.status in ('resolved', 'closed')) = (t.resolved_at is not null) and (t.status = 'closed') = (t.closed_at is not null)) as bad_times,
        (t.breached_at is null or t.breached_at >= t.first_response_due_at) and (t.breached_at is null) = (coalesce(t.first_responded_at, ${END.toISOString()}::timestamptz) <= t.first_response_due_at) as breached_ok
      from tickets t where t.site_id = ${siteId}`),
  );
  assert.equal(rows.length, ASKED.tickets);
  assert.equal(new Set(rows.map((r) => r.number)).size, rows.length);
  for (const r of rows) {
    assert.match(r.number, TICKET_NUMBER);
    assert.ok(r.entries >= 1, `${r.number} has its first message`);
    assert.equal(r.first_action, 'created', `${r.number}'s history starts with its creation`);
    assert.equal(r.bad_times, false, `${r.number}: created <= first response <= resolved <= closed, status agrees`);
    assert.equal(r.breached_ok, true, `${r.number}: breached exactly when answered late (or not yet, past due)`);
  }
  // The next ticket the app numbers continues after the history's.
  const counter = await one<{ ok: boolean }>(sql`select bool_and(c.last >= (select count(*) from tickets where number like 'T-' || c.year || '-%')) as ok from ticket_counters c`);
  assert.equal(counter.ok, true);
});

test('survey answers belong to invitations, come after them and before they expire; chats are rated only when an agent took part', async () => {
  const bad = await one<{ orphans: number; timing: number; bot_rated: number; csat: number; nps: number; scores: number }>(sql`
    select
      (select count(*)::int from survey_responses r where not exists (select 1 from survey_invitations i where i.id = r.invitation_id and i.site_id = r.site_id)) as orphans,
      (select count(*)::int from survey_responses r join survey_invitations i on i.id = r.invitation_id where r.created_at < i.created_at or r.created_at >= i.expires_at) as timing,
      (select count(*)::int from survey_invitations i join conversations c on c.id = i.conversation_id where i.about = 'conversation' and (c.agent_id is null or i.agent_id is distinct from c.agent_id)) as bot_rated,
      (select count(*)::int from survey_responses r join survey_invitations i on i.id = r.invitation_id where i.kind = 'csat') as csat,
      (select count(*)::int from survey_responses r join survey_invitations i on i.id = r.invitation_id where i.kind = 'nps') as nps,
      (select count(*)::int from survey_responses r join survey_invitations i on i.id = r.invitation_id where (i.kind = 'csat' and r.score not between 1 and 5) or (i.kind = 'nps' and r.score not between 0 and 10)) as scores`);
  assert.equal(bad.orphans, 0);
  assert.equal(bad.timing, 0);
  assert.equal(bad.bot_rated, 0);
  assert.equal(bad.scores, 0);
  assert.ok(bad.csat > 10 && bad.nps > 0, `answers of both kinds: ${bad.csat} CSAT, ${bad.nps} NPS`);
  const kb = await one<{ mismatched: number; votes: number }>(sql`
    select (select count(*)::int from kb_articles a where a.helpful_yes + a.helpful_no <> (select count(*) from kb_votes v where v.article_id = a.id)) as mismatched,
      (select count(*)::int from kb_votes) as votes`);
  assert.equal(kb.mismatched, 0, "articles' counters match their votes");
  assert.ok(kb.votes > 0);
});

test('the console lists and opens generated tickets, and the report counts the history', async () => {
  const { server, siteId } = await env();
  const admin = await login(server.url, server.accounts.admin);
  const list = await api<{ tickets: Array<{ id: string; number: string }> }>(server, '/api/console/tickets?view=all&status=resolved', { token: admin.token });
  assert.equal(list.status, 200);
  assert.ok(list.body.tickets.length > 0, 'resolved tickets are listed');
  const detail = await api<{ ticket: { number: string; history: Array<{ action: string }>; entries?: unknown[] } }>(server, `/api/console/tickets/${list.body.tickets[0]!.id}`, { token: admin.token });
  assert.equal(detail.status, 200);
  assert.deepEqual(
    detail.body.ticket.history.map((h) => h.action).filter((a) => a === 'created' || a === 'status').slice(0, 2),
    ['created', 'status'],
  );
  const report = await buildReport(
    { db: server.database.db, clock: () => END },
    { siteId, departmentIds: null },
    { from: '2026-11-16', to: '2026-11-30', timeZone: 'UTC', sections: ['volume', 'bot'] },
  );
  assert.equal(report.sections.volume!.total.conversations, ASKED.conversations);
  assert.equal(report.sections.volume!.total.tickets, ASKED.tickets);
  assert.ok(Number(report.sections.bot!.total.containmentRate) > 20);
});

test('refuses to write over existing history unless told to append, and then adds a separate batch', async () => {
  const { server, siteId } = await env();
  await assert.rejects(seedHistory(server.database.db, { siteId, to: END, days: 1, conversations: 10, messages: 100, tickets: 2 }), HistoryExistsError);
  await assert.rejects(seedHistory(server.database.db, { siteId, to: END, days: 1, conversations: 10, messages: 5, tickets: 0, append: true }), RangeError);
  const added = await seedHistory(server.database.db, { siteId, to: END, days: 1, conversations: 10, messages: 100, tickets: 2, append: true, skipAnalyze: true });
  assert.equal(added.counts.conversations, 10);
  const numbers = await one<{ n: number; distinct: number }>(sql`select count(*)::int as n, count(distinct number)::int as "distinct" from tickets`);
  assert.equal(numbers.n, numbers.distinct, 'the second batch continues the numbering');
});
