/**
 * Contact export and erasure over the console API: two contacts with chats, agent replies, CSAT
 * comments, tickets with a photo, mail and webhook deliveries. The export of one holds none of the
 * other's data; erasing one leaves no trace of its personal data in any table, revokes its browsers'
 * tokens and drops their sockets, keeps report figures, and leaves the other contact whole. Agents and
 * supervisors can do neither.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { AgentConversation, ContactErasure, ContactProfile, ContactSummary, ConversationSync, Message, VisitorConversation } from '@parley/protocol';
import { WEBHOOK_EVENTS } from '@parley/protocol';
import { auditLog, webhookEndpoints } from '../db/schema.js';
import { png } from '../files/test-kit.js';
import { api, codeOf, fixture, staff } from '../kb/test-kit.js';
import { call, closeAllSockets, connect, connectAgent, nextEvent, unwrap, type Socket } from '../test-clients.js';
import { startTestServer, type TestServer } from '../testing.js';
import { categories } from '../tickets/test-kit.js';
import { identifiedDevice, identify, siteOf, userHash } from './test-kit.js';

const env = fixture(async () => {
  const server = await startTestServer({ config: { rateVisitorSessionsPerIp: null, rateTicketsPerIp: null, admin2fa: 'optional' } });
  const site = await siteOf(server);
  await server.database.db.insert(webhookEndpoints).values({ siteId: site.id, name: 'crm', url: 'http://127.0.0.1:1/hook', events: [...WEBHOOK_EVENTS] });
  const s = await staff(server);
  const alice = await connectAgent(server, server.accounts.alice);
  const zelda = await person(server, alice.socket, { userId: 'user-quux-77', name: 'Zelda Quux', email: 'zelda.quux@example.com', word: 'Quux' });
  const boris = await person(server, alice.socket, { userId: 'user-borg-88', name: 'Boris Borg', email: 'boris.borg@example.com', word: 'Borg' });
  return { server, staff: s, site, zelda, boris };
});
after(async () => {
  closeAllSockets();
  await (await env()).server.close();
});

/** A person with one browser: a chat with Alice (sales), a CSAT comment, a ticket with a photo. Every text carries `word`. */
async function person(server: TestServer, alice: Socket, p: { userId: string; name: string; email: string; word: string }) {
  const device = await identifiedDevice(server, p.userId, { name: p.name, email: p.email });
  const socket = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: device.session.token });
  const conv = unwrap(await call<ConversationSync<VisitorConversation>>(socket, 'conversation:start', {})).conversation;
  const send = (body: string) => call<Message>(socket, 'message:send', { conversationId: conv.id, clientId: crypto.randomUUID(), body });
  unwrap(await send(`my ${p.word} order never came`));
  unwrap(await call(socket, 'conversation:handoff', { conversationId: conv.id, departmentId: server.departments.sales.id }));
  unwrap(await call<AgentConversation>(alice, 'conversation:claim', { conversationId: conv.id }));
  unwrap(await call<Message>(alice, 'message:send', { conversationId: conv.id, clientId: crypto.randomUUID(), body: `Sorry ${p.name}, sending it again` }));
  unwrap(await send(`deliver to 42 ${p.word}street please`));
  const closed = unwrap(await call<VisitorConversation>(socket, 'conversation:close', { conversationId: conv.id }));
  assert.ok(closed.survey, 'a chat with a person asks how we did');
  const rated = await api(server, `/api/surveys/invitations/${closed.survey.token}/answer`, { json: { score: 4, comment: `${p.word}tastic service` } });
  assert.equal(rated.status, 201, JSON.stringify(rated.body));

  const cats = await categories(server);
  const form = new FormData();
  form.set('payload', JSON.stringify({ categoryId: cats.complaint!.id, subject: `${p.word} kettle`, message: `The ${p.word} kettle is cracked`, email: p.email, name: p.name, visitorToken: device.session.token }));
  form.append('files', new Blob([png()], { type: 'image/png' }), `${p.word}-kettle.png`);
  const filed = await api<{ ticket: { number: string; token: string } }>(server, `/api/tickets/sites/${server.siteKey}`, { raw: form });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  return { ...p, contactId: device.contactId, token: device.session.token, socket, conversationId: conv.id, ticket: filed.body.ticket };
}

