/**
 * Who belongs to an employee survey's audience, who is in its sample, and how a person is remembered
 * without being named.
 *
 * Departments. Supervisors work in Parley departments (uuid); employees' tokens carry the intranet's
 * department names or ids. A token department matches a Parley department when it equals, ignoring case
 * and surrounding spaces, the department's id or any of its names (en / zh-CN / zh-TW). So an intranet
 * that says "Support" or "售后服务" lands in the Support department, and a company whose intranet
 * departments are not in Parley can still run surveys for everyone.
 *
 * The person. Markers and sample rows hold `HMAC-SHA256(site secret, survey id + ":" + sub)`: keyed, so
 * a leaked table cannot be checked against a list of guessed employee ids without the site secret;
 * per survey, so markers of two surveys cannot be linked to one person.
 *
 * Sampling. Parley learns employees only from their tokens, so it cannot draw "100 of everyone" on
 * its own: nobody can be drawn who has not been seen. The intranet therefore supplies the roster (each
 * person's `sub` and departments, as in their tokens) when the survey is opened. The server keeps the
 * people in the audience, orders them by `HMAC-SHA256(seed, sub)` with a random seed stored on the survey,
 * and takes the first N: exactly N people, uniformly at random, and the same N again from the same
 * roster and seed (the draw can be checked afterwards). Only the keyed hashes of those drawn are stored;
 * the roster itself is not kept. (Sampling by a keyed hash of each token with probability N/size would
 * need no roster, but gives about N rather than N, and an unknown audience size makes it guesswork.)
 */
import { createHmac } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { EmployeeRosterEntry, LocalizedText } from '@parley/protocol';
import type { Executor } from '../../db/client.js';
import { departments } from '../../db/schema.js';
import type { Employee } from '../../identity/employee-token.js';

export interface SiteDepartment {
  id: string;
  names: LocalizedText;
}

export const memberHash = (siteSecret: string, surveyId: string, subject: string): string => createHmac('sha256', siteSecret).update(`${surveyId}:${subject}`).digest('hex');

const drawKey = (seed: string, subject: string): string => createHmac('sha256', seed).update(subject).digest('hex');

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

interface AudienceRule {
  audienceKind: 'everyone' | 'departments';
  departmentIds: string[];
}

/**
 * Whether someone with these departments is in the audience, and the group their answer counts in:
 * the first of their departments in the audience (site order), or for everyone-surveys the first of
 * their departments at all; null when they match none.
 */
export function placeInAudience(rule: AudienceRule, tokenDepartments: readonly string[], site: readonly SiteDepartment[]): { inAudience: boolean; group: string | null } {
  const mine = matchDepartments(tokenDepartments, site);
  if (rule.audienceKind === 'everyone') return { inAudience: true, group: mine[0] ?? null };
  const group = mine.find((id) => rule.departmentIds.includes(id)) ?? null;
  return { inAudience: group !== null, group };
}

export const inAudience = (rule: AudienceRule, employee: Employee, site: readonly SiteDepartment[]) => placeInAudience(rule, employee.departments, site);

/**
 * The roster's audience and, for a sampled survey, the drawn members' keyed hashes. Subjects listed
 * twice count once (an intranet export may repeat people in several departments).
 */
export function drawSample(
  rule: AudienceRule & { sampleSize: number | null },
  roster: readonly EmployeeRosterEntry[],
  site: readonly SiteDepartment[],
  keys: { seed: string; siteSecret: string; surveyId: string },
): { audienceSize: number; members: string[] | null } {
  const seen = new Set<string>();
  const eligible: string[] = [];
  for (const person of roster) {
    if (seen.has(person.subject)) continue;
    seen.add(person.subject);
    if (placeInAudience(rule, person.departments ?? [], site).inAudience) eligible.push(person.subject);
  }
  if (rule.sampleSize === null) return { audienceSize: eligible.length, members: null };
  const drawn = eligible
    .map((subject) => ({ subject, key: drawKey(keys.seed, subject) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, rule.sampleSize);
  return { audienceSize: drawn.length, members: drawn.map((d) => memberHash(keys.siteSecret, keys.surveyId, d.subject)) };
}
