/**
 * The customer's side of the ticket API (`/api/tickets/link/:token/...`), as plain fetch calls: the
 * link token is the credential, so no session, no cookie and no socket. Types only from @parley/protocol.
 */
import type { CustomerReplyInput, CustomerTicket } from '@parley/protocol';

/** A failed call: `code` is the server's error code, or `unavailable` when it could not be reached. */
export class TicketApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status; 0 when no answer came back. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'TicketApiError';
  }
}

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
  let res: Response;
  try {
    // no-store: a refresh must see the agent's latest reply, never a cached copy.
    res = await fetch(linkUrl(link, suffix), { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', ...init });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new TicketApiError('unavailable', 'Cannot reach the server.', 0);
  }
  const parsed = (await res.json().catch(() => null)) as { ticket?: CustomerTicket; error?: { code?: string; message?: string } } | null;
  if (!res.ok || !parsed?.ticket) {
    const e = parsed?.error;
    const code = e?.code ?? (res.status === 404 ? 'not_found' : res.status >= 500 || res.ok ? 'unavailable' : 'invalid');
    throw new TicketApiError(code, e?.message ?? `HTTP ${res.status}`, res.status);
  }
  return parsed.ticket;
}

export const fetchTicket = (link: TicketLink, signal?: AbortSignal): Promise<CustomerTicket> => call(link, '', { signal });

/** A reply: JSON, or multipart (`payload` holding the JSON, `files` once per file) when files go with it. */
export function sendReply(link: TicketLink, message: string, files: readonly File[]): Promise<CustomerTicket> {
  const input: CustomerReplyInput = { message };
  if (!files.length) {
    return call(link, '/replies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  }
  const form = new FormData();
  form.append('payload', JSON.stringify(input));
  for (const f of files) form.append('files', f, f.name);
  return call(link, '/replies', { method: 'POST', body: form });
}

export const resolveTicket = (link: TicketLink): Promise<CustomerTicket> => call(link, '/resolve', { method: 'POST' });
