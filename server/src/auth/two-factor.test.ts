import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { ROUTE_RULES, isStaffRule } from '../agents/access-rules.js';
import { auditLog } from '../db/schema.js';
import { connect, login, nextEvent, useTestServer } from '../test-clients.js';
import { TOTP_PERIOD, totpCodeAt } from './totp.js';

// A clock the tests move in whole 30-second steps, so which step a code belongs to is certain.
let now = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
const tick = (steps: number) => (now += steps * TOTP_PERIOD * 1000);
const env = useTestServer({ config: { admin2fa: 'required' }, clock: () => new Date(now) });
const at = (steps: number) => new Date(now + steps * TOTP_PERIOD * 1000);
const ENROLMENT_REQUIRED = 'two_factor_enrolment_required';

type Json = Record<string, any>;
async function api(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(env.server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}
const password = (who: 'admin' | 'alice' | 'bob') => ({ email: env.server.accounts[who].email, password: env.server.accounts[who].password });
const resetThrottle = () => env.server.app.ctx.state.loginFailures.clear();

/** The admin's state across tests: enrolled in the first one. */
const admin = { secret: '', recoveryCodes: [] as string[] };

async function challenge(who: 'admin' | 'alice' | 'bob' = 'admin'): Promise<string> {
  const res = await api('POST', '/api/auth/login', undefined, password(who));
  assert.equal(res.status, 200);
  assert.equal(res.body.twoFactor, 'required', 'a password alone gives a challenge, not a session');
  assert.equal(res.body.token, undefined);
  return res.body.challenge as string;
}

test('an admin without two-factor gets an enrol-only session: every other route and the socket refuse it', async () => {
  const res = await api('POST', '/api/auth/login', undefined, password('admin'));
  assert.equal(res.status, 200);
  assert.equal(res.body.enrolOnly, true);
  const token = res.body.token as string;

  assert.equal((await api('GET', '/api/auth/me', token)).status, 200);
  const account = await api('GET', '/api/auth/account', token);
  assert.equal(account.body.enrolOnly, true);
  assert.deepEqual({ enabled: account.body.twoFactor.enabled, required: account.body.twoFactor.required }, { enabled: false, required: true });

  // Every staff route the app has, whatever domain added it (the access table lists them all): refused
  // before the handler runs, except the few that enrolment needs.
  const open = new Set(['POST /api/auth/logout', 'GET /api/auth/me', 'GET /api/auth/account', 'POST /api/auth/two-factor/start', 'POST /api/auth/two-factor/confirm']);
  const routes = Object.entries(ROUTE_RULES)
    .filter(([key, rule]) => isStaffRule(rule) && !open.has(key))
    .map(([key]) => ({ method: key.split(' ')[0]!, path: key.split(' ')[1]! }));
  assert.ok(routes.length > 20, `found ${routes.length} routes`);
  for (const r of routes) {
    const path = r.path.replace(/:[^/]+/g, '00000000-0000-4000-8000-000000000000');
    const refused = await api(r.method, path, token, ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined);
    assert.equal(refused.status, 403, `${r.method} ${r.path}`);
    assert.equal(refused.body.error?.code, ENROLMENT_REQUIRED, `${r.method} ${r.path}`);
  }
  await assert.rejects(connect(env.server.url, '/agent', { token }), (err: Error & { data?: { code: string } }) => err.data?.code === ENROLMENT_REQUIRED);

  // Enrolment: the secret once, a QR code made by the server, then the first code turns it on.
  const start = await api('POST', '/api/auth/two-factor/start', token);
  assert.equal(start.status, 200);
  assert.match(start.body.secret, /^[A-Z2-7]{32}$/);
  assert.match(start.body.uri, /^otpauth:\/\/totp\/Parley:admin%40parley\.test\?/);
  assert.match(start.body.qrDataUrl, /^data:image\/svg\+xml;base64,/);
  assert.match(Buffer.from(start.body.qrDataUrl.split(',')[1], 'base64').toString(), /<svg/);
  admin.secret = start.body.secret;
  const wrong = await api('POST', '/api/auth/two-factor/confirm', token, { code: '000000' === totpCodeAt(admin.secret, at(0)) ? '111111' : '000000' });
  assert.equal(wrong.status, 400);
  const confirmed = await api('POST', '/api/auth/two-factor/confirm', token, { code: totpCodeAt(admin.secret, at(0)) });
  assert.equal(confirmed.status, 200);
  assert.equal(confirmed.body.recoveryCodes.length, 10);
  assert.equal(new Set(confirmed.body.recoveryCodes).size, 10);
  admin.recoveryCodes = confirmed.body.recoveryCodes;

  // The same session now reaches everything.
  assert.equal((await api('GET', '/api/auth/sessions', token)).status, 200);
  const socket = await connect(env.server.url, '/agent', { token });
  assert.equal(socket.connected, true);
  socket.close();
  const [entry] = await env.server.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.two_factor_enabled'), eq(auditLog.actorId, env.server.accounts.admin.id)));
  assert.ok(entry);
});

test('a valid code signs in once: the same code again is refused, the next step is accepted', async () => {
  // The code of the step enrolment used is spent already.
  const replayOfEnrolment = await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), code: totpCodeAt(admin.secret, at(0)) });
  assert.equal(replayOfEnrolment.status, 401);
  tick(1);
  const code = totpCodeAt(admin.secret, at(0));
  const ok = await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), code });
  assert.equal(ok.status, 200);
  assert.ok(ok.body.token);
  assert.equal(ok.body.enrolOnly, undefined);
  assert.equal((await api('GET', '/api/console/tickets', ok.body.token)).status, 200);
  const replay = await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), code });
  assert.equal(replay.status, 401);
  assert.equal(replay.body.error.code, 'unauthorized');
  // The same fresh code sent twice at once (as two processes might see it): exactly one is accepted.
  tick(1);
  const [c1, c2] = [await challenge(), await challenge()];
  const fresh = totpCodeAt(admin.secret, at(0));
  const both = await Promise.all([c1, c2].map((ch) => api('POST', '/api/auth/login/verify', undefined, { challenge: ch, code: fresh })));
  assert.deepEqual(both.map((r) => r.status).sort(), [200, 401]);
  resetThrottle();
});

