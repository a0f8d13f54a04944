/**
 * Surveys end to end through a real server: invitations made by the service functions other domains
 * will call, answered over the public REST API, listed and configured over the console's.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Locale, NpsRequestResult, SurveyAnswer, SurveyInvitation, SurveyResponseRow, SurveySettings } from '@parley/protocol';
import { conversations, messages, sites, tickets, visitors } from '../db/schema.js';
import { api, codeOf, fixture, staff } from '../kb/test-kit.js';
import { createVisitorSession } from '../test-clients.js';
import { startTestServer, type TestServer } from '../testing.js';
import { complaint, HOUR, movableClock } from '../tickets/test-kit.js';
import { surveyInvitations, surveyNpsAsks, surveyResponses } from './schema.js';
import { inviteCsatForConversation, inviteCsatForTicket, inviteNps } from './service.js';

const DAY = 24 * HOUR;
const clock = movableClock('2026-12-01T09:00:00Z');
const env = fixture(async () => {
  // The flood limit has its own server below; here one address answers many surveys.
  const server = await startTestServer({ clock: clock.now, config: { rateKbVotesPerIp: null, rateTicketsPerIp: null } });
  const [site] = await server.database.db.select({ id: sites.id }).from(sites).where(eq(sites.key, server.siteKey));
  return { server, siteId: site!.id };
});
after(async () => (await env()).server.close());

/** A finished chat as the conversations domain leaves it: who held it, which department, what language. */
async function chat(server: TestServer, o: { agentId?: string | null; department?: 'sales' | 'support'; locale?: Locale; agentWrote?: string } = {}): Promise<string> {
  const { db } = server.database;
  const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.key, server.siteKey));
  const [v] = await db
    .insert(visitors)
    .values({ siteId: site!.id, tokenHash: createHash('sha256').update(randomBytes(16)).digest('hex') })
    .returning();
  const [c] = await db
    .insert(conversations)
    .values({
      siteId: site!.id,
      visitorId: v!.id,
      departmentId: server.departments[o.department ?? 'support'].id,
      agentId: o.agentId ?? null,
      status: 'closed',
      locale: o.locale ?? 'en',
      closedAt: clock.now(),
    })
    .returning();
  if (o.agentWrote) await db.insert(messages).values({ conversationId: c!.id, seq: 1, author: 'agent', authorId: o.agentWrote, authorName: 'Alice', body: 'Hello' });
  return c!.id;
}

const view = (server: TestServer, token: string) => api<{ invitation: SurveyInvitation }>(server, `/api/surveys/invitations/${token}`);
const answer = (server: TestServer, token: string, body: unknown) => api<{ answer: SurveyAnswer }>(server, `/api/surveys/invitations/${token}/answer`, { json: body });
const responseCount = async (server: TestServer) => (await server.database.db.select({ id: surveyResponses.id }).from(surveyResponses)).length;

async function csat(server: TestServer, o: Parameters<typeof chat>[1] = {}): Promise<string> {
  const invited = await inviteCsatForConversation(server.app.ctx, await chat(server, { agentId: server.accounts.alice.id, ...o }));
  assert.ok(invited);
  return invited.token;
}

