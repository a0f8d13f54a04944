/**
 * Outgoing webhooks end to end: real changes (tickets, SLA escalation, chats, survey answers) delivered by
 * the job runner to a real HTTP server this test starts, with its failures, retries on the runner's
 * backoff (a moved clock, never real minutes), the delivery log, resend, and the robots' shapes and signatures.
 */
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { WebhookDelivery, WebhookEndpoint, WebhookEnvelope } from '@parley/protocol';
import { createAnnouncement, input as announcementInput, publish } from '../announcements/test-kit.js';
import { assign, closeConversation, handoff } from '../conversations/routing.js';
import { appendMessage, getConversation, startConversation } from '../conversations/service.js';
import type { Executor } from '../db/client.js';
import { api, codeOf, fixture, siteIdOf, staff } from '../kb/test-kit.js';
import { inviteCsatForTicket } from '../surveys/service.js';
import { createVisitorSession, login } from '../test-clients.js';
import { startTestServer } from '../testing.js';
import { complaint, HOUR, movableClock } from '../tickets/test-kit.js';
import { tickets } from '../tickets/schema.js';
import { wantsEvent } from './events.js';
import { isInternalAddress } from './http.js';
import { webhookDeliveries } from './schema.js';
import { createEndpoint, deliveries, startReceiver } from './test-kit.js';

/** One server for the tests that need no clock of their own (each starts its own receiver and cleans up its endpoints). */
const shared = fixture(async () => {
  const server = await startTestServer();
  return { server, tokens: await staff(server) };
});
after(async () => (await shared()).server.close());

const hmacHex = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

