/**
 * What the history is generated around: the site as it is now (departments, the agents who work
 * in them, ticket categories, published help articles, SLA settings and business calendars), read
 * once, so every generated row points at things that exist.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Locale, LocalizedText } from '@parley/protocol';
import { summarize } from '../bot/answer.js';
import type { Executor } from '../db/client.js';
import { agentDepartments, agents, departments, kbArticles, sites, ticketCategories } from '../db/schema.js';
import type { BusinessCalendar } from '../sla/calendar.js';
import { calendarOf, slaSettings, type TicketSlaSettings } from '../sla/policy.js';

export interface WorldAgent {
  id: string;
  name: string;
  role: string;
  /** How much of the work this person does, relative to the others. */
  weight: number;
}
export interface WorldDepartment {
  id: string;
  names: LocalizedText;
  position: number;
  agents: WorldAgent[];
  calendar: BusinessCalendar;
}
export interface WorldArticle {
  id: string;
  title: string;
  answer: string;
}
export interface WorldCategory {
  id: string;
  slug: string;
  audience: 'customer' | 'employee' | 'both';
  departmentId: string | null;
  targetMinutes: number;
}

export interface World {
  siteId: string;
  siteName: string;
  departments: WorldDepartment[];
  agents: WorldAgent[];
  categories: WorldCategory[];
  /** Published articles per locale; the bot answers from these. */
  articles: Record<Locale, WorldArticle[]>;
  sla: TicketSlaSettings;
  /** The zone the site's day is cut in: its first department's calendar, else Asia/Shanghai (the demo company's). */
  timeZone: string;
}

export async function readWorld(db: Executor, siteId: string): Promise<World> {
  const [site] = await db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.id, siteId));
  if (!site) throw new Error(`no site ${siteId}`);
  const depts = await db.select().from(departments).where(eq(departments.siteId, siteId)).orderBy(asc(departments.position), asc(departments.createdAt));
  const members = await db
    .select({ agentId: agents.id, name: agents.name, role: agents.role, departmentId: agentDepartments.departmentId })
    .from(agentDepartments)
    .innerJoin(agents, eq(agents.id, agentDepartments.agentId))
    .orderBy(asc(agents.createdAt), asc(agents.id));
  // Weights are stable per agent id, so every department sees the same busy and quiet people.
  const weightOf = (id: string) => 0.5 + (parseInt(id.replace(/-/g, '').slice(0, 6), 16) % 1000) / 1000;
  const byId = new Map<string, WorldAgent>();
  const worldDepts: WorldDepartment[] = [];
  for (const d of depts) {
    const ours = members.filter((m) => m.departmentId === d.id).map((m) => {
      const a = byId.get(m.agentId) ?? { id: m.agentId, name: m.name, role: m.role, weight: weightOf(m.agentId) };
      byId.set(a.id, a);
      return a;
    });
    worldDepts.push({ id: d.id, names: d.names, position: d.position, agents: ours, calendar: await calendarOf(db, d.id) });
  }
  const cats = await db.select().from(ticketCategories).where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.archived, false))).orderBy(asc(ticketCategories.position));
  const published = await db
    .select({ id: kbArticles.id, locale: kbArticles.locale, title: kbArticles.title, body: kbArticles.body })
    .from(kbArticles)
    .where(and(eq(kbArticles.siteId, siteId), eq(kbArticles.status, 'published')));
  const articles: Record<Locale, WorldArticle[]> = { en: [], 'zh-CN': [], 'zh-TW': [] };
  for (const a of published) articles[a.locale]?.push({ id: a.id, title: a.title, answer: summarize(a.body) || a.title });
  return {
    siteId,
    siteName: site.name,
    departments: worldDepts,
    agents: [...byId.values()],
    categories: cats.map((c) => ({ id: c.id, slug: c.slug, audience: c.audience, departmentId: c.departmentId, targetMinutes: c.targetMinutes })),
    articles,
    sla: await slaSettings(db, siteId),
    timeZone: worldDepts.map((d) => d.calendar.timeZone).find((z) => z !== 'UTC') ?? 'Asia/Shanghai',
  };
}
