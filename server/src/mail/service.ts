/**
 * The outbox: every mail is a `mail_outbox` row written in the transaction that caused it, then sent
 * by a `mail.send` job when SMTP is configured (DESIGN.md "Storage and processes"). Without SMTP the row
 * stays `stored` and the console's email log shows it, so the demo works with nothing else running.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { ExternalJobHandler } from '../jobs/runner.js';
import { scheduleJob } from '../jobs/service.js';
import { AppError } from '../lib/errors.js';
import type { MailTemplate } from './copy.js';
import { mailOutbox } from './schema.js';
import type { MailStatus } from './schema.js';
import type { MailTransport } from './transport.js';

export const MAIL_SEND_JOB = 'mail.send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One address, no display name, nothing that could end a header line. */
const ADDRESS = /^[^\s<>()",;:@\\]+@[^\s<>()",;:@\\]+\.[^\s<>()",;:@\\]+$/;

export interface QueueMailInput {
  siteId: string;
  /** A ticket template, or `report.monthly` / `agent.invitation` (reports/monthly-mail.ts, agents/invitation-mail.ts render their own: they are not about a ticket). */
  template: MailTemplate | 'report.monthly' | 'agent.invitation';
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  ticketId?: string | null;
}

export type MailRow = typeof mailOutbox.$inferSelect;

export interface MailSummary {
  id: string;
  template: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  ticketId: string | null;
}

/** An id for our own Message-ID header; replies quote it in In-Reply-To. */
export const newMessageId = () => `<${randomUUID()}@parley>`;

/**
 * Inside the caller's transaction: writes the row, `queued` with a `mail.send` job due now when
 * `delivering` (SMTP configured), else `stored`. Adds a Message-ID unless the caller gave one.
 */
export async function queueMail(tx: Executor, input: QueueMailInput, opts: { delivering: boolean; now: Date }): Promise<{ id: string; messageId: string }> {
  const to = input.to.trim();
  if (!ADDRESS.test(to)) throw new AppError('invalid', 'to must be one email address');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    // A line break in a header value would let it add headers of its own.
    if (!/^[!-9;-~]+$/.test(name) || /[\r\n]/.test(value)) throw new AppError('invalid', `header ${JSON.stringify(name)} is not a valid mail header`);
    headers[name] = value;
  }
  const givenId = Object.keys(headers).find((name) => name.toLowerCase() === 'message-id');
  const messageId = givenId ? headers[givenId]! : newMessageId();
  if (!givenId) headers['Message-ID'] = messageId;

  const [row] = await tx
    .insert(mailOutbox)
    .values({
      siteId: input.siteId,
      template: input.template,
      to,
      subject: input.subject,
      text: input.text,
      html: input.html,
      headers,
      ticketId: input.ticketId ?? null,
      status: opts.delivering ? 'queued' : 'stored',
      createdAt: opts.now,
    })
    .returning({ id: mailOutbox.id });
  const id = row!.id;
  if (opts.delivering) await scheduleJob(tx, { kind: MAIL_SEND_JOB, key: id, runAt: opts.now });
  return { id, messageId };
}

/**
 * A refusal that will not change on retry: the server rejected the recipient or the message itself
 * (5xx to RCPT/DATA). A refused connection, a timeout or a 4xx is worth another try.
 */
function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: unknown; code?: unknown };
  return typeof e?.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * The `mail.send` job, run outside any transaction (JobRunner.registerExternal): an SMTP server that
 * takes seconds must not hold a database transaction open. Sends a `queued` row and marks it `sent`;
 * a row already sent (a repeated job) is left alone. Every failed try is written to the row at once,
 * so the email log shows what is wrong while retries go on; the last try, or a permanent refusal,
 * ends the row `failed`. A throw lets the runner schedule the retry (or fail the job).
 */
export function mailSendHandler(deps: { transport: MailTransport; from: string }): ExternalJobHandler {
  return async (job, { db, now, lastAttempt }) => {
    if (!UUID.test(job.key)) return;
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, job.key));
    if (!row || row.status !== 'queued') return;
    const attempts = row.attempts + 1;
    try {
      await deps.transport.send({ from: deps.from, to: row.to, subject: row.subject, text: row.text, html: row.html, headers: row.headers });
    } catch (err) {
      const permanent = isPermanent(err);
      await db
        .update(mailOutbox)
        .set({ attempts, lastError: errorText(err), ...(permanent || lastAttempt ? { status: 'failed' as const } : {}) })
        .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'queued')));
      // A permanent refusal will not change on retry: the job is over, the row says why.
      if (permanent) return;
      throw err;
    }
    await db.update(mailOutbox).set({ status: 'sent', attempts, sentAt: now, lastError: null }).where(eq(mailOutbox.id, row.id));
  };
}

/** The console's email log: newest first, paged by `before` (a createdAt), without the bodies. */
export async function listMail(db: Executor, siteId: string, opts: { limit: number; before?: Date; ticketId?: string }): Promise<MailSummary[]> {
  if (!UUID.test(siteId)) return [];
  if (opts.ticketId !== undefined && !UUID.test(opts.ticketId)) return [];
  const limit = Math.min(200, Math.max(1, Math.floor(opts.limit) || 1));
  return db
    .select({
      id: mailOutbox.id,
      template: mailOutbox.template,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
      ticketId: mailOutbox.ticketId,
    })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.siteId, siteId),
        opts.before ? lt(mailOutbox.createdAt, opts.before) : undefined,
        opts.ticketId ? eq(mailOutbox.ticketId, opts.ticketId) : undefined,
      ),
    )
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
}

/** One mail with its bodies and headers, or null (also for another site's mail or a malformed id). */
export async function getMail(db: Executor, siteId: string, id: string): Promise<MailRow | null> {
  if (!UUID.test(siteId) || !UUID.test(id)) return null;
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.siteId, siteId), eq(mailOutbox.id, id)));
  return row ?? null;
}
