/**
 * The person's side of an invitation: what to show, and their answer. An unknown token and an
 * expired, unanswered one are the same 404. An answer can be changed for 24 hours after the first,
 * then it is final (409 `closed`); sending the same answer again is always fine (a retried request).
 */
import { eq } from 'drizzle-orm';
import type { SurveyAnswer, SurveyAnswerInput, SurveyInvitation, SurveyKind, SurveyScale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { surveyInvitations, surveyResponses } from './schema.js';
import { CHANGE_WINDOW_MS, questionText, readSurveySettings } from './settings.js';
import { hashToken, SURVEY_TOKEN } from './tokens.js';
import { emitWebhookEvent } from '../webhooks/events.js';

export const SCALES: Record<SurveyKind, SurveyScale> = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 } };

type InvitationRow = typeof surveyInvitations.$inferSelect;
type ResponseRow = typeof surveyResponses.$inferSelect;

const notFound = () => new AppError('not_found', 'this survey link is unknown or has expired');

async function lookup(db: Executor, token: string): Promise<{ inv: InvitationRow; res: ResponseRow | null } | null> {
  if (!SURVEY_TOKEN.test(token)) return null;
  const [row] = await db
    .select({ inv: surveyInvitations, res: surveyResponses })
    .from(surveyInvitations)
    .leftJoin(surveyResponses, eq(surveyResponses.invitationId, surveyInvitations.id))
    .where(eq(surveyInvitations.tokenHash, hashToken(token)));
  return row ?? null;
}

function answerView(r: ResponseRow): SurveyAnswer {
  return {
    score: r.score,
    comment: r.comment,
    answeredAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    changeableUntil: new Date(r.createdAt.getTime() + CHANGE_WINDOW_MS).toISOString(),
  };
}

/** An answered invitation stays readable after it expires: the person can still see what they said. */
export async function invitationView(ctx: AppContext, token: string): Promise<SurveyInvitation> {
  const found = await lookup(ctx.db, token);
  if (!found || (!found.res && found.inv.expiresAt <= ctx.clock())) throw notFound();
  const { inv, res } = found;
  const settings = await readSurveySettings(ctx.db, inv.siteId);
  return { kind: inv.kind, locale: inv.locale, question: questionText(settings, inv.kind, inv.locale), scale: SCALES[inv.kind], expiresAt: inv.expiresAt.toISOString(), answer: res ? answerView(res) : null };
}

/** `created` is true for the first answer (HTTP 201), false for a change or a repeat. */
export async function answerInvitation(ctx: AppContext, token: string, input: SurveyAnswerInput): Promise<{ answer: SurveyAnswer; created: boolean }> {
  const found = await lookup(ctx.db, token);
  const now = ctx.clock();
  // An answered invitation may still be changed (within the window) or repeated after it expires.
  if (!found || (!found.res && found.inv.expiresAt <= now)) throw notFound();
  const { inv } = found;
  const scale = SCALES[inv.kind];
  if (input.score < scale.min || input.score > scale.max) {
    throw new AppError('invalid', `score must be a whole number from ${scale.min} to ${scale.max}`);
  }
  const comment = input.comment?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(surveyResponses)
      .values({ invitationId: inv.id, siteId: inv.siteId, score: input.score, comment, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    // survey.answered goes out with the answer's commit: the first one, and each change.
    const answered = (r: ResponseRow, changed: boolean) =>
      emitWebhookEvent(tx, ctx, inv.siteId, 'survey.answered', { response: { id: r.id, kind: inv.kind, score: r.score, comment: r.comment, conversationId: inv.conversationId, ticketId: inv.ticketId, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }, changed }, { now });
    if (inserted[0]) {
      await answered(inserted[0], false);
      return { answer: answerView(inserted[0]), created: true };
    }
    const [existing] = await tx.select().from(surveyResponses).where(eq(surveyResponses.invitationId, inv.id)).for('update');
    if (!existing) throw notFound();
    if (existing.score === input.score && existing.comment === comment) return { answer: answerView(existing), created: false };
    if (now.getTime() >= existing.createdAt.getTime() + CHANGE_WINDOW_MS) {
      throw new AppError('closed', 'this answer was given more than 24 hours ago and can no longer be changed');
    }
    const [updated] = await tx
      .update(surveyResponses)
      .set({ score: input.score, comment, updatedAt: now })
      .where(eq(surveyResponses.id, existing.id))
      .returning();
    await answered(updated!, true);
    return { answer: answerView(updated!), created: false };
  });
}
