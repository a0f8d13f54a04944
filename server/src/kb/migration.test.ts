/**
 * The kb migration carries FAQ entries of a database created before it into KB articles. Runs the
 * real migrations: a database at the previous migration gets FAQ rows, then the rest is applied.
 * PGlite by default; the PostgreSQL in TEST_DATABASE_URL when set. A later migration drops the old table.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { MIGRATIONS_DIR, openDatabase } from '../db/client.js';
import type { Database } from '../db/client.js';
import { sites } from '../db/schema.js';
import { kbArticles, kbSites } from './schema.js';

/** Both drivers' execute() results: PGlite wraps rows, postgres.js is the rows. */
const rowsOf = <T>(r: unknown): T[] => (r && typeof r === 'object' && 'rows' in r ? (r as { rows: T[] }).rows : (r as T[]));

/** The migrations folder as it was before `tag` (journal cut just before it). */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-mig-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  assert.ok(cut > 0, `migration *${tag} exists`);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function scratch(): Promise<{ database: Database; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const name = `parley_kbmig_${randomBytes(4).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    async drop() {
      await database.close();
      const again = postgres(server, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

test('FAQ entries of an existing database become KB articles, one group per entry', async () => {
  const old = migrationsBefore('_kb');
  const { database, drop } = await scratch();
  try {
    const migrateTo = (folder: string) =>
      database.driver === 'pglite' ? migratePglite(database.db as never, { migrationsFolder: folder }) : migratePostgres(database.db as never, { migrationsFolder: folder });
    await migrateTo(old);
    const db = database.db;
    const [a] = await db.execute<{ id: string }>(sql`insert into sites (key, name, secret) values ('site_a', 'A', 's') returning id`).then((r) => rowsOf<{ id: string }>(r));
    const [b] = await db.execute<{ id: string }>(sql`insert into sites (key, name, secret) values ('site_b', 'B', 's') returning id`).then((r) => rowsOf<{ id: string }>(r));
    const faq = (site: string, group: string, locale: string, question: string, answer: string, published = true) =>
      db.execute(sql`insert into faq_entries (site_id, group_key, locale, question, answer, keywords, published) values (${site}, ${group}, ${locale}, ${question}, ${answer}, ${sql.raw(`'{"kw-${group}"}'::text[]`)}, ${published})`);
    await faq(a!.id, 'refund', 'en', 'How long does a refund take?', 'Five   business\ndays.');
    await faq(a!.id, 'refund', 'zh-CN', '退款需要多久？', '五个工作日。');
    await faq(a!.id, 'hidden', 'en', 'Secret?', 'Not published.', false);
    await faq(b!.id, 'refund', 'en', 'Refunds at B?', 'Ask B.');

    await database.migrate();

    const rows = await db.select().from(kbArticles).orderBy(asc(kbArticles.title));
    assert.equal(rows.length, 4);
    const by = new Map(rows.map((r) => [r.title, r]));
    const en = by.get('How long does a refund take?')!;
    const cn = by.get('退款需要多久？')!;
    assert.equal(en.siteId, a!.id);
    assert.equal(en.locale, 'en');
    assert.equal(en.body, 'Five   business\ndays.');
    assert.equal(en.excerpt, 'Five business days.');
    assert.equal(en.status, 'published');
    assert.deepEqual(en.keywords, ['kw-refund']);
    assert.equal(cn.groupId, en.groupId, 'translations share a group');
    const other = by.get('Refunds at B?')!;
    assert.equal(other.siteId, b!.id);
    assert.notEqual(other.groupId, en.groupId, 'same group key on another site is another article');
    assert.equal(by.get('Secret?')!.status, 'draft');
    assert.notEqual(by.get('Secret?')!.groupId, en.groupId);
    // Each site with content has a revision, so search indexes built later see these rows.
    const revisions = await db.select().from(kbSites);
    assert.deepEqual(revisions.map((r) => r.revision), [1, 1]);
    assert.ok(rows.every((r) => r.revision === 1));
    // The old table is gone (0004): its content lives on in the articles above.
    const left = rowsOf<{ name: string | null }>(await db.execute(sql`select to_regclass('public.faq_entries')::text as name`));
    assert.equal(left[0]?.name ?? null, null);
    assert.equal((await db.select().from(sites).where(eq(sites.key, 'site_a'))).length, 1);
  } finally {
    await drop();
    rmSync(old, { recursive: true, force: true });
  }
});
