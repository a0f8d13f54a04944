/**
 * The employee's side: which surveys are open for me, one survey in my language, my answer.
 *
 * A survey I may not answer (not in my audience or sample, not open, another site's) is the same 404
 * as one that does not exist. One that I have answered is 409 `closed` on a second answer, and is no
 * longer listed. Answers are checked against every question before anything is written; the answer
 * and the "has answered" marker are written in one transaction, and a concurrent second answer loses
 * on the marker's primary key, taking its answer row down with it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { EmployeeAnswerValue, EmployeeQuestion, EmployeeQuestionView, EmployeeSurveySummary, EmployeeSurveyView, Locale, LocalizedText } from '@parley/protocol';
import { EMPLOYEE_SURVEY_LIMITS, employeeAnswerSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../../context.js';
import type { Employee } from '../../identity/employee-token.js';
import { AppError, isUniqueViolation } from '../../lib/errors.js';
import { parseInput } from '../../lib/http.js';
import { siteDepartments, type SiteDepartment } from '../../identity/departments.js';
import { inAudience, memberHash } from './audience.js';
import { stateOf, type SurveyRow } from './manage.js';
import { employeeSurveyAnswers, employeeSurveyRespondents, employeeSurveySample, employeeSurveys } from './schema.js';

export interface EmployeeSite {
  id: string;
  secret: string;
}

const notFound = () => new AppError('not_found', 'no such survey for you (it may have closed, or be meant for others)');

/** zh-CN and zh-TW fall back to each other before English, like the elements' `localized`. */
export function pick(text: LocalizedText | null, locale: Locale): string {
  if (!text) return '';
  if (locale === 'zh-CN') return text['zh-CN'] ?? text['zh-TW'] ?? text.en;
  if (locale === 'zh-TW') return text['zh-TW'] ?? text['zh-CN'] ?? text.en;
  return text.en;
}

function questionView(q: EmployeeQuestion, locale: Locale): EmployeeQuestionView {
  const v: EmployeeQuestionView = { id: q.id, type: q.type, text: pick(q.text, locale), required: q.required };
  if (q.options) v.options = q.options.map((o) => ({ id: o.id, text: pick(o.text, locale) }));
  return v;
}

function surveyView(row: SurveyRow, locale: Locale): EmployeeSurveyView {
  return { id: row.id, locale, title: pick(row.title, locale), intro: pick(row.intro, locale), closesAt: row.closesAt?.toISOString() ?? null, questions: row.questions.map((q) => questionView(q, locale)) };
}

interface Eligibility {
  row: SurveyRow;
  hash: string;
  group: string | null;
}

/** The open surveys this employee may answer (answered ones included; callers filter). */
async function eligible(ctx: AppContext, site: EmployeeSite, employee: Employee, only?: string): Promise<{ list: Eligibility[]; answered: Set<string> }> {
  const now = ctx.clock();
  const rows = (
    await ctx.db
      .select()
      .from(employeeSurveys)
      .where(and(eq(employeeSurveys.siteId, site.id), eq(employeeSurveys.status, 'open'), only ? eq(employeeSurveys.id, only) : undefined))
  ).filter((r) => stateOf(r, now) === 'open');
  if (rows.length === 0) return { list: [], answered: new Set() };
  const depts: SiteDepartment[] = await siteDepartments(ctx.db, site.id);
  const placed = rows
    .map((row) => ({ row, hash: memberHash(site.secret, row.id, employee.id), ...inAudience(row, employee, depts) }))
    .filter((p) => p.inAudience);
  if (placed.length === 0) return { list: [], answered: new Set() };
  const pairs = (table: typeof employeeSurveySample | typeof employeeSurveyRespondents) =>
    ctx.db
      .select({ surveyId: table.surveyId, memberHash: table.memberHash })
      .from(table)
      .where(
        and(
          inArray(
            table.surveyId,
            placed.map((p) => p.row.id),
          ),
          inArray(
            table.memberHash,
            placed.map((p) => p.hash),
          ),
        ),
      );
  const key = (r: { surveyId: string; memberHash: string }) => `${r.surveyId}|${r.memberHash}`;
  const sampled = new Set((await pairs(employeeSurveySample)).map(key));
  const answered = new Set((await pairs(employeeSurveyRespondents)).map((r) => r.surveyId));
  const list = placed.filter((p) => p.row.sampleSize === null || sampled.has(key({ surveyId: p.row.id, memberHash: p.hash })));
  return { list: list.map(({ row, hash, group }) => ({ row, hash, group })), answered };
}