test('a signed delivery: 500 first, retried on the backoff, then 200; the log shows both tries; resend sends the same event again; unsubscribed events are not sent', async () => {
  const clock = movableClock('2026-12-07T02:00:00Z');
  const server = await startTestServer({ clock: clock.now, config: { rateTicketsPerIp: null } });
  const receiver = await startReceiver();
  try {
    const { admin, bob } = await staff(server);
    const endpoint = await createEndpoint(server, admin, { name: 'CRM', url: `${receiver.url}/hooks/parley`, events: ['ticket.created'] });
    assert.match(endpoint.secret!, /^whsec_[\w-]{32}$/, 'a secret is made and shown once');
    const listed = await api<{ endpoints: WebhookEndpoint[] }>(server, '/api/console/webhooks', { token: admin });
    assert.equal(listed.body.endpoints.length, 1);
    assert.equal(listed.body.endpoints[0]!.secretHint, `…${endpoint.secret!.slice(-4)}`);
    assert.ok(!JSON.stringify(listed.body).includes(endpoint.secret!), 'never shown again');

    receiver.answer({ status: 500, body: 'database down' });
    const created = await complaint(server);
    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 1);
    const first = receiver.received[0]!;
    assert.equal(first.method, 'POST');
    assert.equal(first.url, '/hooks/parley');
    assert.equal(first.headers['x-parley-event'], 'ticket.created');
    assert.equal(first.headers['x-parley-timestamp'], String(Date.parse('2026-12-07T02:00:00Z') / 1000));
    assert.equal(first.headers['x-parley-signature'], `sha256=${hmacHex(endpoint.secret!, `${first.headers['x-parley-timestamp']}.${first.body}`)}`);
    const envelope = first.json as WebhookEnvelope<'ticket.created'>;
    assert.equal(envelope.type, 'ticket.created');
    assert.equal(envelope.data.ticket.number, created.number);
    assert.equal(envelope.data.ticket.subject, 'Broken kettle');

    let [log] = await deliveries(server, admin);
    assert.equal(log!.id, first.headers['x-parley-delivery']);
    assert.deepEqual([log!.status, log!.attempts, log!.lastStatus, log!.lastError], ['pending', 1, 500, 'HTTP 500: database down']);
    assert.equal(log!.summary, `New ticket ${created.number}: Broken kettle`);

    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 1, 'no retry before the backoff is over');
    clock.advance(30_000);
    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 2);
    const second = receiver.received[1]!;
    assert.equal(second.headers['x-parley-delivery'], log!.id, 'a retry is the same delivery');
    assert.equal((second.json as WebhookEnvelope).id, envelope.id, 'and the same event');
    assert.equal(second.headers['x-parley-signature'], `sha256=${hmacHex(endpoint.secret!, `${second.headers['x-parley-timestamp']}.${second.body}`)}`);
    [log] = await deliveries(server, admin);
    assert.deepEqual([log!.status, log!.attempts, log!.lastStatus, log!.lastError], ['delivered', 2, 200, null]);
    const detail = await api<{ delivery: { tries: Array<{ status: number }> } }>(server, `/api/console/webhooks/deliveries/${log!.id}`, { token: admin });
    assert.deepEqual(detail.body.delivery.tries.map((t) => t.status), [500, 200]);

    // Resend: a new delivery of the same event, sent by the runner.
    const resent = await api<{ delivery: WebhookDelivery }>(server, `/api/console/webhooks/deliveries/${log!.id}/resend`, { token: admin, method: 'POST' });
    assert.equal(resent.status, 201);
    assert.equal(resent.body.delivery.resendOf, log!.id);
    assert.equal(resent.body.delivery.status, 'pending');
    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 3);
    assert.equal(receiver.received[2]!.headers['x-parley-delivery'], resent.body.delivery.id);
    assert.equal((receiver.received[2]!.json as WebhookEnvelope).id, envelope.id, 'receivers deduplicate on the event id');
    const all = await deliveries(server, admin, endpoint.id);
    assert.deepEqual(all.map((d) => d.status), ['delivered', 'delivered'], 'newest first');

    // Not subscribed: a status change (ticket.updated) sends nothing and logs nothing.
    const [row] = await server.database.db.select().from(tickets).where(eq(tickets.number, created.number));
    assert.equal((await api(server, `/api/console/tickets/${row!.id}`, { token: bob, method: 'PATCH', json: { status: 'open', priority: 'high' } })).status, 200);
    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 3);
    assert.equal((await deliveries(server, admin)).length, 2);

    // Subscribed now (this process sees the change at once): the next change is sent, with what changed.
    assert.equal((await api(server, `/api/console/webhooks/${endpoint.id}`, { token: admin, method: 'PATCH', json: { events: ['ticket.updated', 'ticket.created'] } })).status, 200);
    assert.equal((await api(server, `/api/console/tickets/${row!.id}`, { token: bob, method: 'PATCH', json: { status: 'pending' } })).status, 200);
    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 4);
    const updated = receiver.received[3]!.json as WebhookEnvelope<'ticket.updated'>;
    assert.equal(updated.type, 'ticket.updated');
    assert.deepEqual(updated.data.changes, { status: { from: 'open', to: 'pending' } });

    // Turned off: nothing more.
    assert.equal((await api(server, `/api/console/webhooks/${endpoint.id}`, { token: admin, method: 'PATCH', json: { active: false } })).status, 200);
    assert.equal((await api(server, `/api/console/tickets/${row!.id}`, { token: bob, method: 'PATCH', json: { status: 'open' } })).status, 200);
    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 4);

    // A receiver that never recovers: six tries on the runner's backoff, then the delivery is failed for good.
    receiver.fallback = { status: 503, body: '' };
    clock.advance(1000); // the log is newest first: this delivery must be the newest
    assert.equal((await api(server, `/api/console/webhooks/${endpoint.id}`, { token: admin, method: 'PATCH', json: { active: true } })).status, 200);
    assert.equal((await api(server, `/api/console/tickets/${row!.id}`, { token: bob, method: 'PATCH', json: { status: 'pending' } })).status, 200);
    for (let i = 0; i < 8; i++) {
      await server.app.ctx.jobs.runDue();
      clock.advance(HOUR);
    }
    assert.equal(receiver.received.length, 4 + 6);
    const [gaveUp] = await deliveries(server, admin);
    assert.deepEqual([gaveUp!.event, gaveUp!.status, gaveUp!.attempts, gaveUp!.lastStatus, gaveUp!.lastError], ['ticket.updated', 'failed', 6, 503, 'HTTP 503']);
  } finally {
    await receiver.close();
    await server.close();
  }
});

