import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import type { SecretRotation, SiteInfo, SiteSettings, SiteWidget } from '@parley/protocol';
import { auditLog, sites } from '../db/schema.js';
import { verifyEmployeeToken } from '../identity/employee-token.js';
import { api, codeOf, fixture, siteIdOf, staff } from '../kb/test-kit.js';
import { call, closeAllSockets, connectVisitor, unwrap } from '../test-clients.js';
import { useTestServer } from '../test-clients.js';
import { userHashOf, verifyUserHash } from './identity-secret.js';

// One movable clock for the server: the rotation grace is 24 h of *its* time.
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const env = useTestServer({ clock });
const tokens = fixture(() => staff(env.server));
const siteId = fixture(() => siteIdOf(env.server));

const patch = async (json: unknown, token?: string) => api<{ site: SiteSettings }>(env.server, `/api/console/sites/${await siteId()}`, { method: 'PATCH', token: token ?? (await tokens()).admin, json });
const row = async () => (await env.server.database.db.select().from(sites).where(eq(sites.id, await siteId())))[0]!;

test('agents and supervisors get 403 on every site route; admins get the settings without any secret', async () => {
  const t = await tokens();
  const id = await siteId();
  const routes: Array<[string, string, unknown?]> = [
    ['GET', '/api/console/sites'],
    ['GET', `/api/console/sites/${id}`],
    ['PATCH', `/api/console/sites/${id}`, { name: 'Hijacked' }],
    ['POST', `/api/console/sites/${id}/secret`, {}],
  ];
  for (const [method, path, json] of routes) {
    for (const who of ['alice', 'supervisor'] as const) {
      const r = await api(env.server, path, { method, token: t[who], ...(json !== undefined ? { json } : {}) });
      assert.equal(r.status, 403, `${who} ${method} ${path}`);
    }
    assert.equal((await api(env.server, path, { method, ...(json !== undefined ? { json } : {}) })).status, 401, `anonymous ${method} ${path}`);
  }
  assert.equal((await row()).name, 'Acme Demo', 'nothing changed');
  const list = await api<{ sites: SiteSettings[] }>(env.server, '/api/console/sites', { token: t.admin });
  assert.equal(list.status, 200);
  const secret = (await row()).secret;
  assert.ok(!JSON.stringify(list.body).includes(secret), 'the secret is never listed');
  const one = await api<{ site: SiteSettings }>(env.server, `/api/console/sites/${id}`, { token: t.admin });
  assert.equal(one.body.site.key, env.server.siteKey);
  assert.ok(!JSON.stringify(one.body).includes(secret), 'nor read');
  assert.equal(one.body.site.widget.colour, '#2f5bd3');
});

