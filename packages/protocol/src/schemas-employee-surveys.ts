/**
 * Validators for the employee surveys' inbound payloads (see ./employee-surveys.ts). Server only, like
 * ./schemas. The shape is checked here; an answer against its question (type, range, options) by the server.
 */
import { z } from 'zod';
import type { EmployeeAnswerInput, EmployeeSurveyInput, EmployeeSurveyOpenInput } from './employee-surveys.js';
import { text } from './schemas.js';

export const EMPLOYEE_SURVEY_LIMITS = {
  titleChars: 200,
  introChars: 2_000,
  questionChars: 500,
  optionChars: 200,
  questions: 30,
  options: 20,
  answerChars: 2_000,
  departments: 50,
  /** A roster larger than this is refused: 50,000 people is a large company's intranet. */
  roster: 50_000,
  subjectChars: 200,
  /** Results of a group (and any count) are shown only from this many answers. */
  minGroupSize: 5,
} as const;

const L = EMPLOYEE_SURVEY_LIMITS;

const nonBlank = (max: number, what: string) =>
  text()
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => s.trim().length > 0, `${what} is empty`)
    .transform((s) => s.trim());

const localized = (max: number, what: string) =>
  z.object({ en: nonBlank(max, what), 'zh-CN': nonBlank(max, what).optional(), 'zh-TW': nonBlank(max, what).optional() }).strict();

const isoDate = text().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), 'must be an ISO date and time, such as 2026-12-01T09:00:00Z');

const question = z
  .object({
    type: z.enum(['rating', 'single', 'multiple', 'text'], 'type must be rating, single, multiple or text'),
    text: localized(L.questionChars, 'question'),
    required: z.boolean().optional(),
    options: z.array(localized(L.optionChars, 'option')).max(L.options, `at most ${L.options} options`).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const choice = q.type === 'single' || q.type === 'multiple';
    if (choice && (q.options?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs at least 2 options' });
    if (!choice && q.options !== undefined) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question has no options` });
  });

export const employeeSurveyInputSchema = z
  .object({
    title: localized(L.titleChars, 'title'),
    intro: localized(L.introChars, 'intro').nullable().optional(),
    questions: z.array(question).min(1, 'a survey needs at least one question').max(L.questions, `at most ${L.questions} questions`),
    audience: z
      .object({
        kind: z.enum(['everyone', 'departments'], 'audience.kind must be everyone or departments'),
        departmentIds: z.array(z.string().uuid('must be a department id (UUID)')).max(L.departments).optional(),
        sampleSize: z.number().int('sampleSize must be a whole number').min(1, 'sampleSize must be at least 1').max(L.roster).nullable().optional(),
      })
      .strict(),
    opensAt: isoDate.nullable().optional(),
    closesAt: isoDate.nullable().optional(),
  })
  .strict();

export const employeeSurveyOpenSchema = z
  .object({
    roster: z
      .array(
        z
          .object({
            // Not trimmed: it must equal the token's `sub` exactly.
            subject: text().min(1, 'subject is empty').max(L.subjectChars, `subject is longer than ${L.subjectChars} characters`),
            departments: z.array(text().max(L.subjectChars)).max(L.departments).optional(),
          })
          .strict(),
      )
      .max(L.roster, `the roster may list at most ${L.roster.toLocaleString('en')} people`)
      .optional(),
    audienceSize: z.number().int('audienceSize must be a whole number').min(1).max(10_000_000).optional(),
  })
  .strict();

const answerValue = z.union([z.number(), text().max(L.answerChars, `an answer is longer than ${L.answerChars} characters`), z.array(text().max(100)).max(L.options)]);

export const employeeAnswerSchema = z
  .object({
    answers: z.record(text().max(20), answerValue).refine((r) => Object.keys(r).length <= L.questions, 'too many answers'),
  })
  .strict();

// Compile-time agreement with the wire types (the input side: transforms only trim).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree = <T extends true>(): T => true as T;
agree<Same<z.input<typeof employeeSurveyOpenSchema>, EmployeeSurveyOpenInput>>();
agree<Same<z.input<typeof employeeAnswerSchema>, EmployeeAnswerInput>>();
type Assignable<A, B> = [A] extends [B] ? true : never;
agree<Assignable<z.infer<typeof employeeSurveyInputSchema>, EmployeeSurveyInput>>();
