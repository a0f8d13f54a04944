/**
 * The console's side of employee surveys: drafts, opening (with the sample drawn), closing, the list.
 *
 * Who: admins every survey of the site; supervisors only surveys for their own departments (audience
 * `departments`, every one theirs), which they may create, edit, open, close and read; agents none.
 * A survey outside someone's reach answers 404, so ids cannot be probed.
 */
import { auditEvent } from '../../audit/wiring.js';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { EmployeeQuestion, EmployeeSurveyAdmin, EmployeeSurveyInput, EmployeeSurveyOpenInput, LocalizedText } from '@parley/protocol';
import { employeeSurveyInputSchema, employeeSurveyOpenSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { agents, sites } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';
import { parseInput } from '../../lib/http.js';
import type { Staff } from '../../tickets/access.js';
import { siteDepartments } from '../../identity/departments.js';
import { drawSample } from './audience.js';
import { employeeSurveyAnswers, employeeSurveySample, employeeSurveys } from './schema.js';

export type SurveyRow = typeof employeeSurveys.$inferSelect;

const notFound = () => new AppError('not_found', 'no such employee survey');

export function requireManager(s: Staff): void {
  if (s.role !== 'admin' && s.role !== 'supervisor') throw new AppError('forbidden', 'only a supervisor or an admin may work with employee surveys');
}

/** What this person may see: admins all, supervisors surveys wholly inside their departments. */
function reach(s: Staff): SQL | undefined {
  if (s.role === 'admin') return undefined;
  if (s.departmentIds.length === 0) return sql`false`;
  const mine = sql.join(
    s.departmentIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return and(eq(employeeSurveys.audienceKind, 'departments'), sql`${employeeSurveys.departmentIds} <@ array[${mine}]`);
}

export function stateOf(row: SurveyRow, now: Date): EmployeeSurveyAdmin['state'] {
  if (row.status !== 'open') return row.status;
  if (row.opensAt && now < row.opensAt) return 'scheduled';
  if (row.closesAt && now >= row.closesAt) return 'closed';
  return 'open';
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function adminView(row: SurveyRow, creator: { id: string; name: string } | null, now: Date): EmployeeSurveyAdmin {
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    questions: row.questions,
    audience: { kind: row.audienceKind, departmentIds: row.departmentIds, sampleSize: row.sampleSize },
    opensAt: iso(row.opensAt),
    closesAt: iso(row.closesAt),
    status: row.status,
    state: stateOf(row, now),
    audienceSize: row.audienceSize,
    createdBy: creator,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    openedAt: iso(row.openedAt),
    closedAt: iso(row.closedAt),
  };
}

/**
 * The survey if this person may see it; 404 otherwise. One past its closesAt is closed here for good
 * (with its answers reshuffled, see closeSurvey) before anyone reads it: no job is needed for that,
 * because until someone looks nothing depends on it (employees are refused by the window already).
 */
export async function surveyFor(ctx: AppContext, s: Staff, siteId: string, id: string): Promise<SurveyRow> {
  requireManager(s);
  const [row] = await ctx.db
    .select()
    .from(employeeSurveys)
    .where(and(eq(employeeSurveys.id, id), eq(employeeSurveys.siteId, siteId), reach(s)));
  if (!row) throw notFound();
  if (row.status === 'open' && stateOf(row, ctx.clock()) === 'closed') return (await finish(ctx, id, row.closesAt!)) ?? row;
  return row;
}

async function withCreator(ctx: AppContext, rows: SurveyRow[]): Promise<EmployeeSurveyAdmin[]> {
  const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => x !== null))];
  const names = new Map<string, string>();
  for (const id of ids) {
    const [a] = await ctx.db.select({ name: agents.name }).from(agents).where(eq(agents.id, id));
    if (a) names.set(id, a.name);
  }
  const now = ctx.clock();
  return rows.map((r) => adminView(r, r.createdBy && names.has(r.createdBy) ? { id: r.createdBy, name: names.get(r.createdBy)! } : null, now));
}

export async function viewSurvey(ctx: AppContext, row: SurveyRow): Promise<EmployeeSurveyAdmin> {
  return (await withCreator(ctx, [row]))[0]!;
}

export async function listSurveys(ctx: AppContext, s: Staff, siteId: string): Promise<EmployeeSurveyAdmin[]> {
  requireManager(s);
  const rows = await ctx.db
    .select()
    .from(employeeSurveys)
    .where(and(eq(employeeSurveys.siteId, siteId), reach(s)))
    .orderBy(desc(employeeSurveys.createdAt), desc(employeeSurveys.id))
    .limit(500);
  return withCreator(ctx, rows);
}