test('a chat is rated once: show, answer, repeat, change within 24 hours, refused after', async () => {
  const { server } = await env();
  const conversationId = await chat(server, { agentId: server.accounts.alice.id });
  const invited = await inviteCsatForConversation(server.app.ctx, conversationId);
  assert.ok(invited);
  assert.match(invited.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(await inviteCsatForConversation(server.app.ctx, conversationId), null, 'a second close does not ask again');

  const [row] = await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.conversationId, conversationId));
  assert.equal(row!.agentId, server.accounts.alice.id);
  assert.equal(row!.departmentId, server.departments.support.id);
  assert.equal(row!.expiresAt.getTime() - row!.createdAt.getTime(), 7 * DAY);
  assert.notEqual(row!.tokenHash, invited.token, 'only the hash is stored');

  const shown = (await view(server, invited.token)).body.invitation;
  assert.deepEqual([shown.kind, shown.scale, shown.answer], ['csat', { min: 1, max: 5 }, null]);
  assert.equal(shown.question, 'How satisfied are you with the help you received?');

  const first = await answer(server, invited.token, { score: 4 });
  assert.equal(first.status, 201);
  assert.deepEqual([first.body.answer.score, first.body.answer.comment], [4, null]);
  assert.equal(first.body.answer.changeableUntil, new Date(clock.now().getTime() + DAY).toISOString());

  clock.advance(HOUR);
  const repeat = await answer(server, invited.token, { score: 4 });
  assert.equal(repeat.status, 200);
  assert.equal(repeat.body.answer.updatedAt, first.body.answer.updatedAt, 'the same answer again changes nothing');

  const changed = await answer(server, invited.token, { score: 5, comment: '  Quick and kind.  ' });
  assert.equal(changed.status, 200);
  assert.deepEqual([changed.body.answer.score, changed.body.answer.comment], [5, 'Quick and kind.']);
  assert.equal((await view(server, invited.token)).body.invitation.answer?.score, 5);

  clock.advance(23 * HOUR);
  const late = await answer(server, invited.token, { score: 1 });
  assert.equal(late.status, 409);
  assert.equal(codeOf(late), 'closed');
  assert.match((late.body as unknown as { error: { message: string } }).error.message, /more than 24 hours ago/);
  assert.equal((await answer(server, invited.token, { score: 5, comment: 'Quick and kind.' })).status, 200, 'a retried request still succeeds');

  const stored = await server.database.db.select().from(surveyResponses);
  const mine = stored.filter((r) => r.invitationId === row!.id);
  assert.equal(mine.length, 1);
  assert.deepEqual([mine[0]!.score, mine[0]!.comment], [5, 'Quick and kind.']);
});

test('bot-only chats are not rated; a chat handed back to the queue rates the agent who answered it', async () => {
  const { server } = await env();
  const before = (await server.database.db.select().from(surveyInvitations)).length;
  assert.equal(await inviteCsatForConversation(server.app.ctx, await chat(server)), null);
  assert.equal((await server.database.db.select().from(surveyInvitations)).length, before, 'nothing written');

  const requeued = await chat(server, { agentWrote: server.accounts.bob.id });
  assert.ok(await inviteCsatForConversation(server.app.ctx, requeued));
  const [row] = await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.conversationId, requeued));
  assert.equal(row!.agentId, server.accounts.bob.id);
});

test('the question comes in the invitation language', async () => {
  const { server } = await env();
  const zh = (await view(server, await csat(server, { locale: 'zh-TW' }))).body.invitation;
  assert.equal(zh.locale, 'zh-TW');
  assert.equal(zh.question, '您對本次獲得的協助滿意嗎？');
});

test('bad answers get a clear 400 and write nothing', async () => {
  const { server, siteId } = await env();
  const token = await csat(server);
  const visitor = await createVisitorSession(server.url, server.siteKey);
  const [v] = await server.database.db.select({ id: visitors.id }).from(visitors).where(eq(visitors.tokenHash, createHash('sha256').update(visitor.token).digest('hex')));
  const nps = await inviteNps(server.app.ctx, { siteId, visitorId: v!.id, locale: 'en' });
  assert.ok('token' in nps);
  const before = await responseCount(server);
  const cases: Array<[string, string, unknown, RegExp]> = [
    ['CSAT 0', token, { score: 0 }, /from 1 to 5/],
    ['CSAT 6', token, { score: 6 }, /from 1 to 5/],
    ['a fraction', token, { score: 4.5 }, /whole number/],
    ['a string', token, { score: '5' }, /score/],
    ['no score', token, { comment: 'hi' }, /score/],
    ['NUL in the comment', token, { score: 3, comment: 'a\u0000b' }, /cannot be stored/],
    ['a long comment', token, { score: 3, comment: 'x'.repeat(2001) }, /longer than 2000/],
    ['an unknown field', token, { score: 3, agentId: 'x' }, /agentId/],
    ['NPS 11', nps.token, { score: 11 }, /at most 10/],
    ['NPS -1', nps.token, { score: -1 }, /at least 0/],
  ];
  for (const [name, t, body, message] of cases) {
    const r = await answer(server, t, body);
    assert.equal(r.status, 400, name);
    assert.match((r.body as unknown as { error: { message: string } }).error.message, message, name);
  }
  const notJson = await api(server, `/api/surveys/invitations/${token}/answer`, { raw: '{', type: 'application/json' });
  assert.equal(codeOf(notJson), 'invalid');
  assert.equal(await responseCount(server), before);
  assert.equal((await answer(server, nps.token, { score: 0, comment: '没有理由' })).status, 201, 'NPS takes 0');
});

