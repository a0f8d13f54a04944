/**
 * Who an announcement is for.
 *
 * Departments match as identity/departments.ts says: a token department names a Parley department by
 * id or any of its localized names. Named employees match on the token's `sub`, exactly. The same rule
 * picks the open streams a push goes to (hub.ts, on every process) and the rows the console counts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyColumn } from 'drizzle-orm';

export interface AudienceRule {
  audienceKind: 'everyone' | 'departments' | 'employees';
  departmentIds: string[];
  employees: string[];
}

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