export async function openSurveysFor(ctx: AppContext, site: EmployeeSite, employee: Employee, locale: Locale): Promise<EmployeeSurveySummary[]> {
  const { list, answered } = await eligible(ctx, site, employee);
  return list
    .filter((e) => !answered.has(e.row.id))
    .sort((a, b) => (a.row.closesAt?.getTime() ?? Infinity) - (b.row.closesAt?.getTime() ?? Infinity) || a.row.createdAt.getTime() - b.row.createdAt.getTime())
    .map(({ row }) => {
      const { questions, ...rest } = surveyView(row, locale);
      return { ...rest, questionCount: questions.length };
    });
}

/** One survey to answer. Answered already: 409, so the element can say "thank you, you have answered" instead of showing the form. */
export async function surveyForEmployee(ctx: AppContext, site: EmployeeSite, employee: Employee, id: string, locale: Locale): Promise<EmployeeSurveyView> {
  const { list, answered } = await eligible(ctx, site, employee, id);
  const found = list[0];
  if (!found) throw notFound();
  if (answered.has(id)) throw new AppError('closed', 'you have already answered this survey; thank you');
  return surveyView(found.row, locale);
}

/** Checks every answer against its question; returns the normalised answers (trimmed text, unique choices). */
export function checkAnswers(questions: readonly EmployeeQuestion[], raw: Record<string, unknown>): Record<string, EmployeeAnswerValue> {
  const byId = new Map(questions.map((q, i) => [q.id, { q, n: i + 1 }]));
  const unknown = Object.keys(raw).find((k) => !byId.has(k));
  if (unknown !== undefined) throw new AppError('invalid', `answers.${unknown}: this survey has no such question`);
  const out: Record<string, EmployeeAnswerValue> = {};
  for (const [i, q] of questions.entries()) {
    const where = `answers.${q.id} (question ${i + 1})`;
    const v = raw[q.id];
    const blank = v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
    if (blank) {
      if (q.required) throw new AppError('invalid', `${where}: this question must be answered`);
      continue;
    }
    const optionIds = new Set(q.options?.map((o) => o.id));
    switch (q.type) {
      case 'rating':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) throw new AppError('invalid', `${where}: a rating is a whole number from 1 to 5`);
        out[q.id] = v;
        break;
      case 'single':
        if (typeof v !== 'string' || !optionIds.has(v)) throw new AppError('invalid', `${where}: choose one of the options (${[...optionIds].join(', ')})`);
        out[q.id] = v;
        break;
      case 'multiple': {
        if (!Array.isArray(v) || v.some((o) => typeof o !== 'string' || !optionIds.has(o))) throw new AppError('invalid', `${where}: a list of the options (${[...optionIds].join(', ')})`);
        const chosen = [...new Set(v as string[])];
        out[q.id] = q.options!.map((o) => o.id).filter((o) => chosen.includes(o));
        break;
      }
      case 'text':
        if (typeof v !== 'string') throw new AppError('invalid', `${where}: a text answer is a string`);
        if (v.length > EMPLOYEE_SURVEY_LIMITS.answerChars) throw new AppError('invalid', `${where}: longer than ${EMPLOYEE_SURVEY_LIMITS.answerChars} characters`);
        out[q.id] = v.trim();
        break;
    }
  }
  return out;
}

export async function answerSurvey(ctx: AppContext, site: EmployeeSite, employee: Employee, id: string, raw: unknown): Promise<void> {
  const input = parseInput(employeeAnswerSchema, raw);
  const { list, answered } = await eligible(ctx, site, employee, id);
  const found = list[0];
  if (!found) throw notFound();
  const already = () => new AppError('closed', 'you have already answered this survey; an answer cannot be given twice');
  if (answered.has(id)) throw already();
  const answers = checkAnswers(found.row.questions, input.answers);
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(employeeSurveyRespondents).values({ surveyId: id, memberHash: found.hash });
      await tx.insert(employeeSurveyAnswers).values({ surveyId: id, departmentId: found.group, answers });
    });
  } catch (err) {
    // Two tabs at once: the marker's primary key lets one through; the other's answer rolled back with it.
    if (isUniqueViolation(err)) throw already();
    throw err;
  }
}
