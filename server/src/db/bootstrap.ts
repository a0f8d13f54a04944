/**
 * The production start (PARLEY_ADMIN_EMAIL): on an empty database, one site, one department and one
 * admin, and nothing of the demo (no demo people with published passwords, no demo articles). The
 * site allows no embedding origin until an admin adds the company's in Settings; the admin is asked
 * to enrol two-factor at first sign-in (ADMIN_2FA). Idempotent and safe for two processes starting at
 * once, like the demo seed.
 */
import { randomBytes } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import { seedTicketDefaults } from '../tickets/seed.js';
import type { Db } from './client.js';
import { agentDepartments, agents, departments, sites } from './schema.js';

export interface BootstrapResult {
  created: boolean;
  site: { id: string; key: string; name: string };
}

export async function bootstrap(db: Db, opts: { siteName: string; adminEmail: string; adminPassword: string }): Promise<BootstrapResult> {
  const created = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    if ((await tx.select({ id: sites.id }).from(sites).limit(1)).length > 0) return false;
    const [site] = await tx
      .insert(sites)
      .values({ key: `site_${randomBytes(9).toString('base64url')}`, name: opts.siteName, secret: randomBytes(32).toString('base64url'), allowedOrigins: [] })
      .returning();
    const [dept] = await tx
      .insert(departments)
      .values({ siteId: site!.id, names: { en: 'General', 'zh-CN': '综合', 'zh-TW': '綜合' }, routing: 'manual', position: 0 })
      .returning();
    const [admin] = await tx
      .insert(agents)
      .values({ email: opts.adminEmail, name: opts.adminEmail.split('@')[0]!, role: 'admin', passwordHash: await hashPassword(opts.adminPassword) })
      .returning();
    await tx.insert(agentDepartments).values({ agentId: admin!.id, departmentId: dept!.id });
    await seedTicketDefaults(tx, site!.id);
    return true;
  });
  const [site] = await db.select().from(sites).orderBy(asc(sites.createdAt)).limit(1);
  return { created, site: { id: site!.id, key: site!.key, name: site!.name } };
}
