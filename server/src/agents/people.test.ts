/**
 * People administration end to end over REST and real sockets: an invitation mailed through the
 * outbox and accepted once, role and department changes, deactivation mid-conversation (socket
 * dropped, chat requeued with its system message, tickets unassigned with history, no sign-in),
 * reactivation, the last-admin guard and the audit trail.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import type { AgentConversation, ConversationSync, DeactivateResult, PeopleList, PersonView, VisitorConversation } from '@parley/protocol';
import { auditLog, conversations, mailOutbox, messages, tickets, ticketHistory } from '../db/schema.js';
import { api, codeOf, staff, type Staff } from '../kb/test-kit.js';
import { call, closeAllSockets, connect, connectVisitor, login, nextEvent, unwrap } from '../test-clients.js';
import { complaint } from '../tickets/test-kit.js';
import { startTestServer, type TestServer } from '../testing.js';

let server: TestServer;
let tokens: Staff;

before(async () => {
  server = await startTestServer();
  tokens = await staff(server);
});
after(async () => {
  closeAllSockets();
  await server?.close();
});

const db = () => server.database.db;

/** The set-password link of the newest invitation mailed to `email`. */
async function invitationLink(email: string): Promise<{ url: string; token: string; subject: string; html: string }> {
  const [mail] = await db().select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'agent.invitation'))).orderBy(desc(mailOutbox.createdAt)).limit(1);
  assert.ok(mail, `an invitation mail to ${email}`);
  const url = /https?:\/\/\S+\/invite\/([\w-]+)/.exec(mail.text);
  assert.ok(url, 'the mail holds the set-password link');
  return { url: url[0], token: url[1]!, subject: mail.subject, html: mail.html };
}

async function invite(email: string, extra: Partial<{ name: string; role: string; departmentIds: string[]; capacity: number; locale: string }> = {}) {
  const local = email.split('@')[0]!;
  const r = await api<{ person: PersonView }>(server, '/api/console/people', {
    token: tokens.admin,
    json: { email, name: local[0]!.toUpperCase() + local.slice(1), role: 'agent', departmentIds: [server.departments.support.id], capacity: 3, ...extra },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.person;
}

/** Invites and accepts: an active agent with a password. */
async function person(email: string, password = 'a long enough password') {
  const p = await invite(email);
  const { token } = await invitationLink(email);
  assert.equal((await api(server, '/api/auth/invitation/accept', { json: { token, password } })).status, 200);
  return { ...p, email, password };
}

test('an invitation: mailed link, checked, policy enforced, used once; the invitee signs in only after', async () => {
  const email = 'dana@parley.test';
  const p = await invite(email, { name: 'Dana Deng', locale: 'zh-CN' });
  assert.equal(p.status, 'invited');
  assert.deepEqual(p.departmentIds, [server.departments.support.id]);
  assert.equal(p.capacity, 3);

  const link = await invitationLink(email);
  assert.match(link.subject, /邀请您加入/, 'in the language the admin chose');
  assert.ok(link.html.includes('设置密码'));
  // Only the hash is stored: the token itself appears nowhere in the database's invitation rows.
  const stored = await db().execute<{ token_hash: string }>(`select token_hash from agent_invitations` as never);
  assert.ok(!JSON.stringify(stored).includes(link.token));

  assert.equal(codeOf(await api(server, '/api/auth/login', { json: { email, password: 'whatever it is' } })), 'unauthorized');
  const check = await api(server, `/api/auth/invitation?token=${link.token}`);
  assert.deepEqual(check.body, { email, name: 'Dana Deng' });

  const short = await api(server, '/api/auth/invitation/accept', { json: { token: link.token, password: 'short' } });
  assert.equal(short.status, 400);
  assert.match(short.body.error.message, /at least 10 characters/);
  assert.equal((await api(server, '/api/auth/invitation/accept', { json: { token: link.token, password: 'correct horse battery' } })).status, 200);
  assert.equal((await api(server, '/api/auth/invitation/accept', { json: { token: link.token, password: 'another good password' } })).status, 404, 'the link works once');
  assert.equal((await api(server, `/api/auth/invitation?token=${link.token}`)).status, 404);
  assert.equal((await api(server, `/api/auth/invitation?token=forged-token`)).status, 404);

  const session = await login(server.url, { email, password: 'correct horse battery' });
  assert.equal(session.agent.role, 'agent');
  const list = await api<PeopleList>(server, '/api/console/people', { token: tokens.admin });
  assert.equal(list.body.people.find((x) => x.email === email)?.status, 'active');
  const actions = (await db().select().from(auditLog).where(eq(auditLog.targetId, p.id))).map((a) => a.action).sort();
  assert.deepEqual(actions, ['agent.invitation_accepted', 'agent.invited']);

  const dup = await api(server, '/api/console/people', { token: tokens.admin, json: { email, name: 'Again', role: 'agent', departmentIds: [], capacity: 1 } });
  assert.equal(dup.status, 400);
  assert.match(dup.body.error.message, /already/);
});

test('a resent invitation replaces the first link; the set-password page works without script', async () => {
  const email = 'erin@parley.test';
  const p = await invite(email);
  const first = await invitationLink(email);
  assert.equal((await api(server, `/api/console/people/${p.id}/invitation`, { token: tokens.admin, method: 'POST' })).status, 200);
  const second = await invitationLink(email);
  assert.notEqual(first.token, second.token);
  assert.equal((await api(server, `/api/auth/invitation?token=${first.token}`)).status, 404, 'the old link stopped working');

  const page = await fetch(`${server.url}/invite/${second.token}`, { headers: { 'accept-language': 'zh-TW,zh;q=0.9' } });
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  const html = await page.text();
  assert.ok(html.includes('設定密碼') && html.includes(email));
  const post = (password: string, confirm: string) =>
    fetch(`${server.url}/invite/${second.token}?lang=en`, { method: 'POST', body: new URLSearchParams({ password, confirm }) });
  const mismatch = await post('one long password', 'another long one');
  assert.equal(mismatch.status, 400);
  assert.ok((await mismatch.text()).includes('The two passwords are not the same.'));
  const done = await post('one long password', 'one long password');
  assert.equal(done.status, 200);
  assert.ok((await done.text()).includes('Your password is set.'));
  await login(server.url, { email, password: 'one long password' });
  assert.equal((await fetch(`${server.url}/invite/${second.token}`)).status, 404);
});

test('role, departments and capacity change with an audit entry of what changed', async () => {
  const p = await person('finn@parley.test');
  const r = await api<{ person: PersonView }>(server, `/api/console/people/${p.id}`, {
    token: tokens.admin,
    method: 'PATCH',
    json: { role: 'supervisor', departmentIds: [server.departments.sales.id, server.departments.support.id], capacity: 8 },
  });
  assert.equal(r.status, 200);
  assert.equal(r.body.person.role, 'supervisor');
  assert.equal(r.body.person.capacity, 8);
  assert.deepEqual([...r.body.person.departmentIds].sort(), [server.departments.sales.id, server.departments.support.id].sort());
  const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.targetId, p.id), eq(auditLog.action, 'agent.updated')));
  assert.deepEqual(entry!.before, { role: 'agent', capacity: 3, departmentIds: [server.departments.support.id] });
  assert.equal((entry!.after as { role: string }).role, 'supervisor');
  assert.equal(entry!.actorId, server.accounts.admin.id);

  const bad = await api(server, `/api/console/people/${p.id}`, { token: tokens.admin, method: 'PATCH', json: { departmentIds: ['00000000-0000-4000-8000-000000000000'] } });
  assert.equal(bad.status, 400);
  assert.equal((await api(server, `/api/console/people/${p.id}`, { token: tokens.admin, method: 'PATCH', json: { capacity: -1 } })).status, 400);
  assert.equal((await api(server, `/api/console/people/${p.id}`, { token: tokens.admin, method: 'PATCH', json: {} })).status, 400);
});