test('unknown, malformed and expired tokens are one 404', async () => {
  const { server } = await env();
  const unknown = randomBytes(32).toString('base64url');
  for (const t of [unknown, 'short', 'x'.repeat(300)]) {
    assert.equal((await view(server, t)).status, 404, t);
    assert.equal((await answer(server, t, { score: 3 })).status, 404, t);
  }
  const token = await csat(server);
  const answered = await csat(server);
  assert.equal((await answer(server, answered, { score: 2 })).status, 201);
  clock.advance(7 * DAY);
  const expired = await answer(server, token, { score: 3 });
  assert.equal(expired.status, 404);
  assert.match((expired.body as unknown as { error: { message: string } }).error.message, /unknown or has expired/);
  assert.equal((await view(server, token)).status, 404);
  assert.equal((await view(server, answered)).body.invitation.answer?.score, 2, 'an answered one still shows its answer');
});

test('a ticket is asked again only once the previous invitation was answered or expired', async () => {
  const { server } = await env();
  const created = await complaint(server, { email: 'nora@example.com' });
  const [t] = await server.database.db.select().from(tickets).where(eq(tickets.number, created.number));
  await server.database.db.update(tickets).set({ assigneeId: server.accounts.alice.id, locale: 'zh-CN' }).where(eq(tickets.id, t!.id));
  const ctx = server.app.ctx;

  // In the caller's transaction: rolled back with it.
  await assert.rejects(
    server.database.db.transaction(async (tx) => {
      assert.ok(await inviteCsatForTicket(tx, ctx, t!.id));
      throw new Error('resolve failed');
    }),
    /resolve failed/,
  );
  assert.equal((await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.ticketId, t!.id))).length, 0);

  const first = await inviteCsatForTicket(ctx.db, ctx, t!.id);
  assert.ok(first);
  assert.equal(await inviteCsatForTicket(ctx.db, ctx, t!.id), null, 'resolved again while the first is open');
  const [row] = await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.ticketId, t!.id));
  assert.deepEqual([row!.about, row!.agentId, row!.departmentId, row!.contactEmail, row!.locale], ['ticket', server.accounts.alice.id, t!.departmentId, 'nora@example.com', 'zh-CN']);
  assert.equal((await view(server, first.token)).body.invitation.question, '您对本次获得的帮助满意吗？');

  assert.equal((await answer(server, first.token, { score: 2 })).status, 201);
  const second = await inviteCsatForTicket(ctx.db, ctx, t!.id);
  assert.ok(second, 'answered: the next resolution asks again');
  clock.advance(7 * DAY + 1);
  assert.ok(await inviteCsatForTicket(ctx.db, ctx, t!.id), 'expired: asked again');
  assert.equal(await inviteCsatForTicket(ctx.db, ctx, '00000000-0000-4000-8000-000000000000'), null);
});

