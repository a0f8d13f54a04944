/**
 * Validator for the report API's query string (see ./reports.ts). Server only, like ./schemas.
 * Query values arrive as strings: `compare=true|1`, `sections=volume,sla`.
 */
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './constants.js';
import type { ReportChannel, ReportGranularity, ReportRequest, ReportSectionName } from './reports.js';

export const REPORT_LIMITS = {
  /** A year and a month: a year compared with the one before stays two bounded queries. */
  maxDays: 400,
  chatTargetSecondsMax: 86_400,
} as const;

export const REPORT_SECTIONS = ['volume', 'responseTimes', 'sla', 'bot', 'kb', 'satisfaction'] as const satisfies readonly ReportSectionName[];
export const REPORT_CHANNELS = ['chat', 'feedback', 'offline', 'api', 'email', 'intranet'] as const satisfies readonly ReportChannel[];
export const REPORT_GRANULARITIES = ['day', 'week', 'month'] as const satisfies readonly ReportGranularity[];

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
function isDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
const day = (name: string) => z.string(`${name} is required (YYYY-MM-DD)`).refine(isDay, `${name} must be a date written YYYY-MM-DD`);
const uuid = (name: string) => z.string().uuid(`${name} must be a UUID`);
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', ''])])
  .transform((v) => v === true || v === 'true' || v === '1');

/** Days between two valid YYYY-MM-DD strings. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

export const reportRequestSchema = z
  .object({
    from: day('from'),
    to: day('to'),
    granularity: z.enum(REPORT_GRANULARITIES, 'granularity must be day, week or month').optional(),
    // Checked against the runtime's zone database by the server (the protocol package has no tz data).
    timeZone: z.string().min(1).max(64).optional(),
    departmentId: uuid('departmentId').optional(),
    agentId: uuid('agentId').optional(),
    channel: z.enum(REPORT_CHANNELS, `channel must be one of ${REPORT_CHANNELS.join(', ')}`).optional(),
    compare: bool.optional(),
    sections: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => [...new Set((Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))])
      .pipe(z.array(z.enum(REPORT_SECTIONS, `sections must be among ${REPORT_SECTIONS.join(', ')}`)).min(1, 'sections is empty'))
      .optional(),
    chatTargetSeconds: z.coerce
      .number('chatTargetSeconds must be a number')
      .int('chatTargetSeconds must be a whole number')
      .min(1, 'chatTargetSeconds must be at least 1')
      .max(REPORT_LIMITS.chatTargetSecondsMax, `chatTargetSeconds must be at most ${REPORT_LIMITS.chatTargetSecondsMax}`)
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!isDay(r.from) || !isDay(r.to)) return;
    const days = daysBetween(r.from, r.to);
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    else if (days >= REPORT_LIMITS.maxDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `a report covers at most ${REPORT_LIMITS.maxDays} days` });
  });

/**
 * The parameters of a report download next to the report's own: `format=csv` with the `section` and the
 * `table` of it (default `all`: every table of the section one after the other, each under its title
 * line; `comments` for satisfaction only), `locale` for headers and names.
 */
export const REPORT_TABLES = ['all', 'summary', 'series', 'byDepartment', 'byAgent', 'byChannel', 'comments'] as const;
export const reportFileParamsSchema = z
  .object({
    format: z.enum(['json', 'csv'], 'format must be json or csv').optional(),
    section: z.enum(REPORT_SECTIONS, `section must be one of ${REPORT_SECTIONS.join(', ')}`).optional(),
    table: z.enum(REPORT_TABLES, `table must be one of ${REPORT_TABLES.join(', ')}`).optional(),
    locale: z.enum(SUPPORTED_LOCALES, `locale must be one of ${SUPPORTED_LOCALES.join(', ')}`).optional(),
  })
  .strict();

// Compile-time agreement with the wire type: what the schema yields is a ReportRequest.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree = <T extends true>(): T => true as T;
agree<Same<z.infer<typeof reportRequestSchema>, ReportRequest>>();