function questionsOf(input: EmployeeSurveyInput): EmployeeQuestion[] {
  return input.questions.map((q, i) => {
    const out: EmployeeQuestion = { id: `q${i + 1}`, type: q.type, text: q.text, required: q.required ?? false };
    if (q.options) out.options = q.options.map((text: LocalizedText, j) => ({ id: `o${j + 1}`, text }));
    return out;
  });
}

/** Validates a draft's fields against the site and the person's departments; returns the row's columns. */
async function draftColumns(ctx: AppContext, s: Staff, siteId: string, raw: unknown) {
  const input = parseInput(employeeSurveyInputSchema, raw);
  const { audience } = input;
  const departmentIds = [...new Set((audience.departmentIds ?? []).map((d) => d.toLowerCase()))];
  if (audience.kind === 'everyone' && departmentIds.length > 0) throw new AppError('invalid', 'audience.departmentIds: an everyone-survey names no departments');
  if (audience.kind === 'departments') {
    if (departmentIds.length === 0) throw new AppError('invalid', 'audience.departmentIds: name at least one department');
    const known = new Set((await siteDepartments(ctx.db, siteId)).map((d) => d.id));
    const unknown = departmentIds.find((d) => !known.has(d));
    if (unknown) throw new AppError('invalid', `audience.departmentIds: ${unknown} is not a department of this site`);
  }
  if (s.role === 'supervisor') {
    if (audience.kind === 'everyone') throw new AppError('forbidden', 'a supervisor may survey only their own departments; an admin surveys everyone');
    if (departmentIds.some((d) => !s.departmentIds.includes(d))) throw new AppError('forbidden', 'a supervisor may survey only their own departments');
  }
  const opensAt = input.opensAt ? new Date(input.opensAt) : null;
  const closesAt = input.closesAt ? new Date(input.closesAt) : null;
  if (opensAt && closesAt && closesAt <= opensAt) throw new AppError('invalid', 'closesAt must be after opensAt');
  return {
    title: input.title,
    intro: input.intro ?? null,
    questions: questionsOf(input),
    audienceKind: audience.kind,
    departmentIds,
    sampleSize: audience.sampleSize ?? null,
    opensAt,
    closesAt,
  };
}

export async function createSurvey(ctx: AppContext, s: Staff, siteId: string, raw: unknown): Promise<EmployeeSurveyAdmin> {
  requireManager(s);
  const cols = await draftColumns(ctx, s, siteId, raw);
  const now = ctx.clock();
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx.insert(employeeSurveys).values({ ...cols, siteId, status: 'draft', createdBy: s.id, createdAt: now, updatedAt: now }).returning();
    await auditEvent(tx, { siteId, actorId: s.id, at: now }, 'employee_survey.created', { type: 'employee_survey', id: r!.id }, { after: surveyFacts(r!) });
    return r!;
  });
  return viewSurvey(ctx, row);
}

/** Drafts only: once people answer, the questions they answered must stay what they were. */
export async function updateSurvey(ctx: AppContext, s: Staff, siteId: string, id: string, raw: unknown): Promise<EmployeeSurveyAdmin> {
  const current = await surveyFor(ctx, s, siteId, id);
  if (current.status !== 'draft') throw new AppError('closed', 'only a draft can be edited; this survey has been opened');
  const cols = await draftColumns(ctx, s, siteId, raw);
  const [row] = await ctx.db
    .update(employeeSurveys)
    .set({ ...cols, updatedAt: ctx.clock() })
    .where(and(eq(employeeSurveys.id, id), eq(employeeSurveys.status, 'draft')))
    .returning();
  if (!row) throw new AppError('closed', 'only a draft can be edited; this survey has been opened');
  return viewSurvey(ctx, row);
}

export async function deleteDraft(ctx: AppContext, s: Staff, siteId: string, id: string): Promise<void> {
  const current = await surveyFor(ctx, s, siteId, id);
  if (current.status !== 'draft') throw new AppError('closed', 'only a draft can be deleted; close an opened survey instead');
  await ctx.db.delete(employeeSurveys).where(and(eq(employeeSurveys.id, id), eq(employeeSurveys.status, 'draft')));
}

/**
 * Opens a draft. A sampled survey draws its sample here, once, from the roster the intranet sends
 * (audience.ts explains why a roster); the roster is not kept, only the drawn people's keyed hashes.
 */
