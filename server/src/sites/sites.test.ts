import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { SiteInfo, VisitorSession } from '@parley/protocol';
import { sha256 } from '../auth/password.js';
import { sites, visitors } from '../db/schema.js';
import { seed } from '../db/seed.js';
import { closeAllSockets, connect, connectAgent, connectVisitor, useTestServer } from '../test-clients.js';

const env = useTestServer();

test('the seed is idempotent and holds the demo data', async () => {
  const again = await seed(env.server.database.db);
  assert.equal(again.created, false);
  assert.equal(again.site.key, env.server.siteKey);
  assert.equal((await env.server.database.db.select().from(sites)).length, 1);
  const info = (await (await fetch(`${env.server.url}/api/sites/${env.server.siteKey}`)).json()) as SiteInfo;
  assert.equal(info.name, 'Acme Demo');
  assert.deepEqual(info.departments.map((d) => [d.name.en, d.name['zh-CN'], d.name['zh-TW'], d.routing]), [
    ['Sales', '售前咨询', '售前諮詢', 'manual'],
    ['Support', '售后服务', '售後服務', 'auto'],
  ]);
  assert.equal(info.agentsOnline, 0);
});

test('site info counts online agents', async () => {
  await connectAgent(env.server, env.server.accounts.bob);
  await new Promise((r) => setTimeout(r, 150));
  const info = (await (await fetch(`${env.server.url}/api/sites/${env.server.siteKey}`)).json()) as SiteInfo;
  assert.equal(info.agentsOnline, 1);
  closeAllSockets();
});

test('unknown site key is a JSON 404', async () => {
  const res = await fetch(`${env.server.url}/api/sites/site_nope`);
  assert.equal(res.status, 404);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
});

test('visitor session: a token whose hash is stored, bound to the site, locale from Accept-Language', async () => {
  const res = await fetch(`${env.server.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'zh-TW,zh;q=0.9' }, body: JSON.stringify({ siteKey: env.server.siteKey }) });
  assert.equal(res.status, 201);
  const session = (await res.json()) as VisitorSession;
  assert.ok(session.token.length >= 32);
  const [row] = await env.server.database.db.select().from(visitors).where(eq(visitors.id, session.visitorId));
  assert.equal(row!.tokenHash, sha256(session.token));
  assert.equal(row!.locale, 'zh-TW');
  const bad = await fetch(`${env.server.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: '' }) });
  assert.equal(bad.status, 400);
});

test('CORS follows the site allowlist', async () => {
  const db = env.server.database.db;
  await db.update(sites).set({ allowedOrigins: ['https://shop.example'] }).where(eq(sites.key, env.server.siteKey));
  try {
    const allowed = await fetch(`${env.server.url}/api/sites/${env.server.siteKey}`, { headers: { origin: 'https://shop.example' } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    const denied = await fetch(`${env.server.url}/api/sites/${env.server.siteKey}`, { headers: { origin: 'https://evil.example' } });
    assert.equal(denied.status, 403);
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    const deniedSession = await fetch(`${env.server.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ siteKey: env.server.siteKey }) });
    assert.equal(deniedSession.status, 403);
    const count = (await db.select().from(visitors)).length;
    const okSession = await fetch(`${env.server.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://shop.example' }, body: JSON.stringify({ siteKey: env.server.siteKey }) });
    assert.equal(okSession.status, 201);
    assert.equal((await db.select().from(visitors)).length, count + 1);
  } finally {
    await db.update(sites).set({ allowedOrigins: ['*'] }).where(eq(sites.key, env.server.siteKey));
  }
});

test('a handshake refreshes last_seen_at when it is stale, and does not rewrite it on every reconnect', async () => {
  const { socket, session } = await connectVisitor(env.server);
  socket.disconnect();
  const row = async () => (await env.server.database.db.select({ at: visitors.lastSeenAt }).from(visitors).where(eq(visitors.id, session.visitorId)))[0]!.at;
  const stale = new Date(Date.now() - 10 * 60_000);
  await env.server.database.db.update(visitors).set({ lastSeenAt: stale }).where(eq(visitors.id, session.visitorId));
  const again = await connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: session.token });
  const refreshed = await row();
  assert.ok(refreshed.getTime() > stale.getTime() + 9 * 60_000, 'a stale value is refreshed');
  again.disconnect();
  const third = await connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: session.token });
  assert.equal((await row()).getTime(), refreshed.getTime(), 'a reconnect within the minute writes nothing');
  third.disconnect();
});