test('NPS asks a person once per 90 days: by email across browsers, else by browser', async () => {
  const { server, siteId } = await env();
  const ask = (body: unknown) => api<NpsRequestResult>(server, `/api/surveys/sites/${server.siteKey}/nps`, { json: body });
  const visitor = await createVisitorSession(server.url, server.siteKey);

  const first = await ask({ visitorToken: visitor.token, locale: 'zh-CN' });
  assert.equal(first.status, 201);
  assert.ok(first.body.asked);
  const shown = (await view(server, first.body.token)).body.invitation;
  assert.deepEqual([shown.kind, shown.scale, shown.question], ['nps', { min: 0, max: 10 }, '您有多大可能向朋友或同事推荐我们？']);
  assert.equal(new Date(first.body.expiresAt).getTime() - clock.now().getTime(), 30 * DAY);

  assert.deepEqual((await ask({ visitorToken: visitor.token })).body, { asked: false, reason: 'recently_asked' });
  clock.advance(89 * DAY);
  assert.deepEqual((await ask({ visitorToken: visitor.token })).body, { asked: false, reason: 'recently_asked' });
  clock.advance(DAY);
  assert.equal((await ask({ visitorToken: visitor.token })).body.asked, true, '90 days later');

  const [a, b] = await server.database.db.select({ id: visitors.id }).from(visitors).limit(2);
  assert.ok('token' in (await inviteNps(server.app.ctx, { siteId, visitorId: a!.id, contactEmail: 'Lee@Example.com', locale: 'en' })));
  assert.deepEqual(await inviteNps(server.app.ctx, { siteId, visitorId: b!.id, contactEmail: 'lee@example.com', locale: 'en' }), { asked: false, reason: 'recently_asked' }, 'same person on another browser');
  const asks = await server.database.db.select().from(surveyNpsAsks).where(eq(surveyNpsAsks.subject, 'email:lee@example.com'));
  assert.equal(asks.length, 1, 'remembered in the database');

  assert.equal((await ask({})).status, 400);
  assert.equal((await ask({ visitorToken: 'not-a-visitor-of-this-site' })).status, 400);
  assert.equal((await api(server, `/api/surveys/sites/nope/nps`, { json: { visitorToken: visitor.token } })).status, 404);
});

test('the console lists responses newest first: admins all, supervisors their departments, agents none', async () => {
  const { server } = await env();
  // Signed in now: sessions expire, and earlier tests moved the clock by months.
  const s = await staff(server);
  const support = await csat(server, { department: 'support' });
  const sales = await csat(server, { department: 'sales' });
  assert.equal((await answer(server, support, { score: 5, comment: 'Support was great' })).status, 201);
  clock.advance(60_000);
  assert.equal((await answer(server, sales, { score: 2, comment: 'Sales was slow' })).status, 201);
  const list = (token: string, q = '') => api<{ responses: SurveyResponseRow[] }>(server, `/api/console/surveys/responses${q}`, { token });

  assert.equal((await list(s.alice)).status, 403);
  const admin = (await list(s.admin, '?kind=csat&limit=2')).body.responses;
  assert.deepEqual(admin.map((r) => r.comment), ['Sales was slow', 'Support was great']);
  assert.equal(admin[0]!.departmentId, server.departments.sales.id);
  assert.equal(admin[0]!.agentId, server.accounts.alice.id);
  assert.ok(admin[0]!.conversationId);
  const older = (await list(s.admin, `?kind=csat&limit=1&before=${encodeURIComponent(admin[0]!.createdAt)}`)).body.responses;
  assert.deepEqual(older.map((r) => r.comment), ['Support was great']);
  const since = (await list(s.admin, `?from=${encodeURIComponent(admin[0]!.createdAt)}`)).body.responses;
  assert.deepEqual(since.map((r) => r.comment), ['Sales was slow']);

  const sup = (await list(s.supervisor)).body.responses;
  assert.ok(sup.length > 0);
  assert.ok(sup.every((r) => r.departmentId === server.departments.support.id), 'only Support');
  assert.ok(sup.some((r) => r.comment === 'Support was great'));
  assert.equal((await list(s.supervisor, `?department=${server.departments.sales.id}`)).status, 403);
  for (const q of ['?kind=ces', '?from=yesterday', '?limit=0', '?department=sales']) assert.equal((await list(s.admin, q)).status, 400, q);
});

