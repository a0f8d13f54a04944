/**
 * Validators for the surveys' inbound payloads (see ./surveys.ts). Server only, like ./schemas.
 * Every string goes through `text()`, which refuses what PostgreSQL cannot store.
 */
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './constants.js';
import { text } from './schemas.js';
import type { NpsRequestInput, SurveyAnswerInput, SurveySettingsPatch } from './surveys.js';

export const SURVEY_LIMITS = {
  commentChars: 2_000,
  questionChars: 300,
  /** Ten years between two NPS questions is "never again"; more is a typo. */
  npsFrequencyDaysMax: 3650,
  /** The same ten years for "after this many days as a contact". */
  npsAfterDaysMax: 3650,
} as const;

export const surveyAnswerSchema = z
  .object({
    // The kind's own range (CSAT 1-5, NPS 0-10) is checked against the invitation by the server.
    score: z.number('score must be a number').int('score must be a whole number').min(0, 'score must be at least 0').max(10, 'score must be at most 10'),
    comment: text()
      .max(SURVEY_LIMITS.commentChars, `comment is longer than ${SURVEY_LIMITS.commentChars} characters`)
      .optional(),
  })
  .strict();

export const npsRequestSchema = z
  .object({
    visitorToken: text().min(16).max(200).optional(),
    locale: z.enum(SUPPORTED_LOCALES).optional(),
    auto: z.boolean('auto must be true or false').optional(),
  })
  .strict();

const question = text()
  .max(SURVEY_LIMITS.questionChars, `a question is longer than ${SURVEY_LIMITS.questionChars} characters`)
  .refine((s) => s.trim().length > 0, 'a question is empty (send null to go back to the default)')
  .transform((s) => s.trim());
const questionsByLocale = z.object({ en: question.nullable(), 'zh-CN': question.nullable(), 'zh-TW': question.nullable() }).partial().strict();

export const surveySettingsPatchSchema = z
  .object({
    npsFrequencyDays: z
      .number('npsFrequencyDays must be a number of days')
      .int('npsFrequencyDays must be a whole number of days')
      .min(1, 'npsFrequencyDays must be at least 1')
      .max(SURVEY_LIMITS.npsFrequencyDaysMax, `npsFrequencyDays must be at most ${SURVEY_LIMITS.npsFrequencyDaysMax}`),
    npsAfterDays: z
      .number('npsAfterDays must be a number of days, or null for off')
      .int('npsAfterDays must be a whole number of days')
      .min(1, 'npsAfterDays must be at least 1 (null turns it off)')
      .max(SURVEY_LIMITS.npsAfterDaysMax, `npsAfterDays must be at most ${SURVEY_LIMITS.npsAfterDaysMax}`)
      .nullable(),
    questions: z.object({ csat: questionsByLocale, nps: questionsByLocale }).partial().strict(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

// Compile-time agreement with the wire types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree = <T extends true>(): T => true as T;
agree<Same<z.infer<typeof surveyAnswerSchema>, SurveyAnswerInput>>();
agree<Same<z.infer<typeof npsRequestSchema>, NpsRequestInput>>();
agree<Same<z.infer<typeof surveySettingsPatchSchema>, SurveySettingsPatch>>();
