/**
 * Replies by email: POST /api/mail/inbound with the raw RFC 822 message as the body and
 * `Authorization: Bearer <INBOUND_MAIL_TOKEN>` (the mail gateway's secret; unset, the route is off).
 * The ticket is found by the number in the plus-address or the subject, and the sender must be the
 * ticket's contact: knowing a ticket number is not enough to write into it.
 */
import { timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { FILE_LIMITS } from '../files/limits.js';
import { checkUploads, type CheckedUpload } from '../files/upload.js';
import { AppError } from '../lib/errors.js';
import { parseInboundMail, ticketNumberOf } from '../mail/inbound.js';
import { customerReply } from './customer.js';
import { tickets } from './schema.js';

function tokenMatches(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(`Bearer ${expected}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Each attachment on its own: one refused file (an .exe, a huge video) must not lose the reply. */
async function acceptable(attachments: Array<{ filename: string; content: Uint8Array }>): Promise<{ ok: CheckedUpload[]; refused: string[] }> {
  const ok: CheckedUpload[] = [];
  const refused: string[] = [];
  for (const a of attachments) {
    if (ok.length >= FILE_LIMITS.perEntry) {
      refused.push(a.filename);
      continue;
    }
    try {
      ok.push(...(await checkUploads([{ name: a.filename, bytes: a.content }])));
    } catch {
      refused.push(a.filename);
    }
  }
  return { ok, refused };
}

export function inboundMailRoutes(ctx: AppContext) {
  const app = new Hono();
  app.post('/inbound', async (c) => {
    const expected = ctx.config.inboundMailToken;
    if (!expected) throw new AppError('not_found', 'inbound mail is not enabled (set INBOUND_MAIL_TOKEN)');
    if (!tokenMatches(c.req.header('authorization'), expected)) throw new AppError('unauthorized', 'wrong or missing inbound mail token');
    const mail = await parseInboundMail(new Uint8Array(await c.req.arrayBuffer()));
    const number = ticketNumberOf(mail);
    if (!number) throw new AppError('not_found', 'the mail names no ticket (no T-YYYY-NNNNNN in the address or subject)');
    const matches = await ctx.db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.number, number), sql`lower(${tickets.contactEmail}) = ${mail.from}`));
    // Same answer for "no such ticket" and "not the ticket's contact": numbers are guessable.
    if (matches.length !== 1) throw new AppError('not_found', `no ticket ${number} for ${mail.from}`);
    const { ok, refused } = await acceptable(mail.attachments);
    const note = refused.length > 0 ? `\n\n(${refused.length} attachment(s) not accepted: ${refused.join(', ')})` : '';
    const body = (mail.text || '(no text)') + note;
    const { duplicate } = await customerReply(ctx, matches[0]!.id, { message: body.slice(0, 20_000), via: 'email', uploads: ok, emailMessageId: mail.messageId });
    return c.json({ ticket: number, appended: !duplicate, refusedAttachments: refused }, duplicate ? 200 : 201);
  });
  return app;
}
