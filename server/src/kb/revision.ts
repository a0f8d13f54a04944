import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { kbSites } from './schema.js';

/**
 * Takes the site's next KB revision. Call it inside the write's transaction, before the write: the
 * upsert locks the site's row until commit, so writers of one site queue up and their revisions
 * become visible in order (see index-cache.ts for why that matters).
 */
export async function bumpRevision(tx: Executor, siteId: string): Promise<number> {
  const [row] = await tx
    .insert(kbSites)
    .values({ siteId, revision: 1 })
    .onConflictDoUpdate({ target: kbSites.siteId, set: { revision: sql`${kbSites.revision} + 1` } })
    .returning({ revision: kbSites.revision });
  return row!.revision;
}

/** The site's latest committed KB revision (0 before its first write). */
export async function headRevision(db: Executor, siteId: string): Promise<number> {
  const [row] = await db.select({ revision: kbSites.revision }).from(kbSites).where(eq(kbSites.siteId, siteId));
  return row?.revision ?? 0;
}
