/**
 * Visitor identity: only a valid userHash or JWT joins a browser to a contact; then a second browser of
 * the same user resumes the same chat and its tickets show on the contact. Everything else is refused
 * with `forbidden` and changes nothing.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import type { ContactProfile, ConversationSync, Message, VisitorConversation } from '@parley/protocol';
import { sites, visitors } from '../db/schema.js';
import { api, codeOf, fixture, staff } from '../kb/test-kit.js';
import { call, closeAllSockets, connect, createVisitorSession, nextEvent, unwrap } from '../test-clients.js';
import { startTestServer } from '../testing.js';
import { categories, submit } from '../tickets/test-kit.js';
import { contacts } from './schema.js';
import { identifiedDevice, identify, siteOf, signUser, unsignedJwt, userHash } from './test-kit.js';

const env = fixture(async () => {
  const server = await startTestServer({ config: { rateVisitorSessionsPerIp: null, rateTicketsPerIp: null, admin2fa: 'optional' } });
  return { server, staff: await staff(server) };
});
after(async () => {
  closeAllSockets();
  await (await env()).server.close();
});

const contactOfToken = async (token: string) => {
  const { server } = await env();
  const { sha256 } = await import('../auth/password.js');
  const [v] = await server.database.db.select({ contactId: visitors.contactId }).from(visitors).where(eq(visitors.tokenHash, sha256(token)));
  return v?.contactId ?? null;
};

test('a valid userHash joins the browser; a second browser of the same user resumes the same chat, live, and its ticket joins the contact', async () => {
  const { server, staff: s } = await env();
  const laptop = await identifiedDevice(server, 'user-1001', { name: 'Jane Doe', email: 'Jane@Example.com' });
  const a = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: laptop.session.token });
  const started = unwrap(await call<ConversationSync<VisitorConversation>>(a, 'conversation:start', {}));
  unwrap(await call<Message>(a, 'message:send', { conversationId: started.conversation.id, clientId: crypto.randomUUID(), body: 'hello from my laptop' }));

  const phone = await identifiedDevice(server, 'user-1001');
  assert.equal(phone.contactId, laptop.contactId);
  const b = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: phone.session.token });
  const resumed = unwrap(await call<ConversationSync<VisitorConversation> | null>(b, 'conversation:sync', { afterSeq: 0 }));
  assert.equal(resumed?.conversation.id, started.conversation.id);
  assert.ok(resumed!.messages.some((m) => m.body === 'hello from my laptop'), 'the phone sees what was said on the laptop');
  // Starting again on the phone resumes, never opens a second chat.
  assert.equal(unwrap(await call<ConversationSync<VisitorConversation>>(b, 'conversation:start', {})).conversation.id, started.conversation.id);
  // Live: what the phone sends reaches the laptop.
  const seen = nextEvent<Message>(a, 'message:created', (m) => m.body === 'and now from my phone');
  unwrap(await call<Message>(b, 'message:send', { conversationId: started.conversation.id, clientId: crypto.randomUUID(), body: 'and now from my phone' }));
  await seen;

  // A ticket filed from the phone belongs to the contact too.
  const cats = await categories(server);
  const filed = await submit(server, { categoryId: cats.complaint!.id, subject: 'Broken kettle', message: 'It arrived cracked.', email: 'jane@example.com', visitorToken: phone.session.token });
  assert.equal(filed.status, 201);
  const profile = await api<{ profile: ContactProfile }>(server, `/api/console/contacts/${laptop.contactId}`, { token: s.admin });
  assert.equal(profile.status, 200);
  assert.equal(profile.body.profile.contact.name, 'Jane Doe');
  assert.equal(profile.body.profile.contact.email, 'jane@example.com');
  assert.equal(profile.body.profile.devices, 2);
  assert.deepEqual(profile.body.profile.conversations.map((c) => c.id), [started.conversation.id]);
  assert.deepEqual(profile.body.profile.tickets.map((t) => t.number), [filed.body.ticket.number]);
});

test('an invalid userHash is refused, logged without secrets, and joins nothing', async () => {
  const { server } = await env();
  const { secret } = await siteOf(server);
  const owner = await identifiedDevice(server, 'user-2002');
  const ownerSocket = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: owner.session.token });
  unwrap(await call(ownerSocket, 'conversation:start', {}));

  const lines: string[] = [];
  const ctx = server.app.ctx;
  const original = ctx.logger;
  ctx.logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const attacker = await createVisitorSession(server.url, server.siteKey);
  const forged = 'ab'.repeat(32);
  try {
    const wrongKey = await identify(server, { token: attacker.token, userId: 'user-2002', userHash: userHash('not-the-secret', 'user-2002') });
    assert.equal(wrongKey.status, 403);
    assert.equal(codeOf(wrongKey), 'forbidden');
    assert.match(wrongKey.body.error!.message, /userHash does not match/);
    const garbage = await identify(server, { token: attacker.token, userId: 'user-2002', userHash: forged });
    assert.equal(codeOf(garbage), 'forbidden');
    // Someone else's hash for a different id does not carry over.
    const otherId = await identify(server, { token: attacker.token, userId: 'user-2002', userHash: userHash(secret, 'user-9999') });
    assert.equal(codeOf(otherId), 'forbidden');
  } finally {
    ctx.logger = original;
  }
  assert.equal(await contactOfToken(attacker.token), null);
  const x = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: attacker.token });
  assert.equal(unwrap(await call(x, 'conversation:sync', { afterSeq: 0 })), null, 'the refused browser sees no chat');
  const warns = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'visitor identity refused');
  assert.equal(warns.length, 3);
  const logged = lines.join('\n');
  assert.ok(!logged.includes(secret) && !logged.includes(forged) && !logged.includes(attacker.token), 'no secret, hash or token in the log');
});

test('no hash: refused and the browser stays anonymous; typing a contact\'s email in a ticket joins nobody', async () => {
  const { server, staff: s } = await env();
  const jane = await identifiedDevice(server, 'user-3003', { email: 'kim@example.com' });
  const stranger = await createVisitorSession(server.url, server.siteKey);
  const missing = await identify(server, { token: stranger.token, userId: 'user-3003' });
  assert.equal(codeOf(missing), 'forbidden');
  assert.match(missing.body.error!.message, /userHash is missing/);
  assert.equal(codeOf(await identify(server, { token: stranger.token, email: 'kim@example.com' })), 'forbidden');
  assert.equal(await contactOfToken(stranger.token), null);

  const cats = await categories(server);
  const filed = await submit(server, { categoryId: cats.complaint!.id, subject: 'Not mine', message: 'hello', email: 'kim@example.com', visitorToken: stranger.token });
  assert.equal(filed.status, 201);
  const profile = await api<{ profile: ContactProfile }>(server, `/api/console/contacts/${jane.contactId}`, { token: s.admin });
  assert.deepEqual(profile.body.profile.tickets, [], 'a ticket that only names the email is not the contact\'s');
});

test('JWT: valid joins with its name and email; expired, wrong key, alg none, no exp and RS-style algorithms are refused', async () => {
  const { server, staff: s } = await env();
  const { secret } = await siteOf(server);
  const device = await createVisitorSession(server.url, server.siteKey);
  const ok = await identify(server, { token: device.token, jwt: await signUser(secret, { sub: 'user-4004', name: 'Wang Fang', email: 'fang@example.com' }) });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  const profile = await api<{ profile: ContactProfile }>(server, `/api/console/contacts/${ok.body.contactId}`, { token: s.admin });
  assert.deepEqual([profile.body.profile.contact.userId, profile.body.profile.contact.name, profile.body.profile.contact.email], ['user-4004', 'Wang Fang', 'fang@example.com']);

  const fresh = await createVisitorSession(server.url, server.siteKey);
  const past = Math.floor(Date.now() / 1000) - 3600;
  const cases: Array<[string, string, RegExp]> = [
    ['expired', await signUser(secret, { sub: 'user-4004' }, { expiresAt: past }), /expired/],
    ['wrong key', await signUser('another-secret', { sub: 'user-4004' }), /signature/],
    ['alg none', unsignedJwt({ sub: 'user-4004', exp: past + 7200 }), /not signed/],
    ['no exp', await signUser(secret, { sub: 'user-4004' }, { expiresAt: null }), /exp/],
    ['no sub', await signUser(secret, {}), /sub/],
    ['HS512', await signUser(secret + secret, { sub: 'user-4004' }, { alg: 'HS512' }), /HS512 is not accepted/],
    ['not a JWT', 'hello', /not a JWT/],
  ];
  for (const [name, jwt, message] of cases) {
    const r = await identify(server, { token: fresh.token, jwt });
    assert.equal(codeOf(r), 'forbidden', name);
    assert.match(r.body.error!.message, message, name);
  }
  assert.equal(await contactOfToken(fresh.token), null);
});

test('the previous secret counts until its grace period ends; a browser of one user cannot become another', async () => {
  const { server } = await env();
  const site = await siteOf(server);
  const db = server.database.db;
  await db.update(sites).set({ previousSecret: 'old-secret', previousSecretExpiresAt: new Date(Date.now() + 3_600_000) }).where(eq(sites.id, site.id));
  const a = await createVisitorSession(server.url, server.siteKey);
  assert.equal((await identify(server, { token: a.token, userId: 'user-5005', userHash: userHash('old-secret', 'user-5005') })).status, 200);
  await db.update(sites).set({ previousSecretExpiresAt: new Date(Date.now() - 1000) }).where(eq(sites.id, site.id));
  const b = await createVisitorSession(server.url, server.siteKey);
  assert.equal(codeOf(await identify(server, { token: b.token, userId: 'user-5005', userHash: userHash('old-secret', 'user-5005') })), 'forbidden');
  await db.update(sites).set({ previousSecret: null, previousSecretExpiresAt: null }).where(eq(sites.id, site.id));

  // Identifying again as the same user is a no-op; as someone else, a conflict (the widget starts a new session).
  const again = await identify(server, { token: a.token, userId: 'user-5005', userHash: userHash(site.secret, 'user-5005') });
  assert.deepEqual([again.status, again.body.linked], [200, false]);
  const other = await identify(server, { token: a.token, userId: 'user-6006', userHash: userHash(site.secret, 'user-6006') });
  assert.equal(codeOf(other), 'conflict');
  assert.deepEqual(await db.select().from(contacts).where(eq(contacts.externalId, 'user-6006')), [], 'nothing was written');
  assert.equal(await contactOfToken(a.token), again.body.contactId);
});
