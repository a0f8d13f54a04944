/**
 * A contact's data export (GDPR access): one JSON document with every conversation and its messages,
 * every ticket with its entries, history and files (bytes base64), every survey answer, and the
 * browsers joined to the contact. Built from holdings.ts, so it holds this contact's data and nobody
 * else's. Tokens and their hashes are never included.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { conversations, files, messages, surveyInvitations, surveyResponses, ticketEntries, ticketHistory, tickets, visitors } from '../db/schema.js';
import type { ContactRow } from './access.js';
import { holdingsOf } from './holdings.js';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export async function exportContact(db: Executor, contact: ContactRow, now: Date) {
  const h = await holdingsOf(db, contact.id);
  const none = Promise.resolve([]);
  const [devices, convs, msgs, ticketRows, entries, history, fileRows, invitations, responses] = await Promise.all([
    h.visitorIds.length ? db.select().from(visitors).where(inArray(visitors.id, h.visitorIds)).orderBy(asc(visitors.createdAt)) : none,
    h.conversationIds.length ? db.select().from(conversations).where(inArray(conversations.id, h.conversationIds)).orderBy(asc(conversations.createdAt)) : none,
    h.conversationIds.length ? db.select().from(messages).where(inArray(messages.conversationId, h.conversationIds)).orderBy(asc(messages.conversationId), asc(messages.seq)) : none,
    h.ticketIds.length ? db.select().from(tickets).where(inArray(tickets.id, h.ticketIds)).orderBy(asc(tickets.createdAt)) : none,
    h.ticketIds.length ? db.select().from(ticketEntries).where(inArray(ticketEntries.ticketId, h.ticketIds)).orderBy(asc(ticketEntries.createdAt), asc(ticketEntries.seq)) : none,
    h.ticketIds.length ? db.select().from(ticketHistory).where(inArray(ticketHistory.ticketId, h.ticketIds)).orderBy(asc(ticketHistory.createdAt), asc(ticketHistory.seq)) : none,
    h.ticketIds.length ? db.select().from(files).where(inArray(files.ticketId, h.ticketIds)).orderBy(asc(files.createdAt)) : none,
    h.invitationIds.length ? db.select().from(surveyInvitations).where(inArray(surveyInvitations.id, h.invitationIds)) : none,
    h.invitationIds.length ? db.select().from(surveyResponses).where(inArray(surveyResponses.invitationId, h.invitationIds)).orderBy(asc(surveyResponses.createdAt)) : none,
  ]);
  const inviteById = new Map(invitations.map((i) => [i.id, i]));
  return {
    format: 'parley.contact-export.v1',
    exportedAt: now.toISOString(),
    contact: { id: contact.id, userId: contact.externalId, name: contact.name, email: contact.email, createdAt: iso(contact.createdAt), lastSeenAt: iso(contact.lastSeenAt) },
    devices: devices.map((v) => ({ id: v.id, locale: v.locale, name: v.name, pageUrl: v.pageUrl, createdAt: iso(v.createdAt), lastSeenAt: iso(v.lastSeenAt) })),
    conversations: convs.map((c) => ({
      id: c.id,
      status: c.status,
      locale: c.locale,
      pageUrl: c.pageUrl,
      createdAt: iso(c.createdAt),
      closedAt: iso(c.closedAt),
      messages: msgs
        .filter((m) => m.conversationId === c.id)
        .map((m) => ({ seq: m.seq, author: m.author, authorName: m.authorName, body: m.body, meta: m.meta, createdAt: iso(m.createdAt) })),
    })),
    tickets: ticketRows.map((t) => ({
      id: t.id,
      number: t.number,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      source: t.source,
      contactName: t.contactName,
      contactEmail: t.contactEmail,
      conversationId: t.conversationId,
      createdAt: iso(t.createdAt),
      resolvedAt: iso(t.resolvedAt),
      closedAt: iso(t.closedAt),
      entries: entries
        .filter((e) => e.ticketId === t.id)
        .map((e) => ({ id: e.id, kind: e.kind, author: e.author, authorName: e.authorName, body: e.body, via: e.via, createdAt: iso(e.createdAt) })),
      history: history.filter((e) => e.ticketId === t.id).map((e) => ({ actor: e.actor, actorName: e.actorName, action: e.action, from: e.from, to: e.to, createdAt: iso(e.createdAt) })),
    })),
    files: fileRows.map((f) => ({ id: f.id, ticketId: f.ticketId, entryId: f.entryId, name: f.name, type: f.type, size: f.size, sha256: f.sha256, createdAt: iso(f.createdAt), base64: Buffer.from(f.bytes).toString('base64') })),
    surveyAnswers: responses.map((r) => {
      const i = inviteById.get(r.invitationId);
      return { id: r.id, kind: i?.kind ?? null, about: i?.about ?? null, conversationId: i?.conversationId ?? null, ticketId: i?.ticketId ?? null, score: r.score, comment: r.comment, answeredAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
    }),
  };
}