/** Every row of every table, as text: what a `grep` over the whole database would see. */
async function everyRow(server: TestServer): Promise<Map<string, string[]>> {
  const db = server.database.db;
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows?: { table_name: string }[] } | { table_name: string }[];
  const names = (Array.isArray(tables) ? tables : tables.rows ?? []).map((t) => t.table_name);
  const out = new Map<string, string[]>();
  for (const name of names) {
    const rows = (await db.execute(sql.raw(`select t::text as row from "${name}" t`))) as unknown as { rows?: { row: string }[] } | { row: string }[];
    out.set(name, (Array.isArray(rows) ? rows : rows.rows ?? []).map((r) => r.row));
  }
  return out;
}

const hex = (s: string) => Buffer.from(s).toString('hex');
function tablesMentioning(all: Map<string, string[]>, word: string): string[] {
  const needles = [word.toLowerCase(), hex(word).toLowerCase(), hex(word.toLowerCase())];
  return [...all].filter(([, rows]) => rows.some((r) => needles.some((n) => r.toLowerCase().includes(n)))).map(([t]) => t);
}

const stripComments = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(stripComments) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'comments' && k !== 'generatedAt').map(([k, x]) => [k, stripComments(x)])) : v;

test('agents and supervisors see only their departments\' part of a contact, and can neither export nor erase', async () => {
  const { server, staff: s, zelda } = await env();
  const found = await api<{ contacts: ContactSummary[] }>(server, '/api/console/contacts?q=quux', { token: s.alice });
  assert.deepEqual(found.body.contacts.map((c) => c.name), ['Zelda Quux']);
  assert.deepEqual((await api<{ contacts: ContactSummary[] }>(server, '/api/console/contacts?q=user-quux', { token: s.admin })).body.contacts.map((c) => c.id), [zelda.contactId]);
  const alice = await api<{ profile: ContactProfile }>(server, `/api/console/contacts/${zelda.contactId}`, { token: s.alice });
  assert.equal(alice.body.profile.conversations.length, 1);
  assert.equal(alice.body.profile.surveyAnswers[0]?.comment, 'Quuxtastic service');
  assert.deepEqual([alice.body.profile.canExport, alice.body.profile.canErase], [false, false]);

  // Bob works in Support only: he sees the ticket (Support's) but not the Sales chat.
  const bob = await api<{ profile: ContactProfile }>(server, `/api/console/contacts/${zelda.contactId}`, { token: s.bob });
  assert.equal(bob.status, 200);
  assert.deepEqual([bob.body.profile.conversations.length, bob.body.profile.tickets.length], [0, 1]);

  for (const token of [s.alice, s.bob, s.supervisor]) {
    assert.equal(codeOf(await api(server, `/api/console/contacts/${zelda.contactId}/export`, { token })), 'forbidden');
    assert.equal(codeOf(await api(server, `/api/console/contacts/${zelda.contactId}/erase`, { token, json: { confirm: zelda.userId } })), 'forbidden');
  }
  assert.equal(codeOf(await api(server, `/api/console/contacts/${zelda.contactId}`)), 'unauthorized');
  assert.equal(codeOf(await api(server, '/api/console/contacts/not-a-uuid', { token: s.admin })), 'invalid');
  assert.equal(codeOf(await api(server, `/api/console/contacts/${crypto.randomUUID()}`, { token: s.admin })), 'not_found');
});

test('the export holds every conversation, ticket, file and answer of the contact and nothing of anyone else', async () => {
  const { server, staff: s, zelda } = await env();
  const r = await api(server, `/api/console/contacts/${zelda.contactId}/export`, { token: s.admin });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-disposition') ?? '', /^attachment; filename="contact-/);
  const doc = r.body as {
    contact: { userId: string; email: string };
    conversations: { id: string; messages: { body: string }[] }[];
    tickets: { number: string; entries: { body: string }[] }[];
    files: { name: string; base64: string }[];
    surveyAnswers: { comment: string; score: number }[];
  };
  assert.deepEqual([doc.contact.userId, doc.contact.email], ['user-quux-77', 'zelda.quux@example.com']);
  assert.deepEqual(doc.conversations.map((c) => c.id), [zelda.conversationId]);
  const bodies = doc.conversations[0]!.messages.map((m) => m.body);
  assert.ok(bodies.includes('my Quux order never came') && bodies.includes('Sorry Zelda Quux, sending it again'));
  assert.deepEqual(doc.tickets.map((t) => t.number), [zelda.ticket.number]);
  assert.equal(doc.tickets[0]!.entries[0]!.body, 'The Quux kettle is cracked');
  assert.deepEqual(doc.files.map((f) => f.name), ['Quux-kettle.png']);
  assert.deepEqual(new Uint8Array(Buffer.from(doc.files[0]!.base64, 'base64')), png());
  assert.deepEqual(doc.surveyAnswers.map((a) => [a.score, a.comment]), [[4, 'Quuxtastic service']]);
  const text = JSON.stringify(doc).toLowerCase();
  assert.ok(!text.includes('borg'), 'nothing of the other contact');
  assert.ok(!text.includes('token_hash') && !text.includes(zelda.token), 'no credentials');
  const [entry] = await server.database.db.select().from(auditLog).where(eq(auditLog.action, 'contact.exported'));
  assert.equal(entry?.targetId, zelda.contactId);
  assert.ok(!JSON.stringify(entry).toLowerCase().includes('quux'), 'the audit entry holds counts, not the data');
});

