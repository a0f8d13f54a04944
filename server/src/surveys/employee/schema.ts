/**
 * Employee survey tables (surveys/employee/), re-exported from db/schema.ts.
 *
 * Anonymity is in the shape of the tables: an answer row holds the survey, the respondent's group (a
 * department, or none) and the answers, and nothing else: no employee, no time, a random id. Who has
 * answered is a separate marker keyed by an HMAC of the person (see audience.ts) with no time and no
 * reference to the answer. Both are written in one transaction, so answering twice is impossible and an
 * answer never exists without its marker, yet no column joins the two.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EmployeeAnswerValue, EmployeeQuestion, EmployeeSurveyStatus, LocalizedText } from '@parley/protocol';
import { agents, departments, sites } from '../../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const employeeSurveys = pgTable(
  'employee_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    intro: jsonb('intro').$type<LocalizedText>(),
    questions: jsonb('questions').$type<EmployeeQuestion[]>().notNull(),
    audienceKind: text('audience_kind').$type<'everyone' | 'departments'>().notNull(),
    /** Parley department ids; kept as an array (not a join table) because they are fixed once the survey opens. */
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    sampleSize: integer('sample_size'),
    status: text('status').$type<EmployeeSurveyStatus>().notNull().default('draft'),
    opensAt: at('opens_at'),
    closesAt: at('closes_at'),
    /** Set when a sampled survey opens: with the roster it makes the draw reproducible (audience.ts). */
    sampleSeed: text('sample_seed'),
    audienceSize: integer('audience_size'),
    createdBy: uuid('created_by').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    openedAt: at('opened_at'),
    closedAt: at('closed_at'),
  },
  (t) => [index('employee_surveys_site_idx').on(t.siteId, t.status)],
);

/** The drawn sample of a sampled survey: keyed hashes of the people drawn, nobody else from the roster. */
export const employeeSurveySample = pgTable(
  'employee_survey_sample',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => employeeSurveys.id, { onDelete: 'cascade' }),
    memberHash: text('member_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.memberHash] })],
);

/** "This person has answered": no time, no link to the answer. The primary key is what refuses a second answer. */
export const employeeSurveyRespondents = pgTable(
  'employee_survey_respondents',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => employeeSurveys.id, { onDelete: 'cascade' }),
    memberHash: text('member_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.memberHash] })],
);

/** One anonymous answer: the group and the answers, nothing about who or when. */
export const employeeSurveyAnswers = pgTable(
  'employee_survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => employeeSurveys.id, { onDelete: 'cascade' }),
    /** The respondent's department within the audience (the group results are shown by); null when none matched. */
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Record<string, EmployeeAnswerValue>>().notNull(),
  },
  (t) => [index('employee_survey_answers_survey_idx').on(t.surveyId)],
);
