import { eq } from 'drizzle-orm';
import type { AgentRole, Locale } from '@parley/protocol';
import { SUPPORTED_LOCALES } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agentDepartments, agents, departments, sites } from '../db/schema.js';
import { AppError } from '../lib/errors.js';

/** Who is authoring, on which site. */
export interface KbScope {
  siteId: string;
  agentId: string;
  role: AgentRole;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | undefined): s is string => typeof s === 'string' && UUID.test(s);

/** A path or query id: malformed ones are `invalid` (400), never a database error (500). */
export function requireUuid(raw: string | undefined, what: string): string {
  if (!isUuid(raw)) throw new AppError('invalid', `${what} must be a UUID`);
  return raw.toLowerCase();
}

export function parseLocale(raw: string | undefined, fallback: Locale): Locale {
  if (raw === undefined || raw === '') return fallback;
  if ((SUPPORTED_LOCALES as readonly string[]).includes(raw)) return raw as Locale;
  throw new AppError('invalid', `locale must be one of ${SUPPORTED_LOCALES.join(', ')}`);
}

/**
 * Agents are not tied to a site directly: their sites are those of their departments, and admins see
 * every site. `?site=` picks one; without it the agent's only site is used.
 */
export async function kbScope(ctx: AppContext, agentId: string, siteParam: string | undefined): Promise<KbScope> {
  const [agent] = await ctx.db.select({ role: agents.role }).from(agents).where(eq(agents.id, agentId));
  if (!agent) throw new AppError('unauthorized', 'agent not found');
  if (siteParam !== undefined && siteParam !== '' && !isUuid(siteParam)) throw new AppError('invalid', 'site must be a site id (UUID)');
  const siteIds =
    agent.role === 'admin'
      ? (await ctx.db.select({ id: sites.id }).from(sites)).map((s) => s.id)
      : [
          ...new Set(
            (
              await ctx.db
                .select({ id: departments.siteId })
                .from(agentDepartments)
                .innerJoin(departments, eq(departments.id, agentDepartments.departmentId))
                .where(eq(agentDepartments.agentId, agentId))
            ).map((r) => r.id),
          ),
        ];
  let siteId: string;
  if (siteParam) {
    const wanted = siteParam.toLowerCase();
    if (!siteIds.includes(wanted)) {
      throw agent.role === 'admin' ? new AppError('not_found', 'no such site') : new AppError('forbidden', 'you have no department on this site');
    }
    siteId = wanted;
  } else if (siteIds.length === 1) {
    siteId = siteIds[0]!;
  } else if (siteIds.length === 0) {
    throw new AppError('forbidden', 'you are not in any department of a site');
  } else {
    throw new AppError('invalid', 'you work on several sites: give ?site=<site id>');
  }
  return { siteId, agentId, role: agent.role };
}

export const canManage = (scope: KbScope) => scope.role === 'admin' || scope.role === 'supervisor';

/** Publishing, deleting, categories and import are for supervisors and admins. */
export function requireManager(scope: KbScope, action: string): void {
  if (!canManage(scope)) throw new AppError('forbidden', `only a supervisor or an admin may ${action}`);
}

/** The order in which locale versions stand in for each other: the same script family first, then English. */
export function localeChain(locale: Locale): Locale[] {
  switch (locale) {
    case 'zh-CN':
      return ['zh-CN', 'zh-TW', 'en'];
    case 'zh-TW':
      return ['zh-TW', 'zh-CN', 'en'];
    default:
      return ['en', 'zh-CN', 'zh-TW'];
  }
}