test('bad origins, colours, JWKS URLs and names are 400s naming the problem; nothing is stored', async () => {
  const before = await row();
  const cases: Array<[unknown, RegExp]> = [
    [{ allowedOrigins: ['shop.example'] }, /not an origin/],
    [{ allowedOrigins: ['ftp://shop.example'] }, /https:\/\/ or http:\/\//],
    [{ allowedOrigins: ['https://shop.example/'] }, /exact origin/],
    [{ allowedOrigins: ['https://shop.example/path'] }, /exact origin/],
    [{ allowedOrigins: ['*', 'https://shop.example'] }, /list it alone/],
    [{ widget: { colour: 'blue' } }, /hex colour/],
    [{ widget: { colour: '#12345' } }, /hex colour/],
    [{ widget: { position: 'top' } }, /left or right/],
    [{ widget: { offset: 500 } }, /at most 200/],
    [{ employeeJwksUrl: 'http://idp.example/jwks.json' }, /https/],
    [{ employeeJwksUrl: 'not a url' }, /https/],
    [{ name: '   ' }, /name is empty/],
    [{}, /nothing to change/],
    [{ secret: 'mine' }, /secret/],
  ];
  for (const [json, message] of cases) {
    const r = await patch(json);
    assert.equal(r.status, 400, JSON.stringify(json));
    assert.match((r.body as unknown as { error: { message: string } }).error.message, message, JSON.stringify(json));
  }
  assert.deepEqual(await row(), before);
});

test('an admin saves origins, JWKS URL and the widget; low contrast is a warning; the change is audited without secrets', async () => {
  const r = await patch({
    allowedOrigins: ['https://shop.example', 'http://localhost:5173'],
    employeeJwksUrl: 'https://idp.example/.well-known/jwks.json',
    widget: { colour: '#FFCC00', position: 'left', offset: 32, greeting: { en: 'Hello from Acme!', 'zh-CN': '欢迎来到 Acme！', 'zh-TW': '  ' }, offlineMessage: { en: 'We are closed; leave a message.' } },
  });
  assert.equal(r.status, 200);
  const s = r.body.site;
  assert.deepEqual(s.allowedOrigins, ['https://shop.example', 'http://localhost:5173']);
  assert.equal(s.employeeJwksUrl, 'https://idp.example/.well-known/jwks.json');
  assert.equal(s.widget.colour, '#ffcc00');
  assert.deepEqual(s.widget.greeting, { en: 'Hello from Acme!', 'zh-CN': '欢迎来到 Acme！' }, 'a blank locale is not stored');
  assert.ok(s.contrast < 4.5);
  assert.match(s.warnings[0]!, /contrast of 1\.\d\d:1, below the 4\.5:1/);
  const good = await patch({ widget: { colour: '#1d4ed8' } });
  assert.deepEqual(good.body.site.warnings, []);
  assert.equal(good.body.site.widget.position, 'left', 'a partial widget keeps the rest');

  const [entry] = await env.server.database.db.select().from(auditLog).where(eq(auditLog.action, 'site.updated')).limit(1);
  assert.ok(entry);
  assert.deepEqual((entry!.before as { allowedOrigins: string[] }).allowedOrigins, ['*']);
  assert.equal((entry!.after as { employeeJwksUrl: string }).employeeJwksUrl, 'https://idp.example/.well-known/jwks.json');
  assert.ok(!JSON.stringify([entry!.before, entry!.after]).includes((await row()).secret));

  // The public config the widget reads, and the greeting a new conversation opens with.
  const info = (await (await fetch(`${env.server.url}/api/sites/${env.server.siteKey}`, { headers: { origin: 'https://shop.example' } })).json()) as SiteInfo;
  assert.equal(info.widget.colour, '#1d4ed8');
  assert.equal(info.widget.offlineMessage.en, 'We are closed; leave a message.');
  const widget = await fetch(`${env.server.url}/api/sites/${env.server.siteKey}/widget`, { headers: { origin: 'https://shop.example' } });
  assert.equal(widget.status, 200);
  assert.match(widget.headers.get('cache-control') ?? '', /max-age=300/);
  assert.deepEqual(((await widget.json()) as SiteWidget).position, 'left');
  assert.equal((await fetch(`${env.server.url}/api/sites/${env.server.siteKey}/widget`, { headers: { origin: 'https://evil.example' } })).status, 403);
  const { socket } = await connectVisitor(env.server);
  const sync = unwrap(await call<{ messages: Array<{ author: string; body: string }> }>(socket, 'conversation:start', { locale: 'zh-CN' }));
  assert.equal(sync.messages[0]!.body, '欢迎来到 Acme！');
  socket.disconnect();
  closeAllSockets();
  await patch({ allowedOrigins: ['*'], employeeJwksUrl: null });
});

test('rotating the secret shows it once; the previous one verifies employee tokens and userHash for 24 h, then not', async () => {
  const id = await siteId();
  const old = (await row()).secret;
  const sign = (secret: string) => {
    const iat = Math.floor(clock().getTime() / 1000);
    return new SignJWT({ name: 'Wang Fang' }).setProtectedHeader({ alg: 'HS256' }).setSubject('E1001').setIssuedAt(iat).setExpirationTime(iat + 3600).sign(new TextEncoder().encode(secret));
  };
  const surveys = async (token: string) => api(env.server, `/api/surveys/employee/${env.server.siteKey}`, { token });

  const r = await api<SecretRotation>(env.server, `/api/console/sites/${id}/secret`, { method: 'POST', token: (await tokens()).admin, json: {} });
  assert.equal(r.status, 201);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const fresh = r.body.secret;
  assert.notEqual(fresh, old);
  assert.equal((await row()).secret, fresh);
  assert.equal(Date.parse(r.body.previousValidUntil) - clock().getTime() > 23.9 * 3600_000, true);
  const read = await api<{ site: SiteSettings }>(env.server, `/api/console/sites/${id}`, { token: (await tokens()).admin });
  assert.equal(read.body.site.previousSecretExpiresAt, r.body.previousValidUntil);
  assert.ok(!JSON.stringify(read.body).includes(fresh) && !JSON.stringify(read.body).includes(old));

  // Within the grace period: both secrets work, through the real employee route and for userHash.
  offsetMs = 23 * 3600_000;
  assert.equal((await surveys(await sign(old))).status, 200, 'old secret, 23 h later');
  assert.equal((await surveys(await sign(fresh))).status, 200, 'new secret');
  assert.equal(verifyUserHash(await row(), 'user-42', userHashOf(old, 'user-42'), clock()), true);
  assert.equal(verifyUserHash(await row(), 'user-42', userHashOf(fresh, 'user-42'), clock()), true);
  assert.equal(verifyUserHash(await row(), 'user-42', userHashOf(old, 'user-43'), clock()), false, 'a hash of another user');

  // After it: only the new one.
  offsetMs = 24 * 3600_000 + 60_000;
  const refused = await surveys(await sign(old));
  assert.equal(refused.status, 401);
  assert.equal(codeOf(refused), 'unauthorized');
  await assert.rejects(verifyEmployeeToken(await sign(old), await row(), clock()), /not valid for this site/);
  assert.equal((await surveys(await sign(fresh))).status, 200);
  assert.equal(verifyUserHash(await row(), 'user-42', userHashOf(old, 'user-42'), clock()), false);
  assert.equal(verifyUserHash(await row(), 'user-42', userHashOf(fresh, 'user-42'), clock()), true);

  const [entry] = await env.server.database.db.select().from(auditLog).where(eq(auditLog.action, 'site.secret_rotated'));
  assert.deepEqual((entry!.after as { secret: string }).secret, 'rotated');
  assert.ok(!JSON.stringify(entry).includes(fresh) && !JSON.stringify(entry).includes(old));
  offsetMs = 0;
});