test('deactivation mid-conversation: socket dropped, chat requeued with its system message, tickets unassigned, no sign-in; reactivation restores sign-in', async () => {
  const gus = await person('gus@parley.test');
  const { token } = await login(server.url, gus);
  const agentSocket = await connect(server.url, '/agent', { token });

  const { socket: visitor } = await connectVisitor(server);
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:start', {}));
  unwrap(await call(visitor, 'conversation:handoff', { conversationId: sync.conversation.id, departmentId: server.departments.support.id }));
  unwrap(await call<AgentConversation>(agentSocket, 'conversation:claim', { conversationId: sync.conversation.id }));
  const created = await complaint(server);
  const [ticket] = await db().update(tickets).set({ assigneeId: gus.id, status: 'open' }).where(eq(tickets.number, created.number)).returning();

  const dropped = new Promise<string>((resolve) => agentSocket.once('disconnect', (reason) => resolve(reason)));
  const requeuedForVisitor = nextEvent<VisitorConversation>(visitor, 'conversation:updated', (v) => v.status === 'queued');
  const r = await api<DeactivateResult>(server, `/api/console/people/${gus.id}/deactivate`, { token: tokens.admin, method: 'POST' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.person.status, 'deactivated');
  assert.equal(r.body.requeued, 1);
  assert.equal(r.body.ticketsUnassigned, 1);
  assert.equal(await dropped, 'io server disconnect');
  await requeuedForVisitor;

  const [conv] = await db().select().from(conversations).where(eq(conversations.id, sync.conversation.id));
  assert.equal(conv!.status, 'queued');
  assert.equal(conv!.agentId, null);
  const system = await db().select().from(messages).where(and(eq(messages.conversationId, conv!.id), eq(messages.author, 'system')));
  assert.ok(system.some((m) => m.meta?.system?.kind === 'requeued'));
  const [t] = await db().select().from(tickets).where(eq(tickets.id, ticket!.id));
  assert.equal(t!.assigneeId, null);
  const history = await db().select().from(ticketHistory).where(and(eq(ticketHistory.ticketId, ticket!.id), eq(ticketHistory.action, 'assigned')));
  assert.deepEqual(history.map((h) => [h.from, h.to]), [['Gus', null]]);

  const wrong = await api(server, '/api/auth/login', { json: { email: gus.email, password: 'not the password' } });
  const right = await api(server, '/api/auth/login', { json: { email: gus.email, password: gus.password } });
  assert.deepEqual(right.body, wrong.body, 'the same answer as a wrong password');
  assert.equal(right.status, 401);
  assert.equal((await api(server, '/api/auth/me', { token })).status, 401, 'the old token is dead');
  await assert.rejects(connect(server.url, '/agent', { token }));
  assert.equal((await api(server, `/api/console/people/${gus.id}/deactivate`, { token: tokens.admin, method: 'POST' })).status, 400, 'already deactivated');

  const back = await api<{ person: PersonView }>(server, `/api/console/people/${gus.id}/reactivate`, { token: tokens.admin, method: 'POST' });
  assert.equal(back.body.person.status, 'active');
  await login(server.url, gus);
  const actions = (await db().select().from(auditLog).where(eq(auditLog.targetId, gus.id))).map((a) => a.action);
  assert.ok(actions.includes('agent.deactivated') && actions.includes('agent.reactivated'));
});

test('the last active admin can neither deactivate nor demote themselves; with a second admin they can be demoted', async () => {
  const adminId = server.accounts.admin.id;
  const self = await api(server, `/api/console/people/${adminId}/deactivate`, { token: tokens.admin, method: 'POST' });
  assert.equal(self.status, 403);
  assert.match(self.body.error.message, /last active admin/);
  assert.equal((await api(server, `/api/console/people/${adminId}`, { token: tokens.admin, method: 'PATCH', json: { role: 'agent' } })).status, 403);

  const other = await person('hana@parley.test');
  assert.equal((await api(server, `/api/console/people/${other.id}`, { token: tokens.admin, method: 'PATCH', json: { role: 'admin' } })).status, 200);
  const hana = (await login(server.url, other)).token;
  const demoted = await api<{ person: PersonView }>(server, `/api/console/people/${adminId}`, { token: hana, method: 'PATCH', json: { role: 'supervisor' } });
  assert.equal(demoted.status, 200);
  assert.equal((await api(server, `/api/console/people/${adminId}`, { token: hana, method: 'PATCH', json: { role: 'admin' } })).status, 200);
});

test('an invited person who is deactivated comes back as invited, and their link stays dead', async () => {
  const p = await invite('ivy@parley.test');
  const { token } = await invitationLink('ivy@parley.test');
  await api(server, `/api/console/people/${p.id}/deactivate`, { token: tokens.admin, method: 'POST' });
  assert.equal((await api(server, `/api/auth/invitation?token=${token}`)).status, 404);
  const back = await api<{ person: PersonView }>(server, `/api/console/people/${p.id}/reactivate`, { token: tokens.admin, method: 'POST' });
  assert.equal(back.body.person.status, 'invited');
  assert.equal((await api(server, `/api/auth/invitation?token=${token}`)).status, 404);
});

test('a deactivated person is out of the directory, and can be neither transferred a chat nor assigned a ticket', async () => {
  const ida = await person('ida@parley.test');
  assert.equal((await api(server, `/api/console/people/${ida.id}/deactivate`, { token: tokens.admin, method: 'POST' })).status, 200);

  const admin = await connect(server.url, '/agent', { token: tokens.admin });
  const directory = unwrap(await call<{ agents: Array<{ id: string }> }>(admin, 'directory:list', {}));
  assert.ok(!directory.agents.some((a) => a.id === ida.id), 'not offered as a colleague');
  assert.ok(directory.agents.some((a) => a.id === server.accounts.alice.id), 'active colleagues are');

  const { socket: visitor } = await connectVisitor(server);
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:start', {}));
  unwrap(await call(visitor, 'conversation:handoff', { conversationId: sync.conversation.id, departmentId: server.departments.support.id }));
  const [before] = await db().select().from(conversations).where(eq(conversations.id, sync.conversation.id));
  const transfer = await call(admin, 'conversation:transfer', { conversationId: sync.conversation.id, toAgentId: ida.id });
  assert.equal(transfer.ok ? 'ok' : transfer.error.code, 'not_found', 'a transfer to them is refused');
  const [conv] = await db().select().from(conversations).where(eq(conversations.id, sync.conversation.id));
  assert.deepEqual([conv!.status, conv!.agentId], [before!.status, before!.agentId], 'and changes nothing');

  const created = await complaint(server);
  const [ticket] = await db().select().from(tickets).where(eq(tickets.number, created.number));
  const assign = await api(server, `/api/console/tickets/${ticket!.id}`, { token: tokens.admin, method: 'PATCH', json: { assigneeId: ida.id } });
  assert.equal(assign.status, 400, JSON.stringify(assign.body));
  const [after] = await db().select().from(tickets).where(eq(tickets.id, ticket!.id));
  assert.equal(after!.assigneeId, null);
});
