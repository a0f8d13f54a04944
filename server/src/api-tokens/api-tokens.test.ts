/**
 * Scoped API tokens against the real app: an admin creates one (the secret answered once, a hash
 * stored), it reads exactly its domains and writes only where it has `:write`; it reaches no account
 * route, no other token, no socket and no other site; revoking it, or deactivating its maker, ends it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { ApiTokenCreated, ApiTokenView } from '@parley/protocol';
import { auditLog } from '../db/schema.js';
import { api, codeOf, siteIdOf, staff, type Staff } from '../kb/test-kit.js';
import { closeAllSockets, connect } from '../test-clients.js';
import { startTestServer, type TestServer } from '../testing.js';
import { apiTokens } from './schema.js';

let server: TestServer;
let s: Staff;
before(async () => {
  server = await startTestServer();
  s = await staff(server);
});
after(async () => {
  closeAllSockets();
  await server.close();
});

const create = (json: unknown, token = s.admin) => api<ApiTokenCreated & { error?: { code: string; message: string } }>(server, '/api/console/api-tokens', { token, json });

test('admins only; bad input is refused and nothing is stored', async () => {
  assert.equal((await create({ name: 'CRM', scopes: ['tickets:read'] }, s.supervisor)).status, 403);
  assert.equal((await create({ name: 'CRM', scopes: ['tickets:read'] }, s.bob)).status, 403);
  assert.equal((await api(server, '/api/console/api-tokens', { token: s.supervisor })).status, 403);
  for (const bad of [
    { name: 'CRM', scopes: [] },
    { name: '', scopes: ['tickets:read'] },
    { name: 'CRM', scopes: ['tickets:delete'] },
    { name: 'CRM', scopes: ['api-tokens:write'] },
    { name: 'CRM', scopes: ['tickets:read', 'tickets:read'] },
    { name: 'CRM', scopes: ['tickets:read'], role: 'admin' },
  ]) {
    const r = await create(bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
    assert.equal(codeOf(r), 'invalid');
  }
  assert.equal((await server.database.db.select().from(apiTokens)).length, 0);
});

test('a token reads its domains, writes only with :write, and reaches nothing else', async () => {
  const made = await create({ name: 'CRM sync', scopes: ['tickets:read', 'contacts:write'] });
  assert.equal(made.status, 201);
  const { secret, token } = made.body;
  assert.match(secret, /^pat_[A-Za-z0-9_-]{40,}$/);
  assert.equal(token.prefix, secret.slice(0, 10));
  assert.deepEqual(token.scopes, ['tickets:read', 'contacts:write']);
  const [row] = await server.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
  assert.notEqual(row!.tokenHash, secret, 'stored as a hash');
  assert.ok(!JSON.stringify(row).includes(secret));
  const listed = await api<{ tokens: ApiTokenView[] }>(server, '/api/console/api-tokens', { token: s.admin });
  assert.ok(!JSON.stringify(listed.body).includes(secret), 'the list never shows the secret');
  assert.equal(listed.body.tokens.find((t) => t.id === token.id)!.name, 'CRM sync');

  // Read: tickets and contacts. Write: contacts only.
  assert.equal((await api(server, '/api/console/tickets', { token: secret })).status, 200);
  assert.equal((await api(server, '/api/console/contacts', { token: secret })).status, 200);
  const write = await api(server, '/api/console/tickets/canned', { token: secret, json: { title: 'Hi', body: 'Hello' } });
  assert.equal(write.status, 403);
  assert.match((write.body as { error: { message: string } }).error.message, /tickets:write/);
  const erase = await api(server, '/api/console/contacts/00000000-0000-4000-8000-000000000000/erase', { token: secret, json: { confirm: 'x' } });
  assert.notEqual(erase.status, 403, 'contacts:write reaches the erase route (which then finds no such contact)');

  // Nothing outside its scopes: other domains, one's account, the tokens, sign-out.
  for (const [method, path] of [
    ['GET', '/api/console/reports'],
    ['GET', '/api/console/people'],
    ['GET', '/api/console/api-tokens'],
    ['POST', '/api/console/api-tokens'],
    ['GET', '/api/auth/me'],
    ['GET', '/api/auth/sessions'],
    ['POST', '/api/auth/logout'],
  ] as const) {
    const r = await api(server, path, { token: secret, method, ...(method === 'POST' ? { json: { name: 'x', scopes: ['kb:read'] } } : {}) });
    assert.equal(r.status, 403, `${method} ${path}`);
  }
  // Another site's data: refused before the route looks.
  const other = await api(server, `/api/console/tickets?site=00000000-0000-4000-8000-000000000000`, { token: secret });
  assert.equal(other.status, 403);
  // And the agent socket: REST only.
  await assert.rejects(connect(server.url, '/agent', { token: secret }));

  const audit = await server.database.db.select().from(auditLog).where(eq(auditLog.targetId, token.id));
  assert.deepEqual(audit.map((a) => a.action), ['api_token.created']);
  assert.equal(audit[0]!.actorId, server.accounts.admin.id);
});

test('revoked, unknown or made by someone since deactivated: 401', async () => {
  const siteId = await siteIdOf(server);
  const made = (await create({ name: 'Reports', scopes: ['reports:read', 'tickets:read'] })).body;
  assert.equal((await api(server, '/api/console/tickets', { token: made.secret })).status, 200);
  const revoked = await api<{ token: ApiTokenView }>(server, `/api/console/api-tokens/${made.token.id}`, { token: s.admin, method: 'DELETE' });
  assert.equal(revoked.status, 200);
  assert.ok(revoked.body.token.revokedAt);
  assert.equal((await api(server, '/api/console/tickets', { token: made.secret })).status, 401);
  assert.equal((await api(server, `/api/console/api-tokens/${made.token.id}`, { token: s.admin, method: 'DELETE' })).status, 409, 'already revoked');
  assert.equal((await api(server, '/api/console/tickets', { token: `pat_${'x'.repeat(43)}` })).status, 401);

  // A second admin makes a token, then is deactivated: the token stops with them.
  assert.equal((await api(server, `/api/console/people/${s.supervisorId}`, { token: s.admin, method: 'PATCH', json: { role: 'admin' } })).status, 200);
  const theirs = (await create({ name: 'Ops', scopes: ['tickets:read'] }, s.supervisor)).body;
  assert.equal((await api(server, '/api/console/tickets', { token: theirs.secret })).status, 200);
  assert.equal((await api(server, `/api/console/people/${s.supervisorId}/deactivate`, { token: s.admin, method: 'POST' })).status, 200);
  assert.equal((await api(server, '/api/console/tickets', { token: theirs.secret })).status, 401);
  assert.ok(siteId);
});
