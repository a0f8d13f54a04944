import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import { seedDemoKb } from '../kb/seed.js';
import { seedTicketDefaults } from '../tickets/seed.js';
import type { Db } from './client.js';
import { agentDepartments, agents, departments, sites } from './schema.js';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, DEMO_SITE_NAME } from './seed-data.js';

export interface SeedAccount {
  id: string;
  email: string;
  password: string;
  name: string;
  role: string;
}
export interface SeedResult {
  /** False when the database already held a site: nothing was written. */
  created: boolean;
  site: { id: string; key: string; name: string };
  departments: { sales: { id: string }; support: { id: string } };
  /** Passwords are the fixed demo ones; after an operator changes them they are simply wrong. */
  accounts: { admin: SeedAccount; alice: SeedAccount; bob: SeedAccount; sam: SeedAccount };
}

/**
 * Seeds the demo data when the sites table is empty, and returns it either way so main.ts can print
 * the banner and tests can sign in. Idempotent: a second run writes nothing.
 */
export async function seed(db: Db): Promise<SeedResult> {
  const created = await db.transaction(async (tx) => {
    // Serialises concurrent first starts on one PostgreSQL (two processes at once): row locks
    // cannot guard an empty table, an advisory lock can.
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    const existing = await tx.select({ id: sites.id }).from(sites);
    if (existing.length > 0) {
      // A database seeded before tickets existed gets the default categories now.
      for (const s of existing) await seedTicketDefaults(tx, s.id);
      return false;
    }
    const [site] = await tx
      .insert(sites)
      .values({ key: `site_${randomBytes(9).toString('base64url')}`, name: DEMO_SITE_NAME, secret: randomBytes(32).toString('base64url'), allowedOrigins: ['*'] })
      .returning();
    const deptIds: Record<string, string> = {};
    for (const [position, d] of DEMO_DEPARTMENTS.entries()) {
      const [row] = await tx.insert(departments).values({ siteId: site!.id, names: d.names, routing: d.routing, position }).returning();
      deptIds[d.key] = row!.id;
    }
    for (const a of DEMO_ACCOUNTS) {
      const [row] = await tx
        .insert(agents)
        .values({ email: a.email, name: a.name, role: a.role, passwordHash: await hashPassword(a.password) })
        .returning();
      await tx.insert(agentDepartments).values(a.departments.map((k) => ({ agentId: row!.id, departmentId: deptIds[k]! })));
    }
    await seedDemoKb(tx, site!.id);
    await seedTicketDefaults(tx, site!.id);
    return true;
  });
  return { created, ...(await readSeed(db)) };
}

async function readSeed(db: Db): Promise<Omit<SeedResult, 'created'>> {
  const [site] = await db.select().from(sites).orderBy(asc(sites.createdAt)).limit(1);
  if (!site) throw new Error('seed: no site');
  const depts = await db.select().from(departments).where(eq(departments.siteId, site.id)).orderBy(asc(departments.position));
  const byName = (en: string) => {
    const d = depts.find((x) => x.names.en === en);
    if (!d) throw new Error(`seed: department ${en} missing`);
    return { id: d.id };
  };
  const rows = await db.select().from(agents).where(inArray(agents.email, DEMO_ACCOUNTS.map((a) => a.email)));
  const account = (key: (typeof DEMO_ACCOUNTS)[number]['key']): SeedAccount => {
    const def = DEMO_ACCOUNTS.find((a) => a.key === key)!;
    const row = rows.find((r) => r.email === def.email);
    if (!row) throw new Error(`seed: account ${def.email} missing`);
    return { id: row.id, email: row.email, password: def.password, name: row.name, role: row.role };
  };
  return {
    site: { id: site.id, key: site.key, name: site.name },
    departments: { sales: byName('Sales'), support: byName('Support') },
    accounts: { admin: account('admin'), alice: account('alice'), bob: account('bob'), sam: account('sam') },
  };
}
