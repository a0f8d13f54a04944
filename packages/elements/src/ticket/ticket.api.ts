/**
 * The customer's side of the ticket API (`/api/tickets/link/:token/...`), as plain fetch calls: the
 * link token is the credential, so no session, no cookie and no socket. Types only from @parley/protocol.
 */
import type { CustomerReplyInput, CustomerTicket } from '@parley/protocol';
import { ApiError, callJson, jsonOrMultipart } from '../internal/rest.js';

export { ApiError as TicketApiError } from '../internal/rest.js';

export interface TicketLink {
  /** Origin of the Parley server (a trailing slash is tolerated). */
  server: string;
  token: string;
}

/** Where a link's resources live; the token is encoded so a strange one cannot change the path. */
export function linkUrl(link: TicketLink, suffix = ''): string {
  return `${link.server.replace(/\/+$/, '')}/api/tickets/link/${encodeURIComponent(link.token)}${suffix}`;
}

/** An attachment's download address (the server answers with `Content-Disposition: attachment`). */
export const fileUrl = (link: TicketLink, fileId: string): string => linkUrl(link, `/files/${encodeURIComponent(fileId)}`);

async function call(link: TicketLink, suffix: string, init: RequestInit = {}): Promise<CustomerTicket> {
  // no-store: a refresh must see the agent's latest reply, never a cached copy.
  const { ticket } = await callJson<{ ticket?: CustomerTicket }>(linkUrl(link, suffix), { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', ...init });
  if (!ticket) throw new ApiError('unavailable', 'The server sent no ticket.', 200);
  return ticket;
}

export const fetchTicket = (link: TicketLink, signal?: AbortSignal): Promise<CustomerTicket> => call(link, '', { signal });

/** A reply: JSON, or multipart (`payload` holding the JSON, `files` once per file) when files go with it. */
export function sendReply(link: TicketLink, message: string, files: readonly File[]): Promise<CustomerTicket> {
  const input: CustomerReplyInput = { message };
  return call(link, '/replies', jsonOrMultipart('POST', input, files));
}

export const resolveTicket = (link: TicketLink): Promise<CustomerTicket> => call(link, '/resolve', { method: 'POST' });
