/**
 * The SLA's durable timers (DESIGN.md "Storage and processes"): a first-response breach and three
 * escalation steps per ticket, as rows in `jobs`. Handlers re-read the ticket under a row lock and
 * act only if the step still applies, so a restart, a leader change or a replay never skips or
 * doubles a step: the job row and the ticket change commit together.
 *
 * While a ticket waits on the customer its escalation clock stops; when the customer answers it
 * restarts with the next step's full interval (a simple rule people can predict).
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import type { JobRow, JobContext } from '../jobs/runner.js';
import { cancelJobsWithPrefix, scheduleJob } from '../jobs/service.js';
import { addBusinessMinutes } from '../sla/business-time.js';
import { calendarOf, slaSettings, type SlaPlan, type TicketSlaSettings } from '../sla/policy.js';
import { isActive, lockTicket, type TicketRow } from './dto.js';
import { emitTicket, mailStaff } from './notify.js';
import { tickets } from './schema.js';
import { recordHistory, SYSTEM } from './thread.js';
import { emitWebhookEvent, ticketPayload } from '../webhooks/events.js';

export const BREACH_JOB = 'ticket.breach';
export const ESCALATE_JOB = 'ticket.escalate';

const escalationKey = (ticketId: string, level: number, at: Date) => `${ticketId}:L${level}@${at.getTime()}`;

export async function scheduleSlaJobs(tx: Executor, ticket: TicketRow, plan: SlaPlan): Promise<void> {
  await scheduleJob(tx, { kind: BREACH_JOB, key: ticket.id, runAt: plan.firstResponseDueAt, payload: { ticketId: ticket.id } });
  await scheduleEscalation(tx, ticket.id, 1, plan.escalations[0]);
}

async function scheduleEscalation(tx: Executor, ticketId: string, level: 1 | 2 | 3, at: Date): Promise<void> {
  await scheduleJob(tx, { kind: ESCALATE_JOB, key: escalationKey(ticketId, level, at), runAt: at, payload: { ticketId, level } });
}

/** Business minutes from reaching `level - 1` to reaching `level`. */
function stepMinutes(settings: TicketSlaSettings, level: 1 | 2 | 3): number {
  const m = settings.escalationMinutes;
  return level === 1 ? m[0] : m[level - 1]! - m[level - 2]!;
}

/** The ticket left the team's hands (resolved, closed, waiting on the customer): no escalation runs. */
export async function pauseEscalation(tx: Executor, ticketId: string): Promise<void> {
  await cancelJobsWithPrefix(tx, ESCALATE_JOB, `${ticketId}:`);
}

/** Back with the team (the customer answered, an agent reopened it): the next level's clock starts now. */
export async function resumeEscalation(tx: Executor, ticket: TicketRow, now: Date): Promise<void> {
  if (ticket.escalationLevel >= 3) return;
  const level = (ticket.escalationLevel + 1) as 1 | 2 | 3;
  const settings = await slaSettings(tx, ticket.siteId, ticket.departmentId);
  const cal = await calendarOf(tx, ticket.departmentId);
  await pauseEscalation(tx, ticket.id);
  await scheduleEscalation(tx, ticket.id, level, addBusinessMinutes(cal, now, stepMinutes(settings, level)));
}

/** A new target (priority or category changed before the first answer): the breach moves with it. */
export async function rescheduleBreach(tx: Executor, ticket: TicketRow): Promise<void> {
  if (ticket.firstRespondedAt || ticket.breachedAt) return;
  await scheduleJob(tx, { kind: BREACH_JOB, key: ticket.id, runAt: ticket.firstResponseDueAt, payload: { ticketId: ticket.id } });
}

export function registerSlaJobs(ctx: AppContext): void {
  ctx.jobs.register(BREACH_JOB, async (job: JobRow, { tx, now, afterCommit }: JobContext) => {
    const ticket = await lockTicket(tx, String(job.payload.ticketId));
    if (!ticket || ticket.firstRespondedAt || ticket.breachedAt) return;
    if (ticket.status !== 'new' && ticket.status !== 'open') return;
    // A due time moved later by a priority change is rescheduled under the same key; an old run that
    // still fires early is not a breach.
    if (ticket.firstResponseDueAt > now) return;
    const [row] = await tx.update(tickets).set({ breachedAt: now, updatedAt: now }).where(eq(tickets.id, ticket.id)).returning();
    await recordHistory(tx, ticket.id, SYSTEM, 'breached', { to: ticket.firstResponseDueAt.toISOString() }, now);
    afterCommit(() => emitTicket(ctx, row!));
  });

  ctx.jobs.register(ESCALATE_JOB, async (job: JobRow, { tx, now, afterCommit }: JobContext) => {
    const level = Number(job.payload.level) as 1 | 2 | 3;
    if (![1, 2, 3].includes(level)) return;
    const ticket = await lockTicket(tx, String(job.payload.ticketId));
    if (!ticket || !isActive(ticket.status) || ticket.status === 'pending') return;
    if (ticket.escalationLevel >= level) return;
    const [row] = await tx.update(tickets).set({ escalationLevel: level, updatedAt: now }).where(eq(tickets.id, ticket.id)).returning();
    await recordHistory(tx, ticket.id, SYSTEM, 'escalated', { from: String(ticket.escalationLevel), to: String(level) }, now);
    const notified = await mailStaff(tx, ctx, row!, level, now);
    if (notified > 0) await recordHistory(tx, ticket.id, SYSTEM, 'notified', { to: `${notified} by email` }, now);
    // A team's group chat (DingTalk, WeCom, Feishu) hears of it with the escalation, or not at all.
    await emitWebhookEvent(tx, ctx, row!.siteId, 'ticket.escalated', { ticket: ticketPayload(row!), level }, { now });
    if (level < 3) {
      const settings = await slaSettings(tx, ticket.siteId, ticket.departmentId);
      const cal = await calendarOf(tx, ticket.departmentId);
      const next = (level + 1) as 2 | 3;
      await scheduleEscalation(tx, ticket.id, next, addBusinessMinutes(cal, job.runAt, stepMinutes(settings, next)));
    }
    afterCommit(() => emitTicket(ctx, row!));
  });
}
