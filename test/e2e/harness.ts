/**
 * End-to-end harness: the real server as a child process (so a test can SIGKILL it), on the embedded
 * PGlite default in a throwaway data folder, and a real Chromium driven through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { migratedPgliteDataDir } from '../../server/src/testing.js';
import { freePort } from '../support/net.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER_BUILD = join(ROOT, 'server/dist/main.js');

export const ACCOUNTS = {
  admin: { email: 'admin@parley.test', password: 'parley-admin', name: 'Ada Admin' },
  alice: { email: 'alice@parley.test', password: 'parley-alice', name: 'Alice' },
  bob: { email: 'bob@parley.test', password: 'parley-bob', name: 'Bob' },
  sam: { email: 'sam@parley.test', password: 'parley-sam', name: 'Sam' },
} as const;

export class ServerProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly port: number,
    readonly dataDir: string,
    /** Extra environment, e.g. `{ ADMIN_2FA: 'required' }`. */
    readonly extraEnv: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Admins sign in with a password alone unless `env` says ADMIN_2FA=required (two-factor.test.ts). */
  static async create(env: Record<string, string> = {}): Promise<ServerProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
    // A migrated empty database, as a first start would leave it, without paying initdb per file.
    cpSync(await migratedPgliteDataDir(), dataDir, { recursive: true });
    const server = new ServerProcess(await freePort(), dataDir, { ADMIN_2FA: 'optional', ...env });
    await server.start();
    return server;
  }

  async start(): Promise<void> {
    const { TEST_DATABASE_URL: _ignored, DATABASE_URL: _alsoIgnored, ...env } = process.env;
    // The production build (`pnpm build`, which `pnpm test` runs first, as these tests need dist/ anyway)
    // under plain node: what is deployed, and no per-process TypeScript compile of the whole server.
    const entry = existsSync(SERVER_BUILD) ? [SERVER_BUILD] : ['--import', 'tsx', 'server/src/main.ts'];
    this.child = spawn(process.execPath, entry, {
      cwd: ROOT,
      env: { ...env, PORT: String(this.port), HOST: '127.0.0.1', PARLEY_DATA_DIR: this.dataDir, LOG_LEVEL: 'warn', ...this.extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.output += d));
    this.child.stderr?.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not become healthy in 60 s:\n${this.output}`);
  }

  /** The crash the delivery guarantees are about: no shutdown hook runs. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * One real server process and one Chromium for a test file, started before its tests and torn down after.
 * Read the fields inside tests (they are set once `before` has run).
 */
export function useServerAndBrowser(): { server: ServerProcess; browser: Browser } {
  const env = {} as { server: ServerProcess; browser: Browser };
  before(async () => {
    env.server = await ServerProcess.create();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.dispose();
  });
  return env;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

export async function newContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  const context = await browser.newContext({ locale });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Fails the test on errors thrown in the page (CSP violations and uncaught exceptions included). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|ERR_CONNECTION_REFUSED|WebSocket connection/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

// ---------- the visitor's and the agent's screens, by the names docs/architecture.md fixes ----------

export function chat(page: Page) {
  const log = page.getByRole('log', { name: 'Conversation' });
  return {
    log,
    launcher: page.getByRole('button', { name: /^(Open chat|Close chat)$/ }),
    composer: page.getByRole('textbox', { name: 'Message' }),
    send: page.getByRole('button', { name: 'Send', exact: true }),
    handoff: page.getByRole('button', { name: 'Talk to a person' }).last(),
    status: page.locator('parley-chat').getByRole('status'),
    async open() {
      if (!(await log.isVisible().catch(() => false))) await page.getByRole('button', { name: 'Open chat' }).click();
      await log.waitFor();
    },
    async say(text: string) {
      await this.composer.fill(text);
      await this.composer.press('Enter');
    },
  };
}

export function console_(page: Page) {
  return {
    queue: page.getByRole('region', { name: 'Queue' }),
    mine: page.getByRole('region', { name: 'My conversations' }),
    log: page.locator('parley-console').getByRole('log'),
    reply: page.getByRole('textbox', { name: 'Reply' }),
    async signIn(account: { email: string; password: string }) {
      await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('region', { name: 'Queue' }).waitFor();
    },
    async say(text: string) {
      await this.reply.fill(text);
      await this.reply.press('Enter');
    },
    /** Takes the oldest waiting conversation and waits for its history to show. */
    async takeFirst() {
      await this.queue.getByRole('button', { name: 'Take' }).first().click();
      await this.log.waitFor();
    },
  };
}

/** What a message log shows: [author, seq, body text] of committed rows, in screen order. */
export async function committedRows(log: ReturnType<Page['locator']>): Promise<Array<{ author: string; seq: number; text: string }>> {
  return log.locator('[data-seq]').evaluateAll((nodes) =>
    nodes
      .map((n) => ({
        author: n.getAttribute('data-author') ?? '',
        seq: Number(n.getAttribute('data-seq')),
        delivery: n.getAttribute('data-delivery'),
        text: (n.textContent ?? '').replace(/\s+/g, ' ').trim(),
      }))
      .filter((r) => r.seq > 0 && r.delivery !== 'sending' && r.delivery !== 'failed')
      .map(({ author, seq, text }) => ({ author, seq, text })),
  );
}

export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await probe();
  }
  return last;
}
