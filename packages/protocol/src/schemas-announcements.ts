/**
 * Validators for the announcements' inbound payloads (see ./announcements.ts: the console's input and
 * the employee's receipts). Server only, like ./schemas.
 */
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './constants.js';
import type { AnnouncementInput, EmployeeReceiptInput } from './announcements.js';
import { text } from './schemas.js';

export const ANNOUNCEMENT_LIMITS = {
  titleChars: 200,
  /** Markdown characters of one version's body. */
  bodyChars: 20_000,
  departments: 50,
  /** Named employees of one announcement. */
  employees: 5_000,
  subjectChars: 200,
  /** Receipt rows returned by `GET .../receipts` (the CSV has all). */
  receiptRows: 5_000,
  /** Employees who connected within this many days count as known (the rates' denominator). */
  knownWindowDays: 90,
} as const;

const L = ANNOUNCEMENT_LIMITS;

const nonBlank = (max: number, what: string) =>
  text()
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => s.trim().length > 0, `${what} is empty`)
    .transform((s) => s.trim());

const isoDate = text().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), 'must be an ISO date and time, such as 2026-12-01T09:00:00Z');

const version = z
  .object({
    locale: z.enum(SUPPORTED_LOCALES, `locale must be one of ${SUPPORTED_LOCALES.join(', ')}`),
    title: nonBlank(L.titleChars, 'title').refine((s) => !/[\r\n]/.test(s), 'title must be one line'),
    body: nonBlank(L.bodyChars, 'body'),
  })
  .strict();

export const announcementInputSchema = z
  .object({
    versions: z
      .array(version)
      .min(1, 'an announcement needs at least one language version')
      .max(SUPPORTED_LOCALES.length)
      .refine((vs) => new Set(vs.map((v) => v.locale)).size === vs.length, 'each language may have one version only'),
    priority: z.enum(['normal', 'important', 'urgent'], 'priority must be normal, important or urgent'),
    ackRequired: z.boolean().optional(),
    audience: z
      .object({
        kind: z.enum(['everyone', 'departments', 'employees'], 'audience.kind must be everyone, departments or employees'),
        departmentIds: z.array(z.string().uuid('must be a department id (UUID)')).max(L.departments, `at most ${L.departments} departments`).optional(),
        // Not trimmed: a subject must equal the token's `sub` exactly.
        employees: z
          .array(text().min(1, 'an employee subject is empty').max(L.subjectChars, `an employee subject is longer than ${L.subjectChars} characters`))
          .max(L.employees, `at most ${L.employees} named employees`)
          .optional(),
      })
      .strict()
      .superRefine((a, ctx) => {
        if (a.kind === 'departments' && !(a.departmentIds?.length)) ctx.addIssue({ code: 'custom', path: ['departmentIds'], message: 'choose at least one department' });
        if (a.kind === 'employees' && !(a.employees?.length)) ctx.addIssue({ code: 'custom', path: ['employees'], message: 'name at least one employee' });
        if (a.kind !== 'departments' && a.departmentIds?.length) ctx.addIssue({ code: 'custom', path: ['departmentIds'], message: `audience ${a.kind} takes no departments` });
        if (a.kind !== 'employees' && a.employees?.length) ctx.addIssue({ code: 'custom', path: ['employees'], message: `audience ${a.kind} takes no named employees` });
      }),
    startsAt: isoDate.nullable().optional(),
    endsAt: isoDate.nullable().optional(),
  })
  .strict()
  .refine((a) => !a.startsAt || !a.endsAt || Date.parse(a.endsAt) > Date.parse(a.startsAt), { path: ['endsAt'], message: 'endsAt must be after startsAt' });

export const employeeReceiptInputSchema = z
  .object({
    site: text().min(1, 'site (the site key) is required').max(100),
    kind: z.enum(['seen', 'ack', 'dismiss'], 'kind must be seen, ack or dismiss'),
    id: z.string().uuid('id must be an announcement id (UUID)'),
  })
  .strict();

export const announcementRemindSchema = z.object({ departmentId: z.string().uuid('must be a department id (UUID)').optional() }).strict();

// Compile-time agreement with the wire types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree = <T extends true>(): T => true as T;
agree<Same<z.infer<typeof employeeReceiptInputSchema>, EmployeeReceiptInput>>();
type Assignable<A, B> = [A] extends [B] ? true : never;
agree<Assignable<z.infer<typeof announcementInputSchema>, AnnouncementInput>>();