test('an SLA escalation lands in a DingTalk group: markdown, signed URL, errcode checked (a refusal with HTTP 200 is retried)', async () => {
  // Monday 7 December 2026, 10:00 in Shanghai; level 1 is due 24 business hours later, Wednesday 16:00.
  const clock = movableClock('2026-12-07T02:00:00Z');
  const server = await startTestServer({ clock: clock.now, config: { rateTicketsPerIp: null, publicUrl: 'https://help.example' } });
  const receiver = await startReceiver();
  try {
    const { admin } = await staff(server);
    const secret = 'SEC0123456789abcdef0123456789abcdef';
    const endpoint = await createEndpoint(server, admin, { name: '客服群', url: `${receiver.url}/robot/send?access_token=tok123`, format: 'dingtalk', secret, events: ['ticket.escalated'], locale: 'zh-CN' });
    assert.equal(endpoint.secret, secret);
    const created = await complaint(server);
    const [row] = await server.database.db.select().from(tickets).where(eq(tickets.number, created.number));

    receiver.answer({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
    receiver.fallback = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
    clock.set('2026-12-09T08:00:00Z');
    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 1, 'the escalation and its delivery run in one go');
    // Two days on, the morning's session has expired.
    const again = (await login(server.url, server.accounts.admin)).token;
    let [log] = await deliveries(server, again);
    assert.deepEqual([log!.status, log!.lastStatus, log!.lastError], ['pending', 200, 'DingTalk errcode 310000: sign not match']);

    clock.advance(30_000);
    await server.app.ctx.jobs.runDue();
    assert.equal(receiver.received.length, 2);
    [log] = await deliveries(server, again);
    assert.equal(log!.status, 'delivered');

    for (const req of receiver.received) {
      const url = new URL(req.url, receiver.url);
      assert.equal(url.pathname, '/robot/send');
      assert.equal(url.searchParams.get('access_token'), 'tok123');
      const timestamp = url.searchParams.get('timestamp')!;
      assert.ok(Math.abs(Number(timestamp) - clock.now().getTime()) <= 30_000, 'milliseconds, from the clock');
      assert.equal(url.searchParams.get('sign'), createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
      assert.match(req.url, /&sign=[\w%]+$/, 'the sign is URL-encoded');
    }
    const body = receiver.received[1]!.json as { msgtype: string; markdown: { title: string; text: string } };
    assert.equal(body.msgtype, 'markdown');
    assert.equal(body.markdown.title, '工单已升级');
    assert.ok(body.markdown.text.includes(`工单 ${created.number} 已升级到第 1 级（主管）：Broken kettle`), body.markdown.text);
    assert.ok(body.markdown.text.includes(`(https://help.example/console#ticket=${row!.id})`), body.markdown.text);
  } finally {
    await receiver.close();
    await server.close();
  }
});

test('send test event: Feishu (signed body, code checked) and WeCom (markdown) shapes, answered at once', async () => {
  const { server, tokens } = await shared();
  const { admin } = tokens;
  const receiver = await startReceiver();
  try {
    const secret = 'feishu-secret-0123456789';
    const feishu = await createEndpoint(server, admin, { name: '飛書', url: `${receiver.url}/open-apis/bot/v2/hook/abc`, format: 'feishu', secret, events: ['ticket.escalated'], locale: 'zh-TW' });
    receiver.answer({ status: 200, body: '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}' });
    let r = await api<{ delivery: WebhookDelivery }>(server, `/api/console/webhooks/${feishu.id}/test`, { token: admin, method: 'POST' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivery.status, 'failed', 'a test is tried once');
    assert.match(r.body.delivery.lastError!, /^Feishu code 19021: sign match fail/);
    const sent = receiver.received[0]!.json as { timestamp: string; sign: string; msg_type: string; content: { post: Record<string, { title: string; content: Array<Array<{ tag: string; text: string; href?: string }>> }> } };
    assert.match(sent.timestamp, /^\d{10}$/, 'seconds');
    assert.equal(sent.sign, createHmac('sha256', `${sent.timestamp}\n${secret}`).update('').digest('base64'));
    assert.equal(sent.msg_type, 'post');
    const post = sent.content.post.zh_cn!;
    assert.equal(post.title, '[測試] 工單已升級');
    assert.match(post.content[0]![0]!.text, /^\[測試\] 工單 T-\d{4}-000000 已升級到第 1 級（主管）：Test ticket$/);
    assert.equal(post.content[1]![0]!.tag, 'a');

    receiver.fallback = { status: 200, body: '{"code":0,"msg":"success","data":{}}' };
    r = await api(server, `/api/console/webhooks/${feishu.id}/test`, { token: admin, json: { event: 'survey.answered' } });
    assert.equal(r.body.delivery.status, 'delivered');
    assert.equal(r.body.delivery.event, 'survey.answered');

    const wecom = await createEndpoint(server, admin, { name: 'WeCom', url: `${receiver.url}/cgi-bin/webhook/send?key=k-1`, format: 'wecom', events: ['ticket.created'] });
    assert.equal(wecom.secret, null, 'WeCom robots have no signing secret');
    receiver.answer({ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' });
    r = await api(server, `/api/console/webhooks/${wecom.id}/test`, { token: admin, json: {} });
    assert.equal(r.body.delivery.lastError, 'WeCom errcode 93000: invalid webhook url');
    const md = receiver.received.at(-1)!.json as { msgtype: string; markdown: { content: string } };
    assert.equal(md.msgtype, 'markdown');
    assert.match(md.markdown.content, /^\*\*\\\[test\\\] New ticket\*\*\n\n\\\[test\\\] New ticket T-\d{4}-000000: Test ticket\n\n\[Open in Parley\]\(http:\/\/127\.0\.0\.1:\d+\/console#ticket=/);
    for (const e of [feishu, wecom]) assert.equal((await api(server, `/api/console/webhooks/${e.id}`, { token: admin, method: 'DELETE' })).status, 204);
  } finally {
    await receiver.close();
  }
});

test('chats and survey answers: conversation created, queued, assigned and closed, message.created through the writer, survey.answered', async () => {
  const { server, tokens } = await shared();
  const { admin } = tokens;
  const receiver = await startReceiver();
  try {
    const endpoint = await createEndpoint(server, admin, { url: receiver.url, events: ['conversation.created', 'conversation.queued', 'conversation.assigned', 'conversation.closed', 'message.created', 'survey.answered'] });
    const ctx = server.app.ctx;
    const session = await createVisitorSession(server.url, server.siteKey);
    const siteId = await siteIdOf(server);
    const started = await startConversation(ctx, { visitorId: session.visitorId, siteId }, {});
    const id = started.conversation.id;
    await handoff(ctx, await getConversation(ctx, id), server.departments.support.id);
    await assign(ctx, id, { id: server.accounts.alice.id, name: 'Alice' });
    // Through the group-commit writer, like every chat message; system messages (joined, closed) are not sent.
    await appendMessage(ctx, { id, siteId }, { author: 'visitor', authorId: session.visitorId, authorName: null, body: 'My kettle is broken', clientId: randomUUID() });
    await closeConversation(ctx, await getConversation(ctx, id), 'agent');
    // A ticket's CSAT, answered on the survey page.
    const created = await complaint(server);
    const [ticket] = await server.database.db.select().from(tickets).where(eq(tickets.number, created.number));
    const invited = await inviteCsatForTicket(ctx.db, ctx, ticket!.id);
    assert.ok(invited);
    assert.equal((await api(server, `/api/surveys/invitations/${invited.token}/answer`, { json: { score: 4, comment: 'Quick and kind' } })).status, 201);
    await ctx.jobs.runDue();

    // The runner sends oldest first, but events a millisecond apart may tie: compare as a set, pick by type.
    const sent = receiver.received.map((r) => r.json as WebhookEnvelope);
    assert.deepEqual(sent.map((e) => e.type).sort(), ['conversation.assigned', 'conversation.closed', 'conversation.created', 'conversation.queued', 'message.created', 'survey.answered']);
    const of = <T extends WebhookEnvelope['type']>(type: T) => sent.find((e) => e.type === type) as WebhookEnvelope<T>;
    const message = of('message.created');
    assert.deepEqual([message.data.message.conversationId, message.data.message.author, message.data.message.body], [id, 'visitor', 'My kettle is broken']);
    const assigned = of('conversation.assigned');
    assert.deepEqual([assigned.data.conversation.id, assigned.data.conversation.status, assigned.data.agentName], [id, 'assigned', 'Alice']);
    const closed = of('conversation.closed');
    assert.deepEqual([closed.data.conversation.status, closed.data.by], ['closed', 'agent']);
    const answered = of('survey.answered');
    assert.deepEqual([answered.data.response.kind, answered.data.response.score, answered.data.response.comment, answered.data.response.ticketId, answered.data.changed], ['csat', 4, 'Quick and kind', ticket!.id, false]);
    assert.equal((await api(server, `/api/console/webhooks/${endpoint.id}`, { token: admin, method: 'DELETE' })).status, 204);
  } finally {
    await receiver.close();
  }
});

test('announcement.published: sent once when an announcement goes live, now or at its scheduled start, never for a draft', async () => {
  const { server, tokens } = await shared();
  const { admin } = tokens;
  const receiver = await startReceiver();
  try {
    const endpoint = await createEndpoint(server, admin, { url: receiver.url, events: ['announcement.published'] });
    const ctx = server.app.ctx;
    const now = await createAnnouncement(server, admin, announcementInput({ priority: 'urgent' }));
    const later = await createAnnouncement(server, admin, announcementInput({ startsAt: new Date(Date.now() + 3_600_000).toISOString() }));
    await createAnnouncement(server, admin, announcementInput()); // a draft: nothing
    await publish(server, admin, now.id);
    await publish(server, admin, now.id); // a double click is the first publish
    await publish(server, admin, later.id); // scheduled: goes live in an hour
    await ctx.jobs.runDue();
    const sent = receiver.received.map((r) => r.json as WebhookEnvelope<'announcement.published'>);
    assert.deepEqual(
      sent.map((e) => [e.type, e.data.announcement.id, e.data.announcement.title, e.data.announcement.urgent]),
      [['announcement.published', now.id, 'Fire drill at 3 pm', true]],
      'only the one live now, once',
    );
    assert.equal((await api(server, `/api/console/webhooks/${endpoint.id}`, { token: admin, method: 'DELETE' })).status, 204);
  } finally {
    await receiver.close();
  }
});

test('admins only; bad input is refused with a clear message and changes nothing', async () => {
  const { server, tokens } = await shared();
  const { admin, supervisor, alice } = tokens;
  {
    const good = { name: 'CRM', url: 'https://crm.example/hooks', events: ['ticket.created' as const] };
    for (const token of [supervisor, alice]) {
      assert.equal((await api(server, '/api/console/webhooks', { token })).status, 403);
      assert.equal((await api(server, '/api/console/webhooks', { token, json: good })).status, 403);
      assert.equal((await api(server, '/api/console/webhooks/deliveries', { token })).status, 403);
    }
    assert.equal((await api(server, '/api/console/webhooks')).status, 401);

    const refused = async (body: unknown, message: RegExp) => {
      const r = await api<{ error: { code: string; message: string } }>(server, '/api/console/webhooks', { token: admin, json: body });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.match(r.body.error.message, message);
    };
    await refused({ ...good, url: 'ftp://crm.example/hooks' }, /url must start with https:\/\/ or http:\/\//);
    await refused({ ...good, url: 'not a url' }, /url is not a valid URL/);
    await refused({ ...good, url: 'https://user:pw@crm.example/hooks' }, /must not contain a user name or password/);
    await refused({ ...good, events: ['ticket.deleted'] }, /events\.0: each event must be one of/);
    await refused({ ...good, events: [] }, /choose at least one event/);
    await refused({ ...good, format: 'slack' }, /format must be one of parley, dingtalk, wecom, feishu/);
    await refused({ ...good, format: 'wecom', secret: 'abcdefghijklmnopqrstuvwxyz' }, /WeCom group robots do not sign/);
    await refused({ ...good, secret: 'short' }, /secret must be at least 16 characters/);
    await refused({ ...good, extra: 1 }, /extra|Unrecognized/i);
    assert.equal((await api<{ endpoints: unknown[] }>(server, '/api/console/webhooks', { token: admin })).body.endpoints.length, 0, 'nothing was made');

    const made = await createEndpoint(server, admin, good);
    const patch = (json: unknown) => api(server, `/api/console/webhooks/${made.id}`, { token: admin, method: 'PATCH', json });
    assert.equal(codeOf(await patch({})), 'invalid');
    assert.equal(codeOf(await patch({ url: 'javascript:alert(1)' })), 'invalid');
    assert.equal(codeOf(await patch({ secret: null })), 'invalid', 'a Parley endpoint always signs');
    const rotated = await patch({ rotateSecret: true });
    assert.match((rotated.body as { endpoint: { secret: string } }).endpoint.secret, /^whsec_/);
    assert.notEqual((rotated.body as { endpoint: { secret: string } }).endpoint.secret, made.secret);
    assert.equal(codeOf(await api(server, '/api/console/webhooks/not-a-uuid', { token: admin })), 'invalid');
    assert.equal(codeOf(await api(server, '/api/console/webhooks/00000000-0000-4000-8000-000000000000', { token: admin })), 'not_found');
    assert.equal(codeOf(await api(server, '/api/console/webhooks/deliveries/00000000-0000-4000-8000-000000000000/resend', { token: admin, method: 'POST' })), 'not_found');
    assert.equal(codeOf(await api(server, `/api/console/webhooks/${made.id}/test`, { token: admin, json: { event: 'nope' } })), 'invalid');
    assert.equal((await api(server, `/api/console/webhooks/${made.id}`, { token: admin, method: 'DELETE' })).status, 204);
    assert.equal((await api<{ endpoints: unknown[] }>(server, '/api/console/webhooks', { token: admin })).body.endpoints.length, 0);
  }
});

test('WEBHOOK_PRIVATE=deny: internal addresses are refused when saved and, for names, when resolved at the call', async (t) => {
  const server = await startTestServer({ config: { webhookPrivate: 'deny' } });
  const receiver = await startReceiver();
  try {
    const { admin } = await staff(server);
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost./x', 'http://[::1]/x', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/x']) {
      const r = await api<{ error: { message: string } }>(server, '/api/console/webhooks', { token: admin, json: { name: 'x', url, events: ['ticket.created'] } });
      assert.equal(r.status, 400, url);
      assert.match(r.body.error.message, /internal address/);
    }
    // This machine's own name resolves to one of its addresses: refused at the socket, not retried.
    const name = hostname();
    const resolved = await lookup(name).catch(() => null);
    if (!resolved || !isInternalAddress(resolved.address)) return t.skip(`${name} does not resolve to an internal address here`);
    const port = new URL(receiver.url).port;
    const endpoint = await createEndpoint(server, admin, { url: `http://${name}:${port}/x`, events: ['ticket.created'] });
    const r = await api<{ delivery: WebhookDelivery }>(server, `/api/console/webhooks/${endpoint.id}/test`, { token: admin, method: 'POST' });
    assert.equal(r.body.delivery.status, 'failed');
    assert.match(r.body.delivery.lastError!, /internal address/);
    assert.equal(receiver.received.length, 0);
  } finally {
    await receiver.close();
    await server.close();
  }
});

test('a site with no subscriber pays no query per event once its subscriptions are known', async () => {
  const { server } = await shared();
  {
    const siteId = await siteIdOf(server);
    const ctx = server.app.ctx;
    assert.equal(await wantsEvent(ctx.db, ctx, siteId, 'message.created'), false);
    const noQueries = new Proxy({} as Executor, {
      get() {
        throw new Error('a query was made');
      },
    });
    for (let i = 0; i < 1000; i++) assert.equal(await wantsEvent(noQueries, ctx, siteId, 'message.created'), false);
    assert.equal((await server.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.event, 'message.created'))).length, 0);
  }
});