test('erasure: no personal data left in any table, tokens revoked and sockets dropped, reports unchanged, the other contact whole', async () => {
  const { server, staff: s, site, zelda, boris } = await env();
  const day = new Date().toISOString().slice(0, 10);
  const reportPath = `/api/console/reports?from=${day}&to=${day}&timeZone=UTC`;
  const before = await api(server, reportPath, { token: s.admin });
  assert.equal(before.status, 200, JSON.stringify(before.body));
  assert.ok(tablesMentioning(await everyRow(server), 'quux').length > 3, 'the fixture really spread the word around');

  // The confirmation must be the contact's user id.
  assert.equal(codeOf(await api(server, `/api/console/contacts/${zelda.contactId}/erase`, { token: s.admin, json: { confirm: 'yes' } })), 'invalid');
  const reconnect = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: zelda.token });
  const dropped = new Promise((resolve) => reconnect.once('disconnect', resolve));
  const erased = await api<{ erasure: ContactErasure }>(server, `/api/console/contacts/${zelda.contactId}/erase`, { token: s.admin, json: { confirm: 'user-quux-77' } });
  assert.equal(erased.status, 200, JSON.stringify(erased.body));
  assert.deepEqual([erased.body.erasure.conversations, erased.body.erasure.tickets, erased.body.erasure.files, erased.body.erasure.devices], [1, 1, 1, 1]);
  await dropped;

  const leftovers = tablesMentioning(await everyRow(server), 'quux');
  assert.deepEqual(leftovers, [], `personal data left in: ${leftovers.join(', ')}`);
  assert.ok(tablesMentioning(await everyRow(server), 'borg').includes('messages'), 'the other contact keeps everything');

  // The browser's token no longer works anywhere.
  await assert.rejects(connect(server.url, '/visitor', { siteKey: server.siteKey, token: zelda.token }), (err: Error & { data?: { code?: string } }) => err.data?.code === 'unauthorized');
  assert.equal(codeOf(await identify(server, { token: zelda.token, userId: zelda.userId, userHash: userHash(site.secret, zelda.userId) })), 'unauthorized');
  assert.equal(codeOf(await api(server, `/api/tickets/link/${zelda.ticket.token}`)), 'not_found');
  // Gone from the console, twice erasing is a 404, and the report figures did not move.
  assert.equal(codeOf(await api(server, `/api/console/contacts/${zelda.contactId}`, { token: s.admin })), 'not_found');
  assert.equal(codeOf(await api(server, `/api/console/contacts/${zelda.contactId}/erase`, { token: s.admin, json: { confirm: 'user-quux-77' } })), 'not_found');
  const afterReport = await api(server, reportPath, { token: s.admin });
  assert.deepEqual(stripComments(afterReport.body), stripComments(before.body));
  const boris2 = await api<{ profile: ContactProfile }>(server, `/api/console/contacts/${boris.contactId}`, { token: s.admin });
  assert.deepEqual([boris2.body.profile.conversations.length, boris2.body.profile.tickets.length, boris2.body.profile.surveyAnswers[0]?.comment], [1, 1, 'Borgtastic service']);

  const [entry] = await server.database.db.select().from(auditLog).where(eq(auditLog.action, 'contact.erased'));
  assert.equal(entry?.targetId, zelda.contactId);
  assert.deepEqual(entry?.after, { conversations: 1, messages: (entry?.after as { messages: number }).messages, tickets: 1, files: 1, devices: 1 });

  // The same person identifying again starts afresh: a new contact with nothing of the old.
  const back = await identifiedDevice(server, 'user-quux-77');
  assert.notEqual(back.contactId, zelda.contactId);
  const fresh = await api<{ profile: ContactProfile }>(server, `/api/console/contacts/${back.contactId}`, { token: s.admin });
  assert.deepEqual([fresh.body.profile.conversations.length, fresh.body.profile.tickets.length], [0, 0]);
});
