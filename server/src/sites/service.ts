import { and, asc, eq } from 'drizzle-orm';
import type { SiteInfo } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agentDepartments, agents, departments, sites } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { widgetOf } from './settings.js';

export type SiteRow = typeof sites.$inferSelect;

export async function siteByKey(ctx: AppContext, key: string): Promise<SiteRow> {
  const [site] = await ctx.db.select().from(sites).where(eq(sites.key, key));
  if (!site) throw new AppError('not_found', 'unknown site key');
  return site;
}

/**
 * A request without an Origin header is not from a browser page, so CORS does not apply; the
 * allowlist only stops other websites from embedding a site's chat.
 */
export function originAllowed(site: Pick<SiteRow, 'allowedOrigins'>, origin: string | undefined | null): boolean {
  if (!origin) return true;
  return site.allowedOrigins.includes('*') || site.allowedOrigins.includes(origin);
}

export async function siteDepartments(ctx: AppContext, siteId: string) {
  const rows = await ctx.db.select().from(departments).where(eq(departments.siteId, siteId)).orderBy(asc(departments.position), asc(departments.createdAt));
  return rows.map((d) => ({ id: d.id, name: d.names, routing: d.routing }));
}

export async function siteInfo(ctx: AppContext, site: SiteRow): Promise<SiteInfo> {
  const depts = await siteDepartments(ctx, site.id);
  const online = await ctx.db
    .selectDistinct({ id: agents.id })
    .from(agents)
    .innerJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
    .innerJoin(departments, eq(departments.id, agentDepartments.departmentId))
    .where(and(eq(departments.siteId, site.id), eq(agents.presence, 'online')));
  return { name: site.name, departments: depts, agentsOnline: online.length, widget: widgetOf(site) };
}

/** The site whose key replaces `{{SITE_KEY}}` in the demo pages: the first one created. */
export async function demoSiteKey(ctx: AppContext): Promise<string | null> {
  const [site] = await ctx.db.select({ key: sites.key }).from(sites).orderBy(asc(sites.createdAt)).limit(1);
  return site?.key ?? null;
}
