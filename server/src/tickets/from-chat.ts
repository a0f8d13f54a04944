/**
 * An agent turns a chat into a ticket (DESIGN.md "Tickets"): the transcript becomes the ticket's first
 * entry, the visitor's browser and the conversation are linked, the private link goes to the email the
 * visitor gave (never into the chat, where it would be stored in clear), and the chat says so.
 */
import type { TicketFromChatInput } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { broadcastMessage, canSee, getConversation, insertMessage, messagesBefore } from '../conversations/service.js';
import { toMessage } from '../conversations/views.js';
import { AppError } from '../lib/errors.js';
import { TICKET_LIMITS } from '@parley/protocol/schemas';
import type { Staff } from './access.js';
import { getCategory } from './categories.js';
import { createTicket } from './create.js';

const TRANSCRIPT_MESSAGES = 200;

/** The chat as plain text, newest kept when it is too long for one entry. */
function transcript(lines: string[], intro: string): string {
  const max = TICKET_LIMITS.messageChars;
  const kept: string[] = [];
  let size = intro.length + 2;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (size + line.length + 1 > max) break;
    kept.unshift(line);
    size += line.length + 1;
  }
  return `${intro}\n\n${kept.join('\n')}`;
}

export async function ticketFromChat(ctx: AppContext, s: Staff, input: TicketFromChatInput): Promise<{ id: string; number: string }> {
  const conv = await getConversation(ctx, input.conversationId).catch(() => null);
  if (!conv || !canSee(s, conv)) throw new AppError('not_found', 'conversation not found');
  // The ticket must stay where its creator can work on it: a topic routed to a department they are not
  // in would make a ticket they can no longer open (transferring the chat is the way across).
  const category = await getCategory(ctx.db, conv.siteId, input.categoryId);
  if (!category) throw new AppError('invalid', 'categoryId is not a category of this site');
  if (s.role !== 'admin' && category.departmentId && !s.departmentIds.includes(category.departmentId)) {
    throw new AppError('invalid', 'this topic goes to a department you do not work in: choose another topic, or transfer the chat to that department');
  }
  const history = await messagesBefore(ctx, conv.id, conv.lastSeq + 1, TRANSCRIPT_MESSAGES);
  const lines = history
    .filter((m) => m.author !== 'system' && m.body.trim())
    .map((m) => {
      const who = m.author === 'visitor' ? (input.name ?? 'Visitor') : m.author === 'bot' ? 'Assistant' : (m.authorName ?? 'Agent');
      return `[${m.createdAt.slice(0, 16).replace('T', ' ')}] ${who}: ${m.body.replace(/\s+/g, ' ').trim()}`;
    });
  const created = await createTicket(ctx, {
    siteId: conv.siteId,
    categoryId: input.categoryId,
    subject: input.subject,
    message: transcript(lines, `Opened from a chat by ${s.name}.`),
    locale: conv.locale,
    source: 'chat',
    priority: input.priority,
    author: { kind: 'agent', id: s.id, name: s.name },
    contactName: input.name ?? null,
    contactEmail: input.email,
    visitorId: conv.visitorId,
    conversationId: conv.id,
    audience: 'any',
  });
  // Told in the chat itself: the visitor knows to look for the email; the agent sees the number.
  if (conv.status !== 'closed') {
    const { row } = await ctx.db.transaction((tx) =>
      insertMessage(ctx, tx, conv.id, { author: 'system', authorName: null, body: '', meta: { system: { kind: 'ticket_opened', number: created.number } } }),
    );
    broadcastMessage(ctx, toMessage(row));
  }
  return { id: created.id, number: created.number };
}
