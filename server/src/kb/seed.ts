/** The demo help center, written into a fresh database by db/seed.ts. */
import { randomUUID } from 'node:crypto';
import type { Locale } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { normaliseKeywords } from './authoring.js';
import { DEMO_KB_ARTICLES, DEMO_KB_CATEGORIES } from './demo-content.js';
import { excerptOf } from './render.js';
import { bumpRevision } from './revision.js';
import { kbArticles, kbCategories } from './schema.js';

export async function seedDemoKb(tx: Executor, siteId: string, now: Date = new Date()): Promise<void> {
  const revision = await bumpRevision(tx, siteId);
  const cats = DEMO_KB_CATEGORIES.length
    ? await tx
        .insert(kbCategories)
        .values(DEMO_KB_CATEGORIES.map((c) => ({ siteId, slug: c.slug, names: c.names, position: c.position, createdAt: now, updatedAt: now })))
        .returning({ id: kbCategories.id, slug: kbCategories.slug })
    : [];
  const catId = new Map(cats.map((c) => [c.slug, c.id]));
  // The demo's keys ("refund-time") only link versions here; stored groups are UUIDs like any other.
  const rows = DEMO_KB_ARTICLES.flatMap((a, i) => {
    const groupId = randomUUID();
    // Spaced a millisecond apart so the help center lists them in the order they are written.
    const at = new Date(now.getTime() + i);
    return (Object.entries(a.versions) as Array<[Locale, { title: string; body: string; keywords?: string[] }]>).map(([locale, v]) => {
      const categoryId = catId.get(a.category);
      if (!categoryId) throw new Error(`demo KB: article ${a.key} names unknown category ${a.category}`);
      return {
        siteId,
        groupId,
        locale,
        title: v.title,
        body: v.body,
        excerpt: excerptOf(v.body),
        categoryId,
        keywords: normaliseKeywords(v.keywords),
        status: 'published' as const,
        revision,
        createdAt: at,
        updatedAt: at,
      };
    });
  });
  for (let i = 0; i < rows.length; i += 200) await tx.insert(kbArticles).values(rows.slice(i, i + 200));
}