test('a code one step early or late is accepted, two steps is not, and never an earlier step than the last', async () => {
  tick(3);
  const verify = async (steps: number) => (await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), code: totpCodeAt(admin.secret, at(steps)) })).status;
  assert.equal(await verify(-2), 401, 'two steps behind');
  assert.equal(await verify(2), 401, 'two steps ahead');
  assert.equal(await verify(-1), 200, 'one step behind');
  assert.equal(await verify(1), 200, 'one step ahead');
  assert.equal(await verify(0), 401, 'now is earlier than the step last accepted');
  resetThrottle();
  tick(1);
  assert.equal(await verify(0), 401, 'now is the step last accepted (one ahead, a step ago)');
  assert.equal(await verify(1), 200, 'the next one is fine');
  resetThrottle();
});

test('a recovery code works once, however it is typed; wrong codes are throttled like passwords', async () => {
  const code = admin.recoveryCodes[0]!;
  const typed = code.toUpperCase().replaceAll('-', ' ');
  const first = await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), recoveryCode: typed });
  assert.equal(first.status, 200);
  const again = await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), recoveryCode: code });
  assert.equal(again.status, 401);
  const account = await api('GET', '/api/auth/account', first.body.token);
  assert.equal(account.body.twoFactor.recoveryCodesLeft, 9);

  // One challenge, five wrong codes: then the right code is refused too, for a while.
  resetThrottle();
  tick(3);
  const ch = await challenge();
  for (let i = 0; i < 5; i++) assert.equal((await api('POST', '/api/auth/login/verify', undefined, { challenge: ch, code: '12345' + (i % 10) })).status, 401);
  const blocked = await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), code: totpCodeAt(admin.secret, at(0)) });
  assert.equal(blocked.status, 429);
  resetThrottle();
  assert.equal((await api('POST', '/api/auth/login/verify', undefined, { challenge: ch, code: totpCodeAt(admin.secret, at(0)) })).status, 401, 'a challenge dies after five wrong codes');
  const fresh = await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), code: totpCodeAt(admin.secret, at(0)) });
  assert.equal(fresh.status, 200);

  // New recovery codes replace the old ones; an admin under ADMIN_2FA=required cannot turn it off.
  tick(1);
  const regenerated = await api('POST', '/api/auth/two-factor/recovery-codes', fresh.body.token, { code: totpCodeAt(admin.secret, at(0)) });
  assert.equal(regenerated.status, 200);
  assert.equal(regenerated.body.recoveryCodes.length, 10);
  assert.equal((await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), recoveryCode: admin.recoveryCodes[1] })).status, 401, 'old codes are gone');
  admin.recoveryCodes = regenerated.body.recoveryCodes;
  const off = await api('POST', '/api/auth/two-factor/disable', fresh.body.token, { password: env.server.accounts.admin.password });
  assert.equal(off.status, 403);
  resetThrottle();
});

