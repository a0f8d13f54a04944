/**
 * A whole Parley server in-process, for tests of any package:
 *
 *   const server = await startTestServer();
 *   // server.url, server.siteKey, server.accounts.alice.{email,password,id}, server.departments.support.id
 *   await server.close();
 *
 * In-memory PGlite by default; with TEST_DATABASE_URL (or `databaseUrl`) set, a fresh database is
 * created on that PostgreSQL server and dropped on close. Serves dist/ like production.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import postgres from 'postgres';
import { createApp } from './app.js';
import type { ParleyApp } from './app.js';
import { loadConfig } from './config.js';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import type { Database } from './db/client.js';
import { sites } from './db/schema.js';
import { seed } from './db/seed.js';
import { MIGRATIONS_DIR } from './paths.js';

export interface TestAccount {
  email: string;
  password: string;
  id: string;
}

export interface TestServer {
  url: string;
  siteKey: string;
  accounts: { admin: TestAccount; alice: TestAccount; bob: TestAccount };
  departments: { sales: { id: string }; support: { id: string } };
  app: ParleyApp;
  database: Database;
  /** What a company intranet would sign for an employee of the demo site (HS256, the site's secret, 12 h). */
  signEmployeeToken(claims: { sub: string; name?: string; departments?: string[]; locale?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** A PostgreSQL server to create a throw-away database on; default TEST_DATABASE_URL, else PGlite. */
  databaseUrl?: string;
  /** Config overrides, e.g. `{ agentGraceSeconds: 0.2 }`. */
  config?: Partial<Config>;
  clock?: () => Date;
}

/** A throw-away database on a PostgreSQL server, dropped by `drop()`. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parley_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await again.end({ timeout: 5 });
      }
    },
  };
}

/**
 * A migrated, empty PGlite database as a data-directory dump, made once per set of migrations and kept
 * in the OS temp folder for every test process: creating PGlite runs initdb (3-7 s on this machine),
 * loading a dump takes about 1 s, and the suite starts dozens of servers. Keyed by the PGlite version
 * and the migration files, so a new migration makes a new template; `migrate()` still runs after loading
 * (a no-op when current). Written to a temporary name and renamed, so concurrent processes never read a
 * half-written file.
 */
/**
 * A test database holds a few MB. With PGlite's default 128 MB of shared buffers one took ~1.1 s to open
 * on this machine, with 8 MB ~0.65 s (and 40% less CPU); the suite opens a few hundred.
 */
const TEST_PGLITE_CONF = ['shared_buffers=8MB'];

function templateKey(): string {
  const hash = createHash('sha256');
  // Where PGlite resolves from names its installed version (pnpm's store path carries it).
  hash.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort()) hash.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  return hash.digest('hex').slice(0, 16);
}

async function migratedPgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `parley-pglite-${templateKey()}.tar`);
  if (!existsSync(file)) {
    const fresh = await openDatabase({ dataDir: 'memory://' });
    await fresh.migrate();
    const client = (fresh.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await fresh.close();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * The same migrated, empty database as a PGlite data folder, for tests that start the real server as a
 * process (test/e2e): copying it into their `PARLEY_DATA_DIR` spares each server initdb and the
 * migrations (3-7 s of CPU). Made once per set of migrations, like the dump; the server still migrates
 * (a no-op) and seeds on start as it would on a fresh folder.
 */
export async function migratedPgliteDataDir(): Promise<string> {
  const dir = join(tmpdir(), `parley-pglite-${templateKey()}.data`);
  if (!existsSync(dir)) {
    const partial = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const db = await openDatabase({ dataDir: partial, loadDataDir: await migratedPgliteTemplate() });
    await db.close();
    try {
      renameSync(partial, dir);
    } catch {
      // Another process made it first: theirs is the same.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return dir;
}

/**
 * A migrated, empty in-memory PGlite database from the same template, for tests that need a database
 * but no server (the mail kit, the writer's closed-database case): the template spares them initdb and
 * the migrations (3-7 s of CPU each). Callers still run `migrate()`, a no-op here, as on PostgreSQL.
 */
export async function openMigratedPglite(): Promise<Database> {
  return openDatabase({ dataDir: 'memory://', loadDataDir: await migratedPgliteTemplate(), postgresqlconf: TEST_PGLITE_CONF });
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const serverUrl = opts.databaseUrl ?? process.env.TEST_DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const database = scratch ? await openDatabase({ url: scratch.url }) : await openMigratedPglite();
  try {
    await database.migrate();
    const seeded = await seed(database.db);
    // Tests sign in as the seeded admin with a password alone: two-factor for admins is opt-in here
    // (`config: { admin2fa: 'required' }`), unlike a real server's default.
    const config: Config = { ...loadConfig({}), host: '127.0.0.1', port: 0, admin2fa: 'optional', ...opts.config };
    // Quiet by default; LOG_LEVEL=debug shows the server's logs while debugging a test.
    const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
    const app = createApp({ db: database, config, logger, ...(opts.clock ? { clock: opts.clock } : {}) });
    const { url } = await app.listen(0);
    const account = (a: { email: string; password: string; id: string }): TestAccount => ({ email: a.email, password: a.password, id: a.id });
    let closed = false;
    return {
      url,
      siteKey: seeded.site.key,
      accounts: { admin: account(seeded.accounts.admin), alice: account(seeded.accounts.alice), bob: account(seeded.accounts.bob) },
      departments: seeded.departments,
      app,
      database,
      async signEmployeeToken({ sub, ...claims }) {
        const [site] = await database.db.select({ secret: sites.secret }).from(sites).where(eq(sites.key, seeded.site.key));
        return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('12h').sign(new TextEncoder().encode(site!.secret));
      },
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await database.close();
        await scratch?.drop();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    await scratch?.drop().catch(() => undefined);
    throw err;
  }
}
