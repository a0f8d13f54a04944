/**
 * Which Parley departments an employee belongs to. Supervisors work in Parley departments (uuid);
 * employees' tokens carry the intranet's department names or ids. A token department matches a
 * Parley department when it equals, ignoring case and surrounding spaces, the department's id or any
 * of its names (en / zh-CN / zh-TW): an intranet that says "Support" or "售后服务" lands in Support.
 * Employee surveys and announcements both address people this way.
 */
import { asc, eq } from 'drizzle-orm';
import type { LocalizedText } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { departments } from '../db/schema.js';

export interface SiteDepartment {
  id: string;
  names: LocalizedText;
}

/** The site's departments in display order: the first match of several is the person's group. */
export function siteDepartments(db: Executor, siteId: string): Promise<SiteDepartment[]> {
  return db.select({ id: departments.id, names: departments.names }).from(departments).where(eq(departments.siteId, siteId)).orderBy(asc(departments.position), asc(departments.createdAt));
}

const norm = (s: string) => s.trim().toLowerCase();

/** The Parley departments (ids, in site order) that a person's token departments name. */
export function matchDepartments(tokenDepartments: readonly string[], site: readonly SiteDepartment[]): string[] {
  const wanted = new Set(tokenDepartments.map(norm));
  return site.filter((d) => [d.id, d.names.en, d.names['zh-CN'], d.names['zh-TW']].some((n) => n !== undefined && wanted.has(norm(n)))).map((d) => d.id);
}
