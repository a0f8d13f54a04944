/**
 * The production build runs on plain Node: `pnpm build` bundles the server into server/dist/, and
 * `node server/dist/main.js` (no tsx, no TypeScript) starts it on PGlite, migrates, creates the
 * production site of PARLEY_ADMIN_EMAIL, serves the console and the built elements, searches the help
 * center in Chinese (jieba's native addon loads from node_modules) and stops cleanly on SIGTERM.
 * Run `pnpm build` first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/net.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const main = join(root, 'server/dist/main.js');

interface Started {
  base: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** `node server/dist/main.js` on a fresh PGlite folder: no --import, no loader, cwd elsewhere. */
async function startBuilt(t: { after(fn: () => void): void }, extraEnv: Record<string, string>): Promise<Started> {
  assert.ok(existsSync(main), 'server/dist/main.js is missing: run `pnpm build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-prod-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const { TEST_DATABASE_URL: _a, DATABASE_URL: _b, NODE_OPTIONS: _c, ...env } = process.env;
  const child = spawn(process.execPath, [main], {
    cwd: tmpdir(),
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', PARLEY_DATA_DIR: dataDir, DEMO_HISTORY: 'off', LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  t.after(() => child.kill('SIGKILL'));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    assert.equal(child.exitCode, null, `the server exited:\n${output}`);
    const health = await fetch(`${base}/health`).then((r) => (r.ok ? (r.json() as Promise<{ status?: string; database?: { driver?: string } }>) : null)).catch(() => null);
    if (health) {
      assert.equal(health.status, 'ok');
      assert.equal(health.database?.driver, 'pglite');
      break;
    }
    assert.ok(Date.now() < deadline, `not healthy within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

const login = (base: string, email: string, password: string) =>
  fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

// One start (each costs PGlite's initdb): the bundle with plain node, the production first start, and a clean stop.
test('node server/dist/main.js runs without tsx; PARLEY_ADMIN_EMAIL starts a site with its admin only, no demo data, no embedding origin; SIGTERM stops it', async (t) => {
  const bundle = readFileSync(main, 'utf8');
  assert.doesNotMatch(bundle, /from ["']tsx|["']@parley\/protocol["']/, 'the bundle neither loads tsx nor imports TypeScript workspace sources');
  const { base, output, stop } = await startBuilt(t, { PARLEY_ADMIN_EMAIL: 'Ops@Example.com', PARLEY_ADMIN_PASSWORD: 'a long enough secret', PARLEY_SITE_NAME: 'Example Ltd' });
  const consolePage = await fetch(`${base}/console`);
  assert.equal(consolePage.status, 200);
  assert.match(await consolePage.text(), /<parley-console/);
  assert.equal((await fetch(`${base}/elements/chat.js`)).status, 200, 'the built elements are served from the repository dist/');
  assert.match(output(), /Example Ltd/);
  assert.doesNotMatch(output(), /parley-admin|alice@parley\.test/, 'no demo passwords are printed');
  assert.equal((await login(base, 'alice@parley.test', 'parley-alice')).status, 401, 'no demo agent exists');
  assert.equal((await login(base, 'admin@parley.test', 'parley-admin')).status, 401, 'no demo admin exists');
  assert.equal((await login(base, 'ops@example.com', 'a long enough secret')).status, 200, 'the configured admin signs in (then enrols two-factor)');
  const siteKey = /Site key\s+(\S+)/.exec(output())?.[1];
  assert.ok(siteKey);
  const kb = await fetch(`${base}/api/kb/${siteKey}/articles`);
  assert.equal(kb.status, 200);
  assert.deepEqual(((await kb.json()) as { articles: unknown[] }).articles, [], 'no demo articles');
  // A Chinese query is cut by jieba (a native addon loaded from node_modules) even with nothing to find.
  const search = await fetch(`${base}/api/kb/${siteKey}/search?q=${encodeURIComponent('退款多久到账')}`);
  assert.equal(search.status, 200);
  assert.deepEqual(((await search.json()) as { hits: unknown[] }).hits, []);
  assert.equal(await stop(), 0, `SIGTERM ends the process cleanly:\n${output()}`);
});
