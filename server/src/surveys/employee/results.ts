/**
 * Results of an employee survey, with the anonymity threshold applied (EMPLOYEE_SURVEY_LIMITS.minGroupSize, 5):
 *
 * - Below 5 answers in all, nothing is shown, not even the exact count.
 * - A department is shown on its own from 5 answers. Smaller ones, and people matching no department,
 *   are put together as "Other departments". If that pool is itself 1-4, the smallest shown department
 *   joins it until it reaches 5 (or nothing is left to show by department): otherwise the overall
 *   numbers minus the shown departments would give away the small pool's answers.
 * - Text answers are listed per shown group, in random order (never in the order they came in).
 * - Answers are shown once the survey has closed (by hand or at closesAt); while it is open only the
 *   number of answers (from 5) and the response rate. Results read while answers come in could be
 *   compared: "6 answers now, 5 an hour ago, and Li Lei just said he answered" would be his answer,
 *   whatever the group sizes. One final set of results leaves nothing to compare.
 */
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { EmployeeAnswerValue, EmployeeGroupResult, EmployeeQuestion, EmployeeQuestionResult, EmployeeSurveyResults, LocalizedText } from '@parley/protocol';
import { EMPLOYEE_SURVEY_LIMITS } from '@parley/protocol/schemas';
import type { AppContext } from '../../context.js';
import { siteDepartments } from '../../identity/departments.js';
import { stateOf, type SurveyRow } from './manage.js';
import { employeeSurveyAnswers } from './schema.js';

const MIN = EMPLOYEE_SURVEY_LIMITS.minGroupSize;
type Answers = Record<string, EmployeeAnswerValue>;

const OTHER: LocalizedText = { en: 'Other departments', 'zh-CN': '其他部门', 'zh-TW': '其他部門' };
const ALL: LocalizedText = { en: 'Everyone', 'zh-CN': '全体', 'zh-TW': '全體' };

function shuffled<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function questionResult(q: EmployeeQuestion, answers: Answers[]): EmployeeQuestionResult {
  const given = answers.map((a) => a[q.id]).filter((v) => v !== undefined);
  const r: EmployeeQuestionResult = { id: q.id, type: q.type, text: q.text, answered: given.length };
  if (q.type === 'rating') {
    const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const v of given) distribution[String(v) as keyof typeof distribution]++;
    r.distribution = distribution;
    r.average = given.length ? Math.round(((given as number[]).reduce((s, v) => s + v, 0) / given.length) * 100) / 100 : null;
  } else if (q.type === 'single' || q.type === 'multiple') {
    r.options = (q.options ?? []).map((o) => ({ id: o.id, text: o.text, count: given.filter((v) => v === o.id || (Array.isArray(v) && v.includes(o.id))).length }));
  } else {
    r.texts = shuffled((given as string[]).filter((t) => t.length > 0));
  }
  return r;
}

const groupResult = (group: string, name: LocalizedText, questions: readonly EmployeeQuestion[], answers: Answers[]): EmployeeGroupResult => ({
  group,
  name,
  responses: answers.length,
  questions: questions.map((q) => questionResult(q, answers)),
});

export async function surveyResults(ctx: AppContext, row: SurveyRow): Promise<EmployeeSurveyResults> {
  const rows = await ctx.db.select({ departmentId: employeeSurveyAnswers.departmentId, answers: employeeSurveyAnswers.answers }).from(employeeSurveyAnswers).where(eq(employeeSurveyAnswers.surveyId, row.id));
  const names = new Map((await siteDepartments(ctx.db, row.siteId)).map((d) => [d.id, d.names]));
  return resultsOf(row, rows, names, stateOf(row, ctx.clock()) === 'closed');
}

/** The threshold rules over one survey's answers (pure, so each rule is tested on its own). */
export function resultsOf(
  row: Pick<SurveyRow, 'id' | 'questions' | 'audienceSize'>,
  rows: ReadonlyArray<{ departmentId: string | null; answers: Answers }>,
  names: ReadonlyMap<string, LocalizedText>,
  final: boolean,
): EmployeeSurveyResults {
  const total = rows.length;
  const base = { surveyId: row.id, minGroupSize: MIN, audienceSize: row.audienceSize, final };
  if (total < MIN) return { ...base, overall: null, groups: [], responses: null, responseRate: null };
  const responseRate = row.audienceSize ? Math.round((total / row.audienceSize) * 1000) / 1000 : null;
  if (!final) return { ...base, overall: null, groups: [], responses: total, responseRate };

  const byDept = new Map<string, Answers[]>();
  const pool: Answers[] = [];
  for (const r of rows) {
    if (r.departmentId === null) pool.push(r.answers);
    else byDept.set(r.departmentId, [...(byDept.get(r.departmentId) ?? []), r.answers]);
  }
  const shown = [...byDept.entries()].filter(([, a]) => a.length >= MIN);
  for (const [, a] of byDept) if (a.length < MIN) pool.push(...a);
  // Secondary suppression: a pool of 1-4 would be "everyone minus the shown departments".
  shown.sort((x, y) => y[1].length - x[1].length);
  while (pool.length > 0 && pool.length < MIN && shown.length > 0) pool.push(...shown.pop()![1]);

  const groups = shown.map(([id, a]) => groupResult(id, names.get(id) ?? { en: 'Department' }, row.questions, a));
  // With nothing shown by department the pool is everyone: the overall result says it already.
  if (groups.length > 0 && pool.length >= MIN) groups.push(groupResult('other', OTHER, row.questions, pool));
  return {
    ...base,
    overall: groupResult('all', ALL, row.questions, rows.map((r) => r.answers)),
    groups,
    responses: total,
    responseRate,
  };
}

/**
 * The results as CSV (UTF-8 with a BOM, so Excel opens Chinese text correctly): one line per rating
 * point, option and text answer, per shown group. Texts in the given locale's words, English below them.
 */
export function resultsCsv(results: EmployeeSurveyResults, locale: 'en' | 'zh-CN' | 'zh-TW'): string {
  const t = (x: LocalizedText) => x[locale] ?? x.en;
  const lines: Array<Array<string | number>> = [['group', 'responses', 'question', 'question_text', 'type', 'answer', 'count', 'average']];
  const groups = results.overall ? [results.overall, ...results.groups] : [];
  for (const g of groups) {
    for (const q of g.questions) {
      const head = [t(g.name), g.responses, q.id, t(q.text), q.type];
      if (q.distribution) for (const [point, n] of Object.entries(q.distribution)) lines.push([...head, point, n, q.average ?? '']);
      for (const o of q.options ?? []) lines.push([...head, t(o.text), o.count, '']);
      for (const text of q.texts ?? []) lines.push([...head, text, '', '']);
    }
  }
  if (groups.length === 0) {
    const why = results.responses !== null && !results.final ? `${results.responses} answers so far: results are shown when the survey closes` : `fewer than ${results.minGroupSize} answers: nothing can be shown`;
    lines.push([why, '', '', '', '', '', '', '']);
  }
  // A cell starting with = + - @ is a formula to a spreadsheet: an answer must not run as one.
  const safe = lines.map((l) => l.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
  return '\uFEFF' + stringify(safe);
}
