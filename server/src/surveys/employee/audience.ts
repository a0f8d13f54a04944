/**
 * Who belongs to an employee survey's audience, who is in its sample, and how a person is remembered
 * without being named.
 *
 * Departments: a token's departments name Parley departments as identity/departments.ts matches them;
 * a company whose intranet departments are not in Parley can still run surveys for everyone.
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
import type { EmployeeRosterEntry } from '@parley/protocol';
import { matchDepartments, type SiteDepartment } from '../../identity/departments.js';
import type { Employee } from '../../identity/employee-token.js';

export const memberHash = (siteSecret: string, surveyId: string, subject: string): string => createHmac('sha256', siteSecret).update(`${surveyId}:${subject}`).digest('hex');

const drawKey = (seed: string, subject: string): string => createHmac('sha256', seed).update(subject).digest('hex');

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
