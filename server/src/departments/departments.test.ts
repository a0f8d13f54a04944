import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { DepartmentAdmin, Directory } from '@parley/protocol';
import { auditLog, conversations, departments, tickets } from '../db/schema.js';
import { api, codeOf, fixture, otherSite, siteIdOf, staff } from '../kb/test-kit.js';
import { call, closeAllSockets, connectAgent, connectVisitor, nextEvent, unwrap, useTestServer } from '../test-clients.js';

const env = useTestServer();
const tokens = fixture(() => staff(env.server));
const base = '/api/console/departments';

const create = async (json: unknown) => api<{ department: DepartmentAdmin }>(env.server, base, { token: (await tokens()).admin, json });
const message = (r: { body: unknown }) => (r.body as { error: { message: string } }).error.message;

test('agents and supervisors get 403 on every department route, anonymous 401', async () => {
  const t = await tokens();
  const id = env.server.departments.sales.id;
  const routes: Array<[string, string, unknown?]> = [
    ['GET', base],
    ['POST', base, { names: { en: 'Billing' } }],
    ['PUT', `${base}/order`, { ids: [id] }],
    ['PATCH', `${base}/${id}`, { routing: 'auto' }],
    ['DELETE', `${base}/${id}`],
  ];
  for (const [method, path, json] of routes) {
    for (const who of ['alice', 'supervisor'] as const) {
      const r = await api(env.server, path, { method, token: t[who], ...(json !== undefined ? { json } : {}) });
      assert.equal(r.status, 403, `${who} ${method} ${path}`);
    }
    assert.equal((await api(env.server, path, { method, ...(json !== undefined ? { json } : {}) })).status, 401, `anonymous ${method} ${path}`);
  }
  const rows = await env.server.database.db.select().from(departments);
  assert.deepEqual(rows.map((d) => d.names.en).sort(), ['Sales', 'Support'], 'nothing was created or deleted');
});

test('names: at least one language; blanks, unknown locales and bad routing are 400s', async () => {
  for (const [json, re] of [
    [{ names: {} }, /at least one language/],
    [{ names: { en: '  ', 'zh-CN': '' } }, /at least one language/],
    [{ names: { fr: 'Ventes' } }, /fr/],
    [{ names: { en: 'x'.repeat(81) } }, /longer than 80/],
    [{ names: { en: 'Billing' }, routing: 'round-robin' }, /manual or auto/],
    [{ names: { en: 'Billing' }, position: -1 }, /0 or more/],
  ] as const) {
    const r = await create(json);
    assert.equal(r.status, 400, JSON.stringify(json));
    assert.match(message(r), re);
  }
  const patch = await api(env.server, `${base}/${env.server.departments.sales.id}`, { method: 'PATCH', token: (await tokens()).admin, json: { names: { en: '' } } });
  assert.equal(patch.status, 400);
});

test('a new department appears in connected agents’ directories at once; rename, routing and order are audited', async () => {
  const { socket } = await connectAgent(env.server, env.server.accounts.bob);
  const changed = nextEvent(socket, 'directory:changed');
  const r = await create({ names: { 'zh-CN': '账务', 'zh-TW': '帳務' }, routing: 'auto' });
  assert.equal(r.status, 201);
  const dep = r.body.department;
  assert.deepEqual(dep.names, { en: '账务', 'zh-CN': '账务', 'zh-TW': '帳務' }, 'en falls back to the name given');
  assert.equal(dep.routing, 'auto');
  assert.equal(dep.position, 2, 'last');
  assert.equal(dep.agentCount, 0);
  await changed;
  const dir = unwrap(await call<Directory>(socket, 'directory:list', {}));
  assert.ok(dir.departments.some((d) => d.id === dep.id && d.name['zh-TW'] === '帳務'));

  const renamed = await api<{ department: DepartmentAdmin }>(env.server, `${base}/${dep.id}`, { method: 'PATCH', token: (await tokens()).admin, json: { names: { en: 'Billing', 'zh-CN': '账务', 'zh-TW': '帳務' }, routing: 'manual' } });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.body.department.names.en, 'Billing');
  const [entry] = await env.server.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'department.updated'), eq(auditLog.targetId, dep.id)));
  assert.deepEqual(entry!.before, { names: { en: '账务', 'zh-CN': '账务', 'zh-TW': '帳務' }, routing: 'auto' });
  assert.deepEqual(entry!.after, { names: { en: 'Billing', 'zh-CN': '账务', 'zh-TW': '帳務' }, routing: 'manual' });
  assert.ok(entry!.actorId, 'who did it');

  const { support, sales } = env.server.departments;
  const bad = await api(env.server, `${base}/order`, { method: 'PUT', token: (await tokens()).admin, json: { ids: [dep.id, support.id] } });
  assert.equal(bad.status, 400);
  const order = await api<{ departments: DepartmentAdmin[] }>(env.server, `${base}/order`, { method: 'PUT', token: (await tokens()).admin, json: { ids: [support.id, dep.id, sales.id] } });
  assert.deepEqual(order.body.departments.map((d) => d.names.en), ['Support', 'Billing', 'Sales']);
  const list = await api<{ departments: DepartmentAdmin[] }>(env.server, base, { token: (await tokens()).admin });
  assert.deepEqual(list.body.departments.map((d) => d.id), [support.id, dep.id, sales.id]);
  assert.ok(list.body.departments.find((d) => d.id === support.id)!.agentCount >= 1);
  await api(env.server, `${base}/order`, { method: 'PUT', token: (await tokens()).admin, json: { ids: [sales.id, support.id, dep.id] } });
  socket.disconnect();
});