test('the switch for everyone: agents without two-factor are held to enrolment at once; only an admin may flip it', async () => {
  tick(1);
  const adminSession = await api('POST', '/api/auth/login/verify', undefined, { challenge: await challenge(), code: totpCodeAt(admin.secret, at(0)) });
  const adminToken = adminSession.body.token as string;
  const alice = await login(env.server.url, env.server.accounts.alice);
  assert.equal((await api('PUT', '/api/auth/policy', alice.token, { requireTwoFactorForAll: true })).status, 403);
  const socket = await connect(env.server.url, '/agent', { token: alice.token });
  const dropped = nextEvent(socket, 'disconnect');

  const on = await api('PUT', '/api/auth/policy', adminToken, { requireTwoFactorForAll: true });
  assert.deepEqual(on.body, { requireTwoFactorForAll: true, adminTwoFactor: 'required' });
  assert.equal(await dropped, 'io server disconnect');
  const refused = await api('GET', '/api/console/tickets', alice.token);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, ENROLMENT_REQUIRED);
  const fresh = await api('POST', '/api/auth/login', undefined, password('alice'));
  assert.equal(fresh.body.enrolOnly, true);
  await assert.rejects(connect(env.server.url, '/agent', { token: fresh.body.token }), (err: Error & { data?: { code: string } }) => err.data?.code === ENROLMENT_REQUIRED);

  const off = await api('PUT', '/api/auth/policy', adminToken, { requireTwoFactorForAll: false });
  assert.equal(off.body.requireTwoFactorForAll, false);
  assert.equal((await api('GET', '/api/console/tickets', alice.token)).status, 200, 'a session is held only while the policy requires it');
  const entries = await env.server.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.policy_changed'));
  assert.deepEqual(entries.map((e) => e.after), [{ requireTwoFactorForAll: true }, { requireTwoFactorForAll: false }]);
});

test('an agent may turn two-factor on and off (with their password or a code), and nothing else needs it', async () => {
  const bob = await login(env.server.url, env.server.accounts.bob);
  const start = await api('POST', '/api/auth/two-factor/start', bob.token);
  const confirmed = await api('POST', '/api/auth/two-factor/confirm', bob.token, { code: totpCodeAt(start.body.secret, at(0)) });
  assert.equal(confirmed.status, 200);
  assert.equal((await api('POST', '/api/auth/two-factor/start', bob.token)).status, 400, 'already on');
  assert.equal((await api('POST', '/api/auth/two-factor/disable', bob.token, { password: 'not-it' })).status, 400);
  assert.equal((await api('POST', '/api/auth/two-factor/disable', bob.token, { password: env.server.accounts.bob.password })).status, 200);
  const account = await api('GET', '/api/auth/account', bob.token);
  assert.equal(account.body.twoFactor.enabled, false);
  assert.equal((await api('POST', '/api/auth/login', undefined, password('bob'))).body.token !== undefined, true, 'a password alone again');
  const [entry] = await env.server.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.two_factor_disabled'), eq(auditLog.actorId, env.server.accounts.bob.id)));
  assert.ok(entry);
  resetThrottle();
});

