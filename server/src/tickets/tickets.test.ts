/**
 * Tickets end to end through the REST API of a real server: the feedback form, the customer's link,
 * the console, authorization, bad input and the mail that goes out (stored: no SMTP_URL here).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { CustomerTicket, TicketDetail, TicketSummary } from '@parley/protocol';
import { mailOutbox } from '../mail/schema.js';
import { api, codeOf, fixture, staff } from '../kb/test-kit.js';
import { png, text as textFile } from '../files/test-kit.js';
import { rawMail } from '../mail/test-kit.js';
import { call, connectVisitor } from '../test-clients.js';
import { startTestServer, type TestServer } from '../testing.js';
import { ticketEntries, ticketHistory, tickets } from './schema.js';
import { categories, complaint, employeeToken, HOUR, movableClock, siteSecret, submit } from './test-kit.js';

// Friday 4 December 2026, 17:00 in Shanghai: an hour before Support closes for the weekend.
const clock = movableClock('2026-12-04T09:00:00Z');
const env = fixture(async () => {
  // Flood limits have their own test below; here one address files many tickets.
  const server = await startTestServer({ clock: clock.now, config: { rateTicketsPerIp: null, rateTicketReplies: null } });
  return { server, staff: await staff(server) };
});
after(async () => (await env()).server.close());

const byNumber = async (server: TestServer, number: string) => (await server.database.db.select().from(tickets).where(eq(tickets.number, number)))[0]!;
const view = (server: TestServer, token: string) => api<{ ticket: CustomerTicket }>(server, `/api/tickets/link/${token}`);
const consoleTicket = (server: TestServer, token: string, id: string) => api<{ ticket: TicketDetail }>(server, `/api/console/tickets/${id}`, { token });

test('a complaint gets a number, the 2-hour target counted in business hours, a private link and an email', async () => {
  const { server } = await env();
  const cats = await categories(server);
  assert.deepEqual(Object.keys(cats).sort(), ['complaint', 'inquiry', 'praise', 'suggestion'], 'employees-only categories are not offered to customers');
  assert.equal(cats.complaint!.names['zh-CN'], '投诉');
  assert.equal(cats.complaint!.targetMinutes, 120);

  const created = await complaint(server);
  assert.match(created.number, /^T-2026-\d{6}$/);
  assert.equal(created.targetMinutes, 120);
  // One hour on Friday (17:00-18:00), the second on Saturday from 10:00 Shanghai time.
  assert.equal(created.firstResponseDueAt, '2026-12-05T03:00:00.000Z');
  assert.match(created.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal((created as unknown as Record<string, unknown>).id, undefined, 'the internal id stays inside');

  const seen = (await view(server, created.token)).body.ticket;
  assert.equal(seen.number, created.number);
  assert.equal(seen.status, 'submitted');
  assert.equal(seen.entries.length, 1);
  assert.equal(seen.entries[0]!.body, 'It arrived cracked.');
  assert.equal(seen.entries[0]!.authorName, 'Mia');

  const row = await byNumber(server, created.number);
  const mails = await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.ticketId, row.id));
  assert.equal(mails.length, 1);
  assert.equal(mails[0]!.status, 'stored', 'without SMTP_URL mail is kept for the email log');
  assert.equal(mails[0]!.to, 'mia@example.com');
  assert.ok(mails[0]!.subject.includes(created.number));
  assert.ok(mails[0]!.text.includes(`/t/${created.token}`), 'the mail carries the same private link');
  const history = await server.database.db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, row.id));
  assert.deepEqual(history.map((h) => [h.action, h.to]), [['created', created.number]]);
});

test('bad input gets a clear error and writes nothing', async () => {
  const { server } = await env();
  const cats = await categories(server);
  const count = async () => (await server.database.db.select({ id: tickets.id }).from(tickets)).length;
  const before = await count();
  const good = { categoryId: cats.inquiry!.id, subject: 'Hello', message: 'A question', email: 'a@example.com' };
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['no email', { ...good, email: undefined }, /email/],
    ['not an email', { ...good, email: 'nope' }, /email/],
    ['empty message', { ...good, message: '   ' }, /message is empty/],
    ['NUL in the subject', { ...good, subject: 'a\u0000b' }, /cannot be stored/],
    ['unknown category', { ...good, categoryId: '00000000-0000-4000-8000-000000000000' }, /category/],
    ['employees-only category', { ...good, categoryId: (await categories(server, 'employee'))['suggestion-box']!.id }, /only for employees/],
    ['anonymous without an employee token', { ...good, anonymous: true }, /employees/],
    ['unknown field', { ...good, admin: true }, /admin/],
    ['message too long', { ...good, message: 'x'.repeat(10_001) }, /longer than 10000/],
  ];
  for (const [name, body, message] of cases) {
    const r = await submit(server, body);
    assert.equal(r.status, 400, name);
    assert.match(r.body.error!.message, message, name);
  }
  const notJson = await api(server, `/api/tickets/sites/${server.siteKey}`, { raw: '{', type: 'application/json' });
  assert.equal(codeOf(notJson), 'invalid');
  assert.equal((await api(server, `/api/tickets/sites/nope/categories`)).status, 404);
  assert.equal(await count(), before);
});

test('attachments: a photo is kept and served as a download; a page disguised as a .png refuses the whole ticket', async () => {
  const { server, staff: s } = await env();
  const cats = await categories(server);
  const payload = JSON.stringify({ categoryId: cats.complaint!.id, subject: 'Dented box', message: 'See photo', email: 'leo@example.com' });
  const form = new FormData();
  form.set('payload', payload);
  form.append('files', new Blob([png()], { type: 'image/png' }), 'box.png');
  const ok = await api<{ ticket: { token: string; number: string } }>(server, `/api/tickets/sites/${server.siteKey}`, { raw: form });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  const seen = (await view(server, ok.body.ticket.token)).body.ticket;
  const file = seen.entries[0]!.files[0]!;
  assert.deepEqual([file.name, file.type], ['box.png', 'image/png']);
  const download = await api(server, `/api/tickets/link/${ok.body.ticket.token}/files/${file.id}`);
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
  assert.match(download.headers.get('content-disposition') ?? '', /^attachment;/);
  assert.deepEqual(new Uint8Array(download.body as Uint8Array), png());

  // Another customer's link cannot reach this file.
  const other = await complaint(server, { email: 'someone@example.com' });
  assert.equal((await api(server, `/api/tickets/link/${other.token}/files/${file.id}`)).status, 404);
  // The console reaches it through the ticket.
  const id = (await byNumber(server, ok.body.ticket.number)).id;
  assert.equal((await api(server, `/api/console/tickets/${id}/files/${file.id}`, { token: s.admin })).status, 200);

  const before = (await server.database.db.select({ id: tickets.id }).from(tickets)).length;
  const bad = new FormData();
  bad.set('payload', payload);
  bad.append('files', new Blob([textFile('<html><script>alert(1)</script></html>')], { type: 'image/png' }), 'photo.png');
  const refused = await api<{ error: { message: string } }>(server, `/api/tickets/sites/${server.siteKey}`, { raw: bad });
  assert.equal(refused.status, 400);
  assert.match(refused.body.error.message, /photo\.png/);
  assert.equal((await server.database.db.select({ id: tickets.id }).from(tickets)).length, before);
});

test('agents: the inbox views, a reply that emails the customer, an internal note the customer never sees', async () => {
  const { server, staff: s } = await env();
  const created = await complaint(server, { subject: 'Wrong colour', email: 'ken@example.com', name: 'Ken' });
  const id = (await byNumber(server, created.number)).id;

  const list = async (token: string, query: string) => (await api<{ tickets: TicketSummary[] }>(server, `/api/console/tickets?${query}`, { token })).body.tickets.map((t) => t.number);
  assert.ok((await list(s.bob, 'view=unassigned')).includes(created.number), 'Bob works in Support, where complaints go');
  assert.ok(!(await list(s.bob, 'view=mine')).includes(created.number));
  assert.ok((await list(s.admin, `q=${created.number}`)).length === 1);
  assert.ok((await list(s.admin, 'q=wrong colour')).includes(created.number), 'search by subject, any case');
  const zh = await complaint(server, { subject: '退货没有收到退款', email: 'lin@example.com' });
  assert.ok((await list(s.admin, `q=${encodeURIComponent('退貨')}`)).includes(zh.number), '繁體 finds 简体');
  assert.ok(!(await list(s.admin, 'q=%25')).includes(zh.number), '% is a character, not a wildcard');

  const replied = await api<{ ticket: TicketDetail }>(server, `/api/console/tickets/${id}/replies`, { token: s.bob, json: { message: 'A new one is on its way.' } });
  assert.equal(replied.status, 201);
  assert.equal(replied.body.ticket.status, 'open');
  assert.equal(replied.body.ticket.assigneeName, 'Bob', 'whoever answers an unowned ticket owns it');
  assert.ok(replied.body.ticket.firstRespondedAt);
  assert.ok((await list(s.bob, 'view=mine')).includes(created.number));

  const noted = await api(server, `/api/console/tickets/${id}/replies`, { token: s.bob, json: { message: 'Customer is a repeat buyer', kind: 'note' } });
  assert.equal(noted.status, 201);

  const seen = (await view(server, created.token)).body.ticket;
  assert.equal(seen.status, 'in_progress');
  assert.deepEqual(seen.entries.map((e) => [e.author, e.body]), [['customer', 'It arrived cracked.'], ['agent', 'A new one is on its way.']]);
  assert.equal(seen.firstResponseDueAt, null, 'answered: no more promise shown');
  const mails = await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.ticketId, id));
  assert.deepEqual(mails.map((m) => m.template).sort(), ['ticket.created', 'ticket.reply']);
  assert.ok(mails.find((m) => m.template === 'ticket.reply')!.text.includes('A new one is on its way.'));
  assert.ok(!mails.some((m) => m.text.includes('repeat buyer')), 'notes are never mailed');

  const detail = (await consoleTicket(server, s.bob, id)).body.ticket;
  assert.deepEqual(detail.entries.map((e) => e.kind), ['public', 'public', 'note']);
  assert.deepEqual(detail.history.map((h) => h.action), ['created', 'replied', 'assigned', 'status', 'noted']);
});

test('authorization: other departments answer 404, agents assign only themselves, categories are for supervisors', async () => {
  const { server, staff: s } = await env();
  const cats = await categories(server);
  const r = await submit(server, { categoryId: cats.inquiry!.id, subject: 'Bulk price?', message: 'For 200 units', email: 'buyer@example.com' });
  const id = (await byNumber(server, r.body.ticket.number)).id;
  // Questions go to Sales; Bob works only in Support.
  assert.equal((await consoleTicket(server, s.bob, id)).status, 404);
  assert.equal((await api(server, `/api/console/tickets/${id}/replies`, { token: s.bob, json: { message: 'hi' } })).status, 404);
  assert.equal((await api(server, `/api/console/tickets/${id}`, { token: s.bob, method: 'PATCH', json: { status: 'closed' } })).status, 404);
  assert.equal((await consoleTicket(server, s.alice, id)).status, 200);

  const bobId = (await api<{ agent: { id: string } }>(server, '/api/auth/me', { token: s.bob })).body.agent?.id;
  const assignOther = await api(server, `/api/console/tickets/${id}`, { token: s.alice, method: 'PATCH', json: { assigneeId: bobId ?? '00000000-0000-4000-8000-000000000000' } });
  assert.equal(assignOther.status, 403);
  const self = await api<{ ticket: TicketDetail }>(server, `/api/console/tickets/${id}`, { token: s.alice, method: 'PATCH', json: { assigneeId: server.accounts.alice.id, priority: 'high' } });
  assert.equal(self.status, 200);
  assert.equal(self.body.ticket.assigneeName, 'Alice');
  assert.equal(self.body.ticket.status, 'open');

  const newCat = { slug: 'returns', names: { en: 'Returns' }, audience: 'customer', departmentId: null, targetMinutes: 240 };
  assert.equal((await api(server, '/api/console/tickets/categories', { token: s.alice, json: newCat })).status, 403);
  assert.equal((await api(server, '/api/console/tickets/categories', { token: s.admin, json: newCat })).status, 201);
  assert.equal(codeOf(await api(server, '/api/console/tickets/categories', { token: s.admin, json: newCat })), 'invalid', 'slug taken');
  assert.equal((await api(server, `/api/console/tickets/not-a-uuid`, { token: s.admin })).status, 400);
  assert.equal((await api(server, `/api/console/tickets?view=everything`, { token: s.admin })).status, 400);
  assert.equal((await api(server, `/api/console/tickets`)).status, 401);
});

test('the customer answers from the page: waiting-for-you comes back to the team; "solved" resolves; a revoked link opens nothing', async () => {
  const { server, staff: s } = await env();
  const created = await complaint(server, { email: 'ana@example.com' });
  const id = (await byNumber(server, created.number)).id;
  await api(server, `/api/console/tickets/${id}/replies`, { token: s.bob, json: { message: 'Which model is it?', status: 'pending' } });
  assert.equal((await view(server, created.token)).body.ticket.status, 'waiting_for_you');

  const answered = await api<{ ticket: CustomerTicket }>(server, `/api/tickets/link/${created.token}/replies`, { json: { message: 'The K-200.' } });
  assert.equal(answered.status, 201);
  assert.equal(answered.body.ticket.status, 'in_progress');
  assert.equal(codeOf(await api(server, `/api/tickets/link/${created.token}/replies`, { json: { message: '' } })), 'invalid');

  const solved = await api<{ ticket: CustomerTicket }>(server, `/api/tickets/link/${created.token}/resolve`, { json: {} });
  assert.equal(solved.body.ticket.status, 'resolved');
  // Writing again reopens it: the customer says it is not solved after all.
  await api(server, `/api/tickets/link/${created.token}/replies`, { json: { message: 'It broke again.' } });
  assert.equal((await view(server, created.token)).body.ticket.status, 'in_progress');

  await api(server, `/api/console/tickets/${id}`, { token: s.bob, method: 'PATCH', json: { status: 'closed' } });
  assert.equal(codeOf(await api(server, `/api/tickets/link/${created.token}/replies`, { json: { message: 'hello?' } })), 'closed');

  const revoked = await api<{ revoked: number }>(server, `/api/console/tickets/${id}/links/revoke`, { token: s.bob, json: {} });
  assert.ok(revoked.body.revoked >= 1);
  assert.equal((await view(server, created.token)).status, 404);
  assert.equal((await view(server, 'x'.repeat(43))).status, 404);
  assert.equal((await view(server, 'short')).status, 404);
});

test('an anonymous employee suggestion: the token is checked, then nothing about who wrote it is stored; the link still works', async () => {
  const { server } = await env();
  const secret = await siteSecret(server);
  const cats = await categories(server, 'employee');
  const token = await employeeToken(secret, { sub: 'emp-4711', name: '王小明', departments: ['Finance'], locale: 'zh-CN' }, clock.now());
  const r = await submit(server, { categoryId: cats['suggestion-box']!.id, subject: '食堂', message: '希望增加素食选择', employeeToken: token, anonymous: true });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.ticket.targetMinutes, 24 * 60);
  const row = await byNumber(server, r.body.ticket.number);
  assert.deepEqual([row.contactName, row.contactEmail, row.employeeId, row.visitorId, row.anonymous, row.locale], [null, null, null, null, true, 'zh-CN']);
  const entries = await server.database.db.select().from(ticketEntries).where(eq(ticketEntries.ticketId, row.id));
  const history = await server.database.db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, row.id));
  const stored = JSON.stringify({ row, entries, history });
  for (const secretBit of ['emp-4711', '王小明', 'Finance', token]) assert.ok(!stored.includes(secretBit), `${secretBit} is stored nowhere`);
  assert.equal((await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.ticketId, row.id))).length, 0);
  assert.equal((await view(server, r.body.ticket.token)).body.ticket.anonymous, true);

  const named = await submit(server, { categoryId: cats['internal-message']!.id, subject: 'Printer', message: 'Floor 3 printer jams', employeeToken: token });
  assert.equal((await byNumber(server, named.body.ticket.number)).employeeId, 'emp-4711');

  const forged = await employeeToken('not-the-site-secret', { sub: 'x' }, clock.now());
  assert.equal((await submit(server, { categoryId: cats['suggestion-box']!.id, subject: 's', message: 'm', employeeToken: forged })).status, 401);
  const expired = await employeeToken(secret, { sub: 'x' }, new Date(clock.now().getTime() - 3 * HOUR));
  assert.match((await submit(server, { categoryId: cats['suggestion-box']!.id, subject: 's', message: 'm', employeeToken: expired })).body.error!.message, /expired/);
  const customerCat = (await categories(server)).complaint!;
  assert.equal((await submit(server, { categoryId: customerCat.id, subject: 's', message: 'm', employeeToken: token })).status, 400, 'customer categories are not for the intranet');
});

test('flood limits: one address may file only so many tickets, and a refusal says when to retry', async () => {
  const server = await startTestServer({ config: { rateTicketsPerIp: { points: 2, seconds: 600 } } });
  try {
    const cats = await categories(server);
    const good = { categoryId: cats.inquiry!.id, subject: 'Hi', message: 'A question', email: 'a@example.com' };
    assert.equal((await submit(server, good)).status, 201);
    assert.equal((await submit(server, good)).status, 201);
    const third = await submit(server, good);
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers.get('retry-after')) > 0);
    assert.equal((await server.database.db.select({ id: tickets.id }).from(tickets)).length, 2);
  } finally {
    await server.close();
  }
});

test('the demo intranet signs employee tokens only when DEMO_INTRANET is on, and the box takes them', async () => {
  const { server } = await env();
  assert.equal((await api(server, '/api/demo/employee-token')).status, 404, 'off by default: a production server hands out no identities');
  const demo = await startTestServer({ config: { demoIntranet: true } });
  try {
    const r = await api<{ token: string; siteKey: string; employee: { name: string } }>(demo, '/api/demo/employee-token?as=finance');
    assert.equal(r.status, 200);
    assert.equal(r.body.siteKey, demo.siteKey);
    assert.equal(r.body.employee.name, '王芳');
    assert.equal(codeOf(await api(demo, '/api/demo/employee-token?as=ceo')), 'invalid');
    const cats = await categories(demo, 'employee');
    const sent = await submit(demo, { categoryId: cats['suggestion-box']!.id, subject: '会议室', message: '会议室预订系统经常冲突', employeeToken: r.body.token, anonymous: true });
    assert.equal(sent.status, 201);
  } finally {
    await demo.close();
  }
});

test('replies by email: matched by number and sender, quoted history stripped, a redelivery appended once, strangers refused', async () => {
  const INBOUND = 'inbound-secret-0123456789';
  const server = await startTestServer({ config: { rateTicketsPerIp: null, inboundMailToken: INBOUND, mailReplyTo: 'support@acme.test' } });
  try {
    const created = await complaint(server, { email: 'Mia.Wong@example.com' });
    const row = await byNumber(server, created.number);
    const [mail] = await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.ticketId, row.id));
    assert.equal(mail!.headers['Reply-To'], `support+${created.number}@acme.test`, 'replies come back to an address naming the ticket');

    const reply = (from: string, messageId: string, to = `support+${created.number}@acme.test`) =>
      rawMail(
        { From: `Mia <${from}>`, To: to, Subject: `Re: [${created.number}] We received your request`, 'Message-ID': messageId, 'Content-Type': 'text/plain; charset=UTF-8' },
        'Here is the model number: K-200.\n\nOn Fri, Dec 4, 2026 Acme wrote:\n> We received your request\n> Old text',
      );
    const post = (raw: string, token = INBOUND) => api(server, '/api/mail/inbound', { raw, type: 'message/rfc822', headers: { authorization: `Bearer ${token}` } });

    assert.equal((await post(reply('mia.wong@example.com', '<m1@mail>'), 'wrong-token-000000000')).status, 401);
    const first = await post(reply('mia.wong@example.com', '<m1@mail>'));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal((await post(reply('mia.wong@example.com', '<m1@mail>'))).status, 200, 'the same Message-ID again: accepted, not appended');
    assert.equal((await post(reply('mallory@example.com', '<m2@mail>'))).status, 404, 'knowing the number is not enough');
    assert.equal((await post(reply('mia.wong@example.com', '<m3@mail>', 'support@acme.test').replace(`[${created.number}]`, ''))).status, 404, 'no number anywhere');

    const seen = (await view(server, created.token)).body.ticket;
    const fromMail = seen.entries.filter((e) => e.via === 'email');
    assert.equal(fromMail.length, 1);
    assert.equal(fromMail[0]!.body, 'Here is the model number: K-200.');
  } finally {
    await server.close();
  }
});

test('an agent turns a chat into a ticket: the transcript is its first entry, the link goes by email, the chat says so', async () => {
  const { server, staff: s } = await env();
  const { socket } = await connectVisitor(server);
  try {
    const started = await call<{ conversation: { id: string } }>(socket, 'conversation:start', { pageUrl: 'https://shop.example/', locale: 'en' });
    assert.ok(started.ok);
    const conversationId = started.data.conversation.id;
    const received: Array<{ meta?: { system?: { kind: string; number?: string } } }> = [];
    socket.on('message:created', (m) => received.push(m));
    const sent = await call(socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'My order 1234 never arrived <b>help</b>' });
    assert.ok(sent.ok);
    const cats = await categories(server);
    const input = { conversationId, subject: 'Order 1234 missing', categoryId: cats.complaint!.id, email: 'visitor@example.com', name: 'Jo' };

    assert.equal(codeOf(await api(server, '/api/console/tickets/from-chat', { token: s.admin, json: { ...input, email: undefined } })), 'invalid', 'the link needs an email');
    assert.equal((await api(server, '/api/console/tickets/from-chat', { token: s.admin, json: { ...input, conversationId: crypto.randomUUID() } })).status, 404);
    assert.equal(codeOf(await api(server, '/api/console/tickets/from-chat', { token: s.admin, json: { ...input, categoryId: crypto.randomUUID() } })), 'invalid');
    // Bob works in Support only: once the chat is Support's he may file it, but not as a question,
    // which goes to Sales and would be a ticket he could not open.
    assert.equal((await api(server, '/api/console/tickets/from-chat', { token: s.bob, json: input })).status, 404, 'not his chat yet');
    assert.ok((await call(socket, 'conversation:handoff', { conversationId, departmentId: server.departments.support.id })).ok);
    const sales = await api<{ error: { message: string } }>(server, '/api/console/tickets/from-chat', { token: s.bob, json: { ...input, categoryId: cats.inquiry!.id } });
    assert.equal(sales.status, 400);
    assert.match(sales.body.error.message, /department you do not work in/);
    const r = await api<{ ticket: TicketDetail }>(server, '/api/console/tickets/from-chat', { token: s.admin, json: input });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const t = r.body.ticket;
    assert.equal(t.source, 'chat');
    assert.equal(t.conversationId, conversationId);
    assert.equal(t.contactEmail, 'visitor@example.com');
    assert.match(t.entries[0]!.body, /^Opened from a chat by Ada Admin\./);
    assert.match(t.entries[0]!.body, /Jo: My order 1234 never arrived <b>help<\/b>/);
    await waitForCondition(() => received.some((m) => m.meta?.system?.kind === 'ticket_opened' && m.meta.system.number === t.number));
    const mails = await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.ticketId, t.id));
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.to, 'visitor@example.com');
    assert.ok(!JSON.stringify(received).includes('/t/'), 'no link in the chat');
  } finally {
    socket.disconnect();
  }
});

async function waitForCondition(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('saved replies: every agent reads them, supervisors keep the list, bad input changes nothing', async () => {
  const { server, staff: s } = await env();
  const list = async (token: string) => (await api<{ replies: Array<{ id: string; title: string; locale: string | null }> }>(server, '/api/console/tickets/canned', { token })).body.replies;
  const seeded = await list(s.bob);
  assert.ok(seeded.some((r) => r.title === 'Need the order number' && r.locale === 'en'));
  assert.ok(seeded.some((r) => r.locale === 'zh-CN'));
  const input = { title: 'Refund sent', body: 'Your refund is on its way: 3-5 working days.', locale: 'en' };
  assert.equal((await api(server, '/api/console/tickets/canned', { token: s.bob, json: input })).status, 403);
  const made = await api<{ reply: { id: string } }>(server, '/api/console/tickets/canned', { token: s.supervisor, json: input });
  assert.equal(made.status, 201);
  assert.equal(codeOf(await api(server, '/api/console/tickets/canned', { token: s.admin, json: { ...input, body: '' } })), 'invalid');
  assert.equal(codeOf(await api(server, `/api/console/tickets/canned/${made.body.reply.id}`, { token: s.admin, method: 'PUT', json: { ...input, locale: 'fr' } })), 'invalid');
  assert.equal((await list(s.bob)).length, seeded.length + 1);
  assert.equal((await api(server, `/api/console/tickets/canned/${made.body.reply.id}`, { token: s.admin, method: 'DELETE' })).status, 204);
  assert.equal((await api(server, `/api/console/tickets/canned/${made.body.reply.id}`, { token: s.admin, method: 'DELETE' })).status, 404);
  assert.equal((await list(s.bob)).length, seeded.length);
});
