import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { HealthStatus } from '@parley/protocol';
import { startTestServer } from '../testing.js';
import type { TestServer } from '../testing.js';

let server: TestServer;
let dist: string;

before(async () => {
  dist = mkdtempSync(join(tmpdir(), 'parley-dist-'));
  mkdirSync(join(dist, 'elements'));
  mkdirSync(join(dist, 'demo'));
  writeFileSync(join(dist, 'parley.js'), 'window.ParleyLoaded=1;');
  writeFileSync(join(dist, 'elements', 'chat.js'), 'export const chat = 1;');
  writeFileSync(join(dist, 'demo', 'index.html'), '<script src="/parley.js" data-site="{{SITE_KEY}}" async></script><p>{{SITE_KEY}}</p>');
  writeFileSync(join(dist, 'secret.txt'), 'inside');
  server = await startTestServer({ config: { distDir: dist } });
});
after(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

test('GET /health reports the database', async () => {
  const res = await fetch(server.url + '/health');
  assert.equal(res.status, 200);
  const body = (await res.json()) as HealthStatus;
  assert.equal(body.status, 'ok');
  assert.equal(body.database.ok, true);
  assert.equal(body.database.driver, process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  assert.equal(typeof body.database.latencyMs, 'number');
});

test('GET /health answers 503 when the database is gone', async () => {
  const other = await startTestServer({ config: { distDir: dist } });
  try {
    await other.database.close();
    const res = await fetch(other.url + '/health');
    assert.equal(res.status, 503);
    const body = (await res.json()) as HealthStatus;
    assert.equal(body.status, 'degraded');
    assert.equal(body.database.ok, false);
  } finally {
    await other.app.close();
    await other.close().catch(() => undefined);
  }
});

test('serves the loader and elements from dist with JavaScript types', async () => {
  const loader = await fetch(server.url + '/parley.js');
  assert.equal(loader.status, 200);
  assert.match(loader.headers.get('content-type') ?? '', /text\/javascript/);
  assert.equal(await loader.text(), 'window.ParleyLoaded=1;');
  const chat = await fetch(server.url + '/elements/chat.js');
  assert.equal(await chat.text(), 'export const chat = 1;');
  assert.equal((await fetch(server.url + '/elements/missing.js')).status, 404);
  assert.equal((await fetch(server.url + '/elements/..%2F..%2Fetc%2Fpasswd')).status, 404);
});

test('demo pages get the site key and a strict CSP without inline scripts', async () => {
  const res = await fetch(server.url + '/');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.ok(!html.includes('{{SITE_KEY}}'));
  assert.equal(html.split(server.siteKey).length - 1, 2);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.ok(!/script-src[^;]*unsafe-inline/.test(csp));
  assert.ok(!csp.includes('unsafe-eval'));
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /style-src 'self'(;|$)/, 'no inline styles either');
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.match(csp, /trusted-types parley lit-html(;|$)/);
  for (const page of ['/help', '/console', '/intranet']) {
    const r = await fetch(server.url + page);
    assert.equal(r.status, 200, page);
    assert.equal(r.headers.get('content-security-policy'), csp, `${page} runs under the same CSP`);
  }
});

test('without a build every front-end URL answers 503 "run pnpm build", and the API still works', async () => {
  const saved = server.app.ctx.config.distDir;
  server.app.ctx.config.distDir = join(dist, 'nope');
  try {
    for (const path of ['/parley.js', '/elements/chat.js', '/console']) {
      const res = await fetch(server.url + path);
      assert.equal(res.status, 503, path);
      assert.match(await res.text(), /run pnpm build/);
    }
    assert.equal(server.app.ctx.state.distWarned, true);
    assert.equal((await fetch(server.url + '/health')).status, 200);
  } finally {
    server.app.ctx.config.distDir = saved;
  }
});

test('unknown API routes answer a JSON not_found', async () => {
  const res = await fetch(server.url + '/api/nope');
  assert.equal(res.status, 404);
  assert.deepEqual(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
});

test('GET /favicon.ico answers an icon, so demo pages log no 404', async () => {
  const res = await fetch(server.url + '/favicon.ico');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/svg+xml');
  assert.match(await res.text(), /^<svg /);
});

test('GET /t/:token serves the ticket page with that token, under the strict CSP, never sending it on as a referrer', async () => {
  const token = 'Ab0_-'.repeat(8) + 'xyz';
  assert.equal(token.length, 43);
  const res = await fetch(`${server.url}/t/${token}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.ok(html.includes(`<parley-ticket token="${token}"`), 'the element carries the token');
  assert.ok(!html.includes('{{TOKEN}}') && !html.includes('{{SITE_KEY}}'));
  assert.match(html, /<script type="module" src="\/elements\/ticket\.js"><\/script>/);
  // Scripts only from files: every <script> has a src and no body.
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) assert.match(tag, /^<script\b[^>]*\bsrc="[^"]+"[^>]*><\/script>$/, tag);
  assert.ok(!/\sstyle=/.test(html), 'no inline styles');
  const home = await fetch(server.url + '/');
  assert.equal(res.headers.get('content-security-policy'), home.headers.get('content-security-policy'));
  assert.match(res.headers.get('content-security-policy') ?? '', /require-trusted-types-for 'script'/);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
});

test('GET /t/:token with a malformed token is a 404 page that does not echo it', async () => {
  const bad = [
    encodeURIComponent('<img src=x onerror=alert(1)>') + 'a'.repeat(10),
    'a'.repeat(42),
    'a'.repeat(44),
    'a'.repeat(42) + '%3C',
    'a'.repeat(42) + '.',
  ];
  for (const token of bad) {
    const res = await fetch(`${server.url}/t/${token}`);
    assert.equal(res.status, 404, token);
    const html = await res.text();
    assert.match(html, /This link does not open a request/);
    assert.ok(!html.includes('onerror') && !html.includes('aaaaaaaaaa') && !html.includes('<img'), `echoed ${token}`);
    assert.ok(!html.includes('<parley-ticket'), 'no element for a bad token');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  }
});

test('GET /s/:token serves the survey page the same way: the token in the element, no referrer, a bad token a 404 that echoes nothing', async () => {
  const token = 'Zz9-_'.repeat(8) + 'abc';
  const res = await fetch(`${server.url}/s/${token}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.ok(html.includes(`<parley-survey token="${token}"`), 'the element carries the token');
  assert.match(html, /<script type="module" src="\/elements\/survey\.js"><\/script>/);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  const bad = await fetch(`${server.url}/s/${encodeURIComponent('<b>x</b>')}`);
  assert.equal(bad.status, 404);
  const badHtml = await bad.text();
  assert.ok(!badHtml.includes('<b>') && !badHtml.includes('<parley-survey'));
});