test('settings: admins change them, with clear refusals; the questions follow', async () => {
  const { server } = await env();
  const s = await staff(server);
  const get = (token: string) => api<{ settings: SurveySettings; defaults: SurveySettings }>(server, '/api/console/surveys/settings', { token });
  const put = (token: string, body: unknown) => api<{ settings: SurveySettings }>(server, '/api/console/surveys/settings', { token, method: 'PUT', json: body });
  const initial = (await get(s.admin)).body;
  assert.equal(initial.settings.npsFrequencyDays, 90);
  assert.equal(initial.settings.questions.nps['zh-TW'], '您有多大可能向朋友或同事推薦我們？');
  assert.equal((await get(s.supervisor)).status, 200);
  assert.equal((await get(s.alice)).status, 403);
  assert.equal((await put(s.supervisor, { npsFrequencyDays: 30 })).status, 403);

  const bad: Array<[unknown, RegExp]> = [
    [{ npsFrequencyDays: 0 }, /at least 1/],
    [{ npsFrequencyDays: 1.5 }, /whole number/],
    [{ questions: { csat: { en: '   ' } } }, /empty/],
    [{ questions: { csat: { en: 'a\u0000' } } }, /cannot be stored/],
    [{ questions: { csat: { fr: 'Bonjour' } } }, /fr/],
    [{ reminders: true }, /reminders/],
    [{}, /nothing to change/],
  ];
  for (const [body, message] of bad) {
    const r = await put(s.admin, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.match((r.body as unknown as { error: { message: string } }).error.message, message, JSON.stringify(body));
  }
  assert.deepEqual((await get(s.admin)).body.settings, initial.settings, 'refusals changed nothing');

  const saved = await put(s.admin, { npsFrequencyDays: 30, questions: { csat: { en: 'Did we help?' } } });
  assert.equal(saved.status, 200);
  assert.equal(saved.body.settings.questions.csat.en, 'Did we help?');
  assert.equal(saved.body.settings.questions.csat['zh-CN'], initial.settings.questions.csat['zh-CN'], 'other locales keep the default');
  assert.equal((await put(s.admin, { questions: { nps: { en: 'Would you recommend us?' } } })).body.settings.npsFrequencyDays, 30, 'a later change keeps the earlier one');
  assert.equal((await view(server, await csat(server))).body.invitation.question, 'Did we help?');

  const reset = await put(s.admin, { questions: { csat: { en: null } } });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.equal(reset.body.settings.questions.csat.en, initial.settings.questions.csat.en, 'null goes back to the default');

  const visitor = await createVisitorSession(server.url, server.siteKey);
  const ask = () => api<NpsRequestResult>(server, `/api/surveys/sites/${server.siteKey}/nps`, { json: { visitorToken: visitor.token } });
  assert.equal((await ask()).body.asked, true);
  assert.equal((await ask()).body.asked, false);
  clock.advance(30 * DAY);
  assert.equal((await ask()).body.asked, true, 'the site asks every 30 days now');
});

test('answers and NPS requests are flood-limited per address', async () => {
  const server = await startTestServer({ config: { rateKbVotesPerIp: { points: 2, seconds: 60 } } });
  try {
    const token = randomBytes(32).toString('base64url');
    assert.equal((await answer(server, token, { score: 3 })).status, 404);
    assert.equal((await answer(server, token, { score: 3 })).status, 404);
    const limited = await answer(server, token, { score: 3 });
    assert.equal(limited.status, 429);
    assert.ok(limited.headers.get('retry-after'));
  } finally {
    await server.close();
  }
});
