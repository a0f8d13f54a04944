import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { agentSessions } from '../db/schema.js';
import { connect, login, nextEvent, useTestServer } from '../test-clients.js';
import { LOGIN_FAILED, THROTTLE } from './service.js';
import { sha256 } from './password.js';

const env = useTestServer();

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(env.server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

test('login returns a session token and the profile; only its hash is stored', async () => {
  const res = await login(env.server.url, env.server.accounts.alice);
  assert.equal(res.agent.email, 'alice@parley.test');
  assert.equal(res.agent.role, 'agent');
  assert.deepEqual(new Set(res.agent.departmentIds), new Set([env.server.departments.sales.id, env.server.departments.support.id]));
  assert.ok(new Date(res.expiresAt).getTime() > Date.now() + 11 * 3_600_000);
  const rows = await env.server.database.db.select().from(agentSessions).where(eq(agentSessions.tokenHash, sha256(res.token)));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.agentId, env.server.accounts.alice.id);
  const all = await env.server.database.db.select({ h: agentSessions.tokenHash }).from(agentSessions);
  assert.ok(all.every((r) => r.h !== res.token), 'the raw token is never stored');

  const me = await fetch(`${env.server.url}/api/auth/me`, { headers: { authorization: `Bearer ${res.token}` } });
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as { id: string }).id, env.server.accounts.alice.id);
});

test('unknown account and wrong password get the same 401 answer', async () => {
  const wrong = await post('/api/auth/login', { email: 'bob@parley.test', password: 'nope' });
  const unknown = await post('/api/auth/login', { email: 'nobody@parley.test', password: 'nope' });
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  const a = await wrong.json();
  const b = await unknown.json();
  assert.deepEqual(a, b);
  assert.deepEqual(a, { error: { code: 'unauthorized', message: LOGIN_FAILED } });
});

test('a malformed login is invalid, not unauthorized', async () => {
  const res = await post('/api/auth/login', { email: 'not-an-email', password: 'x' });
  assert.equal(res.status, 400);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid');
});

test('repeated failures for one email are throttled, even with the right password after', async () => {
  const email = 'admin@parley.test';
  for (let i = 0; i < THROTTLE.maxFailures; i++) assert.equal((await post('/api/auth/login', { email, password: `wrong-${i}` })).status, 401);
  const blocked = await post('/api/auth/login', { email, password: env.server.accounts.admin.password });
  assert.equal(blocked.status, 429);
  const body = (await blocked.json()) as { error: { code: string; retryAfterMs: number } };
  assert.equal(body.error.code, 'rate_limited');
  assert.ok(body.error.retryAfterMs > 0);
  assert.ok(blocked.headers.get('retry-after'));
  // Another account from the same address is not affected.
  assert.equal((await post('/api/auth/login', { email: env.server.accounts.bob.email, password: env.server.accounts.bob.password })).status, 200);
});

test('password spraying: many accounts from one address are throttled too, the same for known and unknown emails', async () => {
  // A clean slate: earlier tests in this file failed logins from this same address.
  env.server.app.ctx.state.loginFailures.clear();
  const emails = Array.from({ length: THROTTLE.maxFailuresPerIp }, (_, i) => (i % 2 ? `nobody-${i}@parley.test` : i === 0 ? 'alice@parley.test' : `ghost-${i}@parley.test`));
  for (const email of emails) assert.equal((await post('/api/auth/login', { email, password: 'Spring2026!' })).status, 401, email);
  // Now every attempt from the address is refused before any password is checked, whatever the account.
  const known = await post('/api/auth/login', { email: env.server.accounts.bob.email, password: env.server.accounts.bob.password });
  const unknown = await post('/api/auth/login', { email: 'never-seen@parley.test', password: 'Spring2026!' });
  assert.equal(known.status, 429);
  assert.equal(unknown.status, 429);
  const a = (await known.json()) as { error: { code: string; message: string } };
  const b = (await unknown.json()) as { error: { code: string; message: string } };
  assert.equal(a.error.code, 'rate_limited');
  assert.equal(a.error.message, b.error.message);
  // The per-account limit still holds on its own: five failures for one email, from a fresh window.
  env.server.app.ctx.state.loginFailures.clear();
  for (let i = 0; i < THROTTLE.maxFailures; i++) await post('/api/auth/login', { email: 'bob@parley.test', password: `wrong-${i}` });
  assert.equal((await post('/api/auth/login', { email: 'bob@parley.test', password: env.server.accounts.bob.password })).status, 429);
  assert.equal((await post('/api/auth/login', { email: env.server.accounts.alice.email, password: env.server.accounts.alice.password })).status, 200);
  env.server.app.ctx.state.loginFailures.clear();
});

test('agent handshake refuses a missing or unknown token with connect_error data.code', async () => {
  await assert.rejects(connect(env.server.url, '/agent', {}), (err: Error & { data?: { code: string } }) => err.data?.code === 'unauthorized');
  await assert.rejects(connect(env.server.url, '/agent', { token: 'x'.repeat(43) }), (err: Error & { data?: { code: string } }) => err.data?.code === 'unauthorized');
});

test('logout revokes the session and disconnects its sockets, and only those', async () => {
  const one = await login(env.server.url, env.server.accounts.bob);
  const two = await login(env.server.url, env.server.accounts.bob);
  const s1 = await connect(env.server.url, '/agent', { token: one.token });
  const s2 = await connect(env.server.url, '/agent', { token: two.token });
  const dropped = nextEvent(s1, 'disconnect', () => true);
  const res = await fetch(`${env.server.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${one.token}` } });
  assert.equal(res.status, 200);
  assert.equal(await dropped, 'io server disconnect');
  assert.equal(s2.connected, true);
  const me = await fetch(`${env.server.url}/api/auth/me`, { headers: { authorization: `Bearer ${one.token}` } });
  assert.equal(me.status, 401);
  await assert.rejects(connect(env.server.url, '/agent', { token: one.token }), (err: Error & { data?: { code: string } }) => err.data?.code === 'unauthorized');
});

test('a console on another origin can sign in: preflight allows the Authorization header', async () => {
  const origin = 'https://intranet.example.com';
  const preflight = await fetch(`${env.server.url}/api/auth/me`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/i);
  const res = await post('/api/auth/login', { email: env.server.accounts.alice.email, password: env.server.accounts.alice.password }, { origin });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), origin);
  assert.equal(res.headers.get('access-control-allow-credentials'), null, 'no cookies are ever involved');
});