test('deleting a department with open work is a 409 saying what is left; once closed it goes, and agents hear of it', async () => {
  const dep = (await create({ names: { en: 'Returns' } })).body.department;
  const { socket: visitor } = await connectVisitor(env.server);
  const started = unwrap(await call<{ conversation: { id: string } }>(visitor, 'conversation:start', { departmentId: dep.id }));
  const db = env.server.database.db;
  const [t] = await db
    .insert(tickets)
    .values({ siteId: await siteIdOf(env.server), number: 'T-TEST-1', subject: 'Broken parcel', departmentId: dep.id, source: 'api', targetMinutes: 60, firstResponseDueAt: new Date(Date.now() + 3600_000) })
    .returning();

  const refused = await api(env.server, `${base}/${dep.id}`, { method: 'DELETE', token: (await tokens()).admin });
  assert.equal(refused.status, 409);
  assert.equal(codeOf(refused), 'conflict');
  assert.equal(message(refused), 'Returns still has 1 open conversation and 1 open ticket: close or transfer them before deleting it.');
  const listed = (await api<{ departments: DepartmentAdmin[] }>(env.server, base, { token: (await tokens()).admin })).body.departments.find((d) => d.id === dep.id)!;
  assert.equal(listed.openConversations, 1);
  assert.equal(listed.openTickets, 1);

  await db.update(conversations).set({ status: 'closed', closedAt: new Date() }).where(eq(conversations.id, started.conversation.id));
  await db.update(tickets).set({ status: 'closed' }).where(eq(tickets.id, t!.id));
  const { socket: agent } = await connectAgent(env.server, env.server.accounts.alice);
  const changed = nextEvent(agent, 'directory:changed');
  const ok = await api(env.server, `${base}/${dep.id}`, { method: 'DELETE', token: (await tokens()).admin });
  assert.equal(ok.status, 204);
  await changed;
  assert.equal((await db.select().from(departments).where(eq(departments.id, dep.id))).length, 0);
  const [conv] = await db.select().from(conversations).where(eq(conversations.id, started.conversation.id));
  assert.equal(conv!.departmentId, null, 'closed history stays, without its department');
  const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'department.deleted'), eq(auditLog.targetId, dep.id)));
  assert.equal((entry!.before as { names: { en: string } }).names.en, 'Returns');
  assert.equal((await api(env.server, `${base}/${dep.id}`, { method: 'DELETE', token: (await tokens()).admin })).status, 404);
  closeAllSockets();
});

test("a site's only department cannot be deleted; departments of another site are not reachable without ?site", async () => {
  const other = await otherSite(env.server);
  const [only] = await env.server.database.db.select().from(departments).where(eq(departments.siteId, other.id));
  const admin = (await tokens()).admin;
  const list = await api<{ departments: DepartmentAdmin[] }>(env.server, `${base}?site=${other.id}`, { token: admin });
  assert.deepEqual(list.body.departments.map((d) => d.names.en), ['Other']);
  const refused = await api(env.server, `${base}/${only!.id}?site=${other.id}`, { method: 'DELETE', token: admin });
  assert.equal(refused.status, 409);
  assert.match(message(refused), /only department: visitors need one to reach/);
  // Named on the wrong site: not found, nothing deleted.
  const wrongSite = await api(env.server, `${base}/${only!.id}?site=${await siteIdOf(env.server)}`, { method: 'PATCH', token: admin, json: { routing: 'auto' } });
  assert.equal(wrongSite.status, 404);
  assert.equal((await env.server.database.db.select().from(departments).where(eq(departments.siteId, other.id))).length, 1);
});
