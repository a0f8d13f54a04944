/**
 * The console's list of survey answers, newest first. Admins see the whole site; supervisors see
 * answers about their departments (so NPS, which belongs to no department, is the admins'); agents
 * see none here: their own scores reach them through reports, not a list of comments about them.
 */
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { SurveyKind, SurveyResponseRow } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import type { Staff } from '../tickets/access.js';
import { surveyInvitations, surveyResponses } from './schema.js';

export interface ResponseQuery {
  kind?: SurveyKind;
  from?: Date;
  to?: Date;
  departmentId?: string;
  before?: Date;
  limit: number;
}

export async function listResponses(ctx: AppContext, s: Staff, siteId: string, q: ResponseQuery): Promise<SurveyResponseRow[]> {
  if (s.role === 'agent') throw new AppError('forbidden', 'only a supervisor or an admin may read survey responses');
  const where: Array<SQL | undefined> = [eq(surveyResponses.siteId, siteId)];
  if (s.role === 'supervisor') {
    if (q.departmentId && !s.departmentIds.includes(q.departmentId)) throw new AppError('forbidden', "you may read only your own departments' survey responses");
    if (s.departmentIds.length === 0) return [];
    where.push(inArray(surveyInvitations.departmentId, s.departmentIds));
  }
  if (q.departmentId) where.push(eq(surveyInvitations.departmentId, q.departmentId));
  if (q.kind) where.push(eq(surveyInvitations.kind, q.kind));
  if (q.from) where.push(gte(surveyResponses.createdAt, q.from));
  if (q.to) where.push(lt(surveyResponses.createdAt, q.to));
  if (q.before) where.push(lt(surveyResponses.createdAt, q.before));
  const rows = await ctx.db
    .select({ res: surveyResponses, inv: surveyInvitations })
    .from(surveyResponses)
    .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyResponses.invitationId))
    .where(and(...where))
    .orderBy(desc(surveyResponses.createdAt), desc(surveyResponses.id))
    .limit(q.limit);
  return rows.map(({ res, inv }) => ({
    id: res.id,
    kind: inv.kind,
    score: res.score,
    comment: res.comment,
    conversationId: inv.conversationId,
    ticketId: inv.ticketId,
    agentId: inv.agentId,
    departmentId: inv.departmentId,
    contactEmail: inv.contactEmail,
    locale: inv.locale,
    createdAt: res.createdAt.toISOString(),
    updatedAt: res.updatedAt.toISOString(),
  }));
}
