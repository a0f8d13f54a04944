/**
 * The public ticket API (`/api/tickets/sites/:siteKey/...`) as plain fetch calls: the Feedback tab must
 * not pay for Socket.IO or zod. Types come from @parley/protocol as `import type` only.
 */
import type { TicketCategory, TicketCreated, TicketInput } from '@parley/protocol';

/**
 * A refused or failed call. `status` is the HTTP status (0 when the server could not be reached);
 * `message` is the server's own words when it sent some.
 */
export class TicketApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'TicketApiError';
  }
}

export interface TicketSource {
  /** Origin of the Parley server, without a trailing slash. */
  server: string;
  site: string;
}

const base = (src: TicketSource): string => `${src.server.replace(/\/+$/, '')}/api/tickets/sites/${encodeURIComponent(src.site)}`;

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    // An abort is the caller's own doing; it checks signal.aborted.
    if (init.signal?.aborted) throw err;
    throw new TicketApiError('unavailable', 'Cannot reach the server.', 0);
  }
  const parsed = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const e = parsed?.error;
    throw new TicketApiError(e?.code ?? (res.status >= 500 ? 'unavailable' : 'invalid'), e?.message ?? `HTTP ${res.status}`, res.status);
  }
  return parsed as T;
}

export const fetchTicketCategories = (src: TicketSource, audience: 'customer' | 'employee', signal?: AbortSignal): Promise<TicketCategory[]> =>
  call<{ categories: TicketCategory[] }>(`${base(src)}/categories?for=${audience}`, { signal }).then((r) => r.categories);

/** JSON without files; multipart (`payload` holding the JSON, each file as `files`) with them. */
export function createTicket(src: TicketSource, input: TicketInput, files: readonly File[]): Promise<TicketCreated> {
  let init: RequestInit;
  if (files.length) {
    const form = new FormData();
    form.append('payload', JSON.stringify(input));
    for (const f of files) form.append('files', f, f.name);
    init = { method: 'POST', body: form };
  } else {
    init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) };
  }
  return call<{ ticket: TicketCreated }>(base(src), init).then((r) => r.ticket);
}

/** Fields the server names in a refusal (`"email: that is not an email address"`), mapped to the form's. */
const SERVER_FIELDS: Record<string, 'category' | 'subject' | 'message' | 'name' | 'email'> = {
  categoryId: 'category',
  subject: 'subject',
  message: 'message',
  name: 'name',
  email: 'email',
};

/** The form field a server refusal is about, and its text without the field prefix; null for the whole form. */
export function fieldOfRefusal(message: string): { field: 'category' | 'subject' | 'message' | 'name' | 'email'; text: string } | null {
  const m = /^(\w+):\s*(.+)$/s.exec(message);
  if (!m || !Object.prototype.hasOwnProperty.call(SERVER_FIELDS, m[1])) return null;
  const field = SERVER_FIELDS[m[1]];
  const text = m[2].trim();
  return { field, text: text.charAt(0).toUpperCase() + text.slice(1) };
}
