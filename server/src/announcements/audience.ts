/**
 * Who an announcement is for, and the Socket.IO rooms that reach them.
 *
 * Departments match as identity/departments.ts says: a token department names a Parley department by
 * id or any of its localized names. Named employees match
 * on the token's `sub`, exactly.
 *
 * Rooms on /employee: every socket joins its site's room, one room per matched department, its own
 * person's room and one room for its language. A push goes to the audience's rooms once per language,
 * `except` the other languages' rooms: each socket is in exactly one language room, so each gets the
 * announcement once, in its language, and through the Redis adapter on every process.
 */
import { sql, type SQL } from 'drizzle-orm';
import { SUPPORTED_LOCALES, type Locale } from '@parley/protocol';
import type { AnyColumn } from 'drizzle-orm';


export interface AudienceRule {
  audienceKind: 'everyone' | 'departments' | 'employees';
  departmentIds: string[];
  employees: string[];
}

export const siteRoom = (siteId: string) => `site:${siteId}`;
export const deptRoom = (departmentId: string) => `dept:${departmentId}`;
export const personRoom = (siteId: string, subject: string) => `emp:${siteId}:${subject}`;
export const localeRoom = (siteId: string, locale: Locale) => `locale:${siteId}:${locale}`;

/** Whether a person (their `sub` and the Parley departments their token matched) is in the audience. */
export function inAudience(rule: AudienceRule, subject: string, departmentIds: readonly string[]): boolean {
  if (rule.audienceKind === 'everyone') return true;
  if (rule.audienceKind === 'departments') return departmentIds.some((d) => rule.departmentIds.includes(d));
  return rule.employees.includes(subject);
}

/** The same test in SQL, over a table's subject and matched-department columns. */
export function audienceWhere(rule: AudienceRule, subject: AnyColumn, departmentIds: AnyColumn): SQL {
  if (rule.audienceKind === 'everyone') return sql`true`;
  if (rule.audienceKind === 'departments') {
    if (rule.departmentIds.length === 0) return sql`false`;
    return sql`${departmentIds} && array[${sql.join(rule.departmentIds.map((d) => sql`${d}::uuid`), sql`, `)}]`;
  }
  if (rule.employees.length === 0) return sql`false`;
  return sql`${subject} = any(array[${sql.join(rule.employees.map((e) => sql`${e}::text`), sql`, `)}])`;
}

/** The rooms whose sockets make up the audience (their union). */
export function audienceRooms(siteId: string, rule: AudienceRule): string[] {
  if (rule.audienceKind === 'everyone') return [siteRoom(siteId)];
  if (rule.audienceKind === 'departments') return rule.departmentIds.map(deptRoom);
  return rule.employees.map((s) => personRoom(siteId, s));
}

/** For each language: the rooms of the other languages, to `except` when pushing that language's text. */
export function otherLocaleRooms(siteId: string, locale: Locale): string[] {
  return SUPPORTED_LOCALES.filter((l) => l !== locale).map((l) => localeRoom(siteId, l));
}