export async function openSurvey(ctx: AppContext, s: Staff, siteId: string, id: string, raw: unknown): Promise<EmployeeSurveyAdmin> {
  const current = await surveyFor(ctx, s, siteId, id);
  const input: EmployeeSurveyOpenInput = parseInput(employeeSurveyOpenSchema, raw ?? {});
  if (current.status !== 'draft') throw new AppError('closed', `this survey is already ${current.status}`);
  const now = ctx.clock();
  if (current.closesAt && current.closesAt <= now) throw new AppError('invalid', 'closesAt is in the past; change it before opening');
  if (current.sampleSize !== null && !input.roster?.length) {
    throw new AppError('invalid', 'roster: a sampled survey is drawn from the intranet roster (each person\'s subject and departments) sent when it opens');
  }
  const [site] = await ctx.db.select({ secret: sites.secret }).from(sites).where(eq(sites.id, siteId));
  const seed = current.sampleSize !== null ? randomBytes(32).toString('hex') : null;
  let audienceSize: number | null = input.audienceSize ?? null;
  let members: string[] | null = null;
  if (input.roster) {
    const drawn = drawSample(current, input.roster, await siteDepartments(ctx.db, siteId), { seed: seed ?? '', siteSecret: site!.secret, surveyId: id });
    audienceSize = drawn.audienceSize;
    members = drawn.members;
    if (members !== null && members.length === 0) throw new AppError('invalid', 'roster: nobody on it is in this survey\'s audience');
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [opened] = await tx
      .update(employeeSurveys)
      .set({ status: 'open', openedAt: now, updatedAt: now, sampleSeed: seed, audienceSize })
      .where(and(eq(employeeSurveys.id, id), eq(employeeSurveys.status, 'draft')))
      .returning();
    if (!opened) throw new AppError('closed', 'this survey was opened meanwhile');
    await auditEvent(tx, { siteId, actorId: s.id, at: now }, 'employee_survey.opened', { type: 'employee_survey', id }, { after: { ...surveyFacts(opened), audienceSize } });
    for (let i = 0; members && i < members.length; i += 1000) {
      await tx.insert(employeeSurveySample).values(members.slice(i, i + 1000).map((memberHash) => ({ surveyId: id, memberHash })));
    }
    return opened;
  });
  return viewSurvey(ctx, row);
}

/**
 * Closes an open survey (a closed one stays closed). Its answers are then rewritten in random order:
 * rows written in one transaction with their marker share its transaction id and sit in the same
 * insertion order, which someone with raw database access could line up; a rewrite by one later
 * transaction in shuffled order leaves neither to line up. (Backups taken while it was open still could.)
 */
export async function closeSurvey(ctx: AppContext, s: Staff, siteId: string, id: string): Promise<EmployeeSurveyAdmin> {
  const current = await surveyFor(ctx, s, siteId, id);
  if (current.status === 'draft') throw new AppError('invalid', 'a draft is not open; delete it instead');
  if (current.status === 'closed') return viewSurvey(ctx, current);
  const row = await finish(ctx, id, ctx.clock(), s.id);
  return viewSurvey(ctx, row ?? (await surveyFor(ctx, s, siteId, id)));
}

const surveyFacts = (r: SurveyRow) => ({ title: r.title, audienceKind: r.audienceKind, departmentIds: r.departmentIds, sampleSize: r.sampleSize, status: r.status, closesAt: r.closesAt });

/** open -> closed at `at`, answers reshuffled; null when someone else closed it first. */
async function finish(ctx: AppContext, id: string, at: Date, actorId: string | null = null): Promise<SurveyRow | null> {
  return ctx.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(employeeSurveys)
      .set({ status: 'closed', closedAt: at, updatedAt: ctx.clock() })
      .where(and(eq(employeeSurveys.id, id), eq(employeeSurveys.status, 'open')))
      .returning();
    if (!closed) return null;
    // By a person, or (actor null) by its closing time passing.
    await auditEvent(tx, { siteId: closed.siteId, actorId, at: ctx.clock() }, 'employee_survey.closed', { type: 'employee_survey', id }, { after: surveyFacts(closed) });
    await shuffleAnswers(tx, id);
    return closed;
  });
}

async function shuffleAnswers(tx: Executor, surveyId: string): Promise<void> {
  await tx.execute(sql`
    with moved as (delete from ${employeeSurveyAnswers} where ${employeeSurveyAnswers.surveyId} = ${surveyId} returning survey_id, department_id, answers)
    insert into ${employeeSurveyAnswers} (id, survey_id, department_id, answers)
    select gen_random_uuid(), survey_id, department_id, answers from moved order by random()`);
}
