/**
 * Erasing a contact (GDPR "right to erasure"), in one transaction with its audit entry:
 *
 * - the contact row stays (visitors point at it) with every personal field emptied and `erasedAt` set;
 * - its browsers: name and page dropped, token replaced by an unguessable value nobody holds (the
 *   token is revoked: the next handshake is refused and the widget starts an anonymous session), and
 *   their live sockets are dropped after commit;
 * - its conversations: every message body becomes ERASED and the visitor's name goes; system events
 *   keep their kind and time (reports read `queued` / `agent_joined` from them), so report figures
 *   (counts, response and resolution times, CSAT/NPS scores) do not move;
 * - its tickets: subject, contact name and email, entry bodies and customer names replaced or
 *   dropped, files deleted, private links revoked; the mail sent about them or to the contact's
 *   address keeps only its status; webhook deliveries that carried them keep only their event type;
 * - survey answers keep their score (reports) and lose their comment; the NPS "last asked" marks of
 *   the contact's browsers and addresses are deleted; help-center votes lose their comment; the bot's
 *   unanswered questions taken from these chats lose their text.
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ContactErasure } from '@parley/protocol';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import {
  conversations,
  files,
  kbGaps,
  kbVotes,
  mailOutbox,
  messages,
  surveyInvitations,
  surveyNpsAsks,
  surveyResponses,
  ticketEntries,
  ticketHistory,
  ticketLinks,
  tickets,
  visitors,
  webhookDeliveries,
} from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { holdingsOf } from './holdings.js';
import { contacts } from './schema.js';

/** What replaces erased text: visible in the console, so nobody mistakes it for data loss. */
export const ERASED = '[erased]';

export async function eraseContact(ctx: AppContext, input: { siteId: string; contactId: string; actorId: string; ip?: string | null }): Promise<ContactErasure> {
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    // The row lock makes two erasures (double click, two admins) run one after the other; the second finds it erased.
    const [contact] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, input.contactId), eq(contacts.siteId, input.siteId)))
      .for('update');
    if (!contact || contact.erasedAt) throw new AppError('not_found', 'no such contact');
    const h = await holdingsOf(tx, contact.id);
    const { visitorIds: V, conversationIds: C, ticketIds: T, invitationIds: I } = h;

    const ticketEmails = T.length ? (await tx.select({ e: tickets.contactEmail }).from(tickets).where(inArray(tickets.id, T))).map((r) => r.e) : [];
    const emails = [...new Set([contact.email, ...ticketEmails].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))];

    let messageCount = 0;
    if (C.length) {
      const erased = await tx
        .update(messages)
        .set({
          body: ERASED,
          authorName: sql`case when ${messages.author} = 'visitor' then null else ${messages.authorName} end`,
          // Only a help-center hand-off carries the visitor's words (their search); other system events are kept whole for reports.
          meta: sql`case when ${messages.meta}->'system'->>'kind' = 'from_help' then '{"system":{"kind":"from_help"}}'::jsonb else ${messages.meta} end`,
        })
        .where(inArray(messages.conversationId, C))
        .returning({ id: messages.id });
      messageCount = erased.length;
      await tx.update(conversations).set({ pageUrl: null }).where(inArray(conversations.id, C));
      await tx
        .update(kbGaps)
        .set({ example: ERASED, key: sql`'erased:' || ${kbGaps.id}::text`, conversationId: null })
        .where(inArray(kbGaps.conversationId, C));
    }

    let fileCount = 0;
    if (T.length) {
      await tx.update(tickets).set({ subject: ERASED, contactName: null, contactEmail: null, employeeId: null }).where(inArray(tickets.id, T));
      await tx
        .update(ticketEntries)
        .set({ body: ERASED, emailMessageId: null, authorName: sql`case when ${ticketEntries.author} = 'customer' then null else ${ticketEntries.authorName} end` })
        .where(inArray(ticketEntries.ticketId, T));
      await tx.update(ticketHistory).set({ actorName: null }).where(and(inArray(ticketHistory.ticketId, T), eq(ticketHistory.actor, 'customer')));
      await tx.update(ticketLinks).set({ revokedAt: now }).where(and(inArray(ticketLinks.ticketId, T), isNull(ticketLinks.revokedAt)));
      fileCount = (await tx.delete(files).where(inArray(files.ticketId, T)).returning({ id: files.id })).length;
    }

    const mailWhere = or(T.length ? inArray(mailOutbox.ticketId, T) : undefined, emails.length ? inArray(sql`lower(${mailOutbox.to})`, emails) : undefined);
    if (T.length || emails.length) await tx.update(mailOutbox).set({ to: ERASED, subject: ERASED, text: ERASED, html: ERASED, headers: {} }).where(and(eq(mailOutbox.siteId, input.siteId), mailWhere));

    // Deliveries name the chat or ticket in their envelope; the text search runs once per erasure, over one site.
    const needles = [...C, ...T, ...emails];
    if (needles.length) {
      const pattern = needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
      await tx
        .update(webhookDeliveries)
        .set({
          envelope: sql`jsonb_build_object('id', ${webhookDeliveries.envelope}->'id', 'type', ${webhookDeliveries.envelope}->'type', 'createdAt', ${webhookDeliveries.envelope}->'createdAt', 'siteId', ${webhookDeliveries.envelope}->'siteId', 'data', jsonb_build_object('erased', true))`,
          summary: ERASED,
          lastError: null,
        })
        .where(and(eq(webhookDeliveries.siteId, input.siteId), sql`${webhookDeliveries.envelope}::text ~* ${pattern}`));
    }

    if (I.length) {
      await tx.update(surveyInvitations).set({ contactEmail: null }).where(inArray(surveyInvitations.id, I));
      await tx.update(surveyResponses).set({ comment: null }).where(inArray(surveyResponses.invitationId, I));
    }
    const subjects = [...V.map((v) => `visitor:${v}`), ...emails.map((e) => `email:${e}`)];
    if (subjects.length) await tx.delete(surveyNpsAsks).where(and(eq(surveyNpsAsks.siteId, input.siteId), inArray(surveyNpsAsks.subject, subjects)));

    if (V.length) {
      await tx.update(kbVotes).set({ comment: null }).where(inArray(kbVotes.visitorId, V));
      // A fresh random value per row: the unique index holds, and no token hashes to it.
      await tx
        .update(visitors)
        .set({ name: null, pageUrl: null, tokenHash: sql`'erased:' || gen_random_uuid()::text` })
        .where(inArray(visitors.id, V));
    }
    await tx.update(contacts).set({ externalId: null, name: null, email: null, erasedAt: now }).where(eq(contacts.id, contact.id));

    const summary: ContactErasure = { contactId: contact.id, erasedAt: now.toISOString(), conversations: C.length, messages: messageCount, tickets: T.length, files: fileCount, devices: V.length };
    // Counts only: the audit log must not become the copy of what was erased.
    await recordAudit(tx, {
      siteId: input.siteId,
      actorId: input.actorId,
      action: 'contact.erased',
      targetType: 'contact',
      targetId: contact.id,
      after: { conversations: C.length, messages: messageCount, tickets: T.length, files: fileCount, devices: V.length },
      ip: input.ip ?? null,
      at: now,
    });
    return { summary, visitorIds: V };
  });
  // After commit: a socket dropped earlier could reconnect before the token change was visible.
  for (const id of result.visitorIds) ctx.visitors.in(`visitor:${id}`).disconnectSockets(true);
  ctx.logger.info({ siteId: input.siteId, actorId: input.actorId, ...result.summary }, 'contact erased');
  return result.summary;
}
