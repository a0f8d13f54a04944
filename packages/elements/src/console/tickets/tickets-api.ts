/**
 * The console's ticket API (`/api/console/tickets`), as plain fetch calls with the agent's Bearer token.
 * REST rather than the agent socket: the server's routes are where the role checks, validation and
 * multipart uploads live; the socket only tells the inbox that a row changed (`ticket:updated`).
 */
import type {
  AgentReplyInput,
  CannedReply,
  CannedReplyInput,
  TicketCategory,
  TicketDetail,
  TicketFromChatInput,
  TicketPatch,
  TicketPriority,
  TicketStatus,
  TicketSummary,
  TicketView,
} from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

export { saveBlob } from '../console-rest.js';

export interface InboxFilters {
  view: TicketView;
  status?: TicketStatus | '';
  priority?: TicketPriority | '';
  category?: string;
  q?: string;
}

export type MailStatus = 'stored' | 'queued' | 'sent' | 'failed';

/** A row of the email log (the server's outbox). */
export interface MailSummary {
  id: string;
  template: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  ticketId: string | null;
}

/** One mail with its text (the HTML part is not shown: the text says the same without rendering anything). */
export interface MailDetail extends MailSummary {
  text: string;
}

/** Files the composer may attach: what the server accepts (it checks the bytes again). */
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const FILE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];

export class TicketsApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/tickets');
  }

  /**
   * One page of the inbox: newest change first, the next page `before` the `updatedAt` of the last row
   * shown; with a search, best match first, the next page after the `offset` matches already served.
   */
  list(filters: InboxFilters, page: { before?: string; offset?: number }, limit: number, signal?: AbortSignal): Promise<TicketSummary[]> {
    const offset = page.offset ? String(page.offset) : undefined;
    const params = { view: filters.view, status: filters.status, priority: filters.priority, category: filters.category, q: filters.q?.trim(), before: page.before, offset, limit: String(limit) };
    return this.call<{ tickets: TicketSummary[] }>('GET', '', params, undefined, signal).then((r) => r.tickets);
  }

  categories(signal?: AbortSignal): Promise<TicketCategory[]> {
    return this.call<{ categories: TicketCategory[] }>('GET', '/categories', {}, undefined, signal).then((r) => r.categories);
  }

  ticket(id: string, signal?: AbortSignal): Promise<TicketDetail> {
    return this.call<{ ticket: TicketDetail }>('GET', `/${encodeURIComponent(id)}`, {}, undefined, signal).then((r) => r.ticket);
  }

  patch(id: string, patch: TicketPatch): Promise<TicketDetail> {
    return this.call<{ ticket: TicketDetail }>('PATCH', `/${encodeURIComponent(id)}`, {}, patch).then((r) => r.ticket);
  }

  /** A reply or an internal note; with files it goes as multipart (`payload` + `files`), as the server reads it. */
  async reply(id: string, input: AgentReplyInput, files: readonly File[] = []): Promise<TicketDetail> {
    const path = `/${encodeURIComponent(id)}/replies`;
    if (files.length === 0) return this.call<{ ticket: TicketDetail }>('POST', path, {}, input).then((r) => r.ticket);
    const form = new FormData();
    form.set('payload', JSON.stringify(input));
    for (const f of files) form.append('files', f, f.name);
    const res = await this.request('POST', path, {}, { data: form });
    return ((await res.json()) as { ticket: TicketDetail }).ticket;
  }

  /** An attachment's bytes: a plain link would carry no token, so the view downloads through this. */
  async file(ticketId: string, fileId: string): Promise<Blob> {
    const res = await this.request('GET', `/${encodeURIComponent(ticketId)}/files/${encodeURIComponent(fileId)}`);
    return res.blob();
  }

  fileUrl(ticketId: string, fileId: string): string {
    return this.url(`/${encodeURIComponent(ticketId)}/files/${encodeURIComponent(fileId)}`);
  }

  mail(before: string | undefined, limit: number, signal?: AbortSignal): Promise<MailSummary[]> {
    return this.call<{ mail: MailSummary[] }>('GET', '/mail', { before, limit: String(limit) }, undefined, signal).then((r) => r.mail);
  }

  mailItem(id: string, signal?: AbortSignal): Promise<MailDetail> {
    return this.call<{ mail: MailDetail }>('GET', `/mail/${encodeURIComponent(id)}`, {}, undefined, signal).then((r) => r.mail);
  }

  /** Turns a chat into a ticket; the answer is the new ticket as the agent may see it. */
  fromChat(input: TicketFromChatInput): Promise<TicketDetail> {
    return this.call<{ ticket: TicketDetail }>('POST', '/from-chat', {}, input).then((r) => r.ticket);
  }

  cannedReplies(signal?: AbortSignal): Promise<CannedReply[]> {
    return this.call<{ replies: CannedReply[] }>('GET', '/canned', {}, undefined, signal).then((r) => r.replies);
  }

  createCanned(input: CannedReplyInput): Promise<CannedReply> {
    return this.call<{ reply: CannedReply }>('POST', '/canned', {}, input).then((r) => r.reply);
  }

  updateCanned(id: string, input: CannedReplyInput): Promise<CannedReply> {
    return this.call<{ reply: CannedReply }>('PUT', `/canned/${encodeURIComponent(id)}`, {}, input).then((r) => r.reply);
  }

  /** Answers 204 without a body, so not through `call`. */
  async deleteCanned(id: string): Promise<void> {
    await this.request('DELETE', `/canned/${encodeURIComponent(id)}`);
  }
}

/**
 * The ticket a console address points at: escalation emails link to `/console#ticket=<id>`. Null when
 * the fragment names none; the id itself is the server's to judge (an unknown one answers not found).
 */
export function ticketIdFromHash(hash: string): string | null {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('ticket')?.trim();
  return id ? id : null;
}
