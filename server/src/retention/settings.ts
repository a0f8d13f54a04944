/**
 * Retention settings per site: periods, the switch, and the rule that switching it on needs a dry run
 * seen for the same periods (the console shows its counts in the confirmation). Every change is
 * audited in its own transaction.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { RetentionPreview, RetentionSettingsView } from '@parley/protocol';
import { auditChanges } from '../audit/diff.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { jobs } from '../jobs/schema.js';
import { AppError } from '../lib/errors.js';
import { countExpired, cutoffsOf, DAILY_JOB, DEFAULT_CHAT_MONTHS, DEFAULT_TICKET_MONTHS, MAX_MONTHS, MIN_MONTHS } from './service.js';
import { retentionSettings } from './schema.js';

/** How long a dry run stays good for enabling. */
export const PREVIEW_TTL_MS = 30 * 60_000;

const months = z.coerce.number().int().min(MIN_MONTHS).max(MAX_MONTHS);

export const retentionPatchSchema = z
  .object({
    chatMonths: months.optional(),
    ticketMonths: months.optional(),
    enabled: z.boolean().optional(),
    /** Required to switch on: the token of a preview of the periods being saved. */
    previewToken: z.string().min(1).max(100).optional(),
  })
  .strict();

export const previewQuerySchema = z.object({ chatMonths: months.optional(), ticketMonths: months.optional() }).strict();

type Row = typeof retentionSettings.$inferSelect;

export async function settingsOf(db: Executor, siteId: string): Promise<Row> {
  const [row] = await db.select().from(retentionSettings).where(eq(retentionSettings.siteId, siteId));
  return (
    row ?? {
      siteId,
      chatMonths: DEFAULT_CHAT_MONTHS,
      ticketMonths: DEFAULT_TICKET_MONTHS,
      enabled: false,
      enabledAt: null,
      enabledBy: null,
      preview: null,
      lastRun: null,
      updatedAt: new Date(0),
    }
  );
}

async function nextRunAt(db: Executor): Promise<string | null> {
  const [job] = await db
    .select({ runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.kind, DAILY_JOB), eq(jobs.status, 'pending')))
    .orderBy(asc(jobs.runAt))
    .limit(1);
  return job ? job.runAt.toISOString() : null;
}

export async function settingsView(db: Executor, siteId: string): Promise<RetentionSettingsView> {
  const row = await settingsOf(db, siteId);
  return {
    chatMonths: row.chatMonths,
    ticketMonths: row.ticketMonths,
    enabled: row.enabled,
    enabledAt: row.enabled && row.enabledAt ? row.enabledAt.toISOString() : null,
    lastRun: row.lastRun,
    nextRunAt: row.enabled ? await nextRunAt(db) : null,
  };
}

/** The dry run for the saved periods or the ones given; remembered so enabling can check it was seen. */
export async function preview(ctx: AppContext, siteId: string, q: z.infer<typeof previewQuerySchema>): Promise<RetentionPreview> {
  const now = ctx.clock();
  const current = await settingsOf(ctx.db, siteId);
  const chatMonths = q.chatMonths ?? current.chatMonths;
  const ticketMonths = q.ticketMonths ?? current.ticketMonths;
  const cutoffs = cutoffsOf(now, chatMonths, ticketMonths);
  const counts = await countExpired(ctx.db, siteId, cutoffs);
  const token = randomBytes(12).toString('base64url');
  await ctx.db
    .insert(retentionSettings)
    .values({ siteId, preview: { token, chatMonths, ticketMonths, at: now.toISOString() }, updatedAt: current.updatedAt.getTime() ? current.updatedAt : now })
    .onConflictDoUpdate({ target: retentionSettings.siteId, set: { preview: { token, chatMonths, ticketMonths, at: now.toISOString() } } });
  return { chatMonths, ticketMonths, chatCutoff: cutoffs.chat.toISOString(), ticketCutoff: cutoffs.ticket.toISOString(), counts, previewToken: token };
}

export async function updateSettings(ctx: AppContext, actorId: string, siteId: string, patch: z.infer<typeof retentionPatchSchema>, ip: string | null): Promise<RetentionSettingsView> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(retentionSettings).where(eq(retentionSettings.siteId, siteId)).for('update');
    const current = locked ?? (await settingsOf(tx, siteId));
    const next = {
      chatMonths: patch.chatMonths ?? current.chatMonths,
      ticketMonths: patch.ticketMonths ?? current.ticketMonths,
      enabled: patch.enabled ?? current.enabled,
    };
    // Switching on, or changing the periods while on, deletes on the next run: it needs a dry run of exactly these periods.
    const needsPreview = next.enabled && (!current.enabled || next.chatMonths !== current.chatMonths || next.ticketMonths !== current.ticketMonths);
    if (needsPreview) {
      const p = current.preview;
      const fresh = p && now.getTime() - Date.parse(p.at) <= PREVIEW_TTL_MS;
      if (!patch.previewToken || !p || p.token !== patch.previewToken || !fresh || p.chatMonths !== next.chatMonths || p.ticketMonths !== next.ticketMonths) {
        throw new AppError('invalid', 'previewToken: run the dry run (GET /api/console/retention/preview) for these periods and confirm its counts before retention deletes anything');
      }
    }
    const changes = auditChanges({ chatMonths: current.chatMonths, ticketMonths: current.ticketMonths, enabled: current.enabled }, next);
    const values = {
      ...next,
      enabledAt: next.enabled ? (current.enabled ? current.enabledAt : now) : null,
      enabledBy: next.enabled ? (current.enabled ? current.enabledBy : actorId) : null,
      // A preview is good for one confirmation.
      preview: needsPreview ? null : current.preview,
      updatedAt: now,
    };
    await tx.insert(retentionSettings).values({ siteId, ...values }).onConflictDoUpdate({ target: retentionSettings.siteId, set: values });
    if (changes) await recordAudit(tx, { siteId, actorId, action: 'retention.settings_changed', targetType: 'site', targetId: siteId, ...changes, ip, at: now });
  });
  return settingsView(ctx.db, siteId);
}