test('changing the password needs the current one and ends every other session, sockets included', async () => {
  const here = await login(env.server.url, env.server.accounts.bob);
  const elsewhere = await login(env.server.url, env.server.accounts.bob);
  const socket = await connect(env.server.url, '/agent', { token: elsewhere.token });
  const dropped = nextEvent(socket, 'disconnect');
  assert.equal((await api('POST', '/api/auth/password', here.token, { currentPassword: 'wrong', newPassword: 'a brand new secret' })).status, 400);
  assert.equal((await api('POST', '/api/auth/password', here.token, { currentPassword: env.server.accounts.bob.password, newPassword: 'short' })).status, 400);
  const changed = await api('POST', '/api/auth/password', here.token, { currentPassword: env.server.accounts.bob.password, newPassword: 'a brand new secret' });
  assert.equal(changed.status, 200);
  assert.ok(changed.body.endedSessions >= 1);
  assert.equal(await dropped, 'io server disconnect');
  assert.equal((await api('GET', '/api/auth/me', elsewhere.token)).status, 401);
  assert.equal((await api('GET', '/api/auth/me', here.token)).status, 200, 'the session that changed it stays');
  assert.equal((await api('POST', '/api/auth/login', undefined, password('bob'))).status, 401, 'the old password is gone');
  const again = await api('POST', '/api/auth/login', undefined, { email: env.server.accounts.bob.email, password: 'a brand new secret' });
  assert.equal(again.status, 200);
  const [entry] = await env.server.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.password_changed'), eq(auditLog.actorId, env.server.accounts.bob.id)));
  assert.ok(entry);
  // Put it back for the tests below.
  await api('POST', '/api/auth/password', again.body.token, { currentPassword: 'a brand new secret', newPassword: env.server.accounts.bob.password });
  resetThrottle();
});

test('a person lists their own sessions and ends one or all the others', async () => {
  const a = await api('POST', '/api/auth/login', undefined, password('alice'));
  const b = await api('POST', '/api/auth/login', undefined, password('alice'));
  const c = await api('POST', '/api/auth/login', undefined, password('alice'));
  const list = await api('GET', '/api/auth/sessions', a.body.token);
  assert.equal(list.status, 200);
  const sessions = list.body as unknown as Array<{ id: string; current: boolean; userAgent: string | null; lastUsedAt: string | null }>;
  assert.equal(sessions.filter((s) => s.current).length, 1);
  assert.ok(sessions.length >= 3);
  const bId = (await api('GET', '/api/auth/sessions', b.body.token)).body as unknown as Array<{ id: string; current: boolean }>;
  const bSession = bId.find((s) => s.current)!;
  assert.equal((await api('DELETE', `/api/auth/sessions/${bSession.id}`, a.body.token)).status, 200);
  assert.equal((await api('GET', '/api/auth/me', b.body.token)).status, 401);
  // Someone else's session is not theirs to end.
  const bob = await login(env.server.url, env.server.accounts.bob);
  const bobSessions = (await api('GET', '/api/auth/sessions', bob.token)).body as unknown as Array<{ id: string; current: boolean }>;
  assert.equal((await api('DELETE', `/api/auth/sessions/${bobSessions.find((s) => s.current)!.id}`, a.body.token)).status, 404);
  const ended = await api('POST', '/api/auth/sessions/end-others', a.body.token);
  assert.ok(ended.body.ended >= 1);
  assert.equal((await api('GET', '/api/auth/me', c.body.token)).status, 401);
  assert.equal((await api('GET', '/api/auth/me', a.body.token)).status, 200);
  assert.equal((await api('GET', '/api/auth/me', bob.token)).status, 200);
});
