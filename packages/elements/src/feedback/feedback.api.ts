/**
 * The public ticket API (`/api/tickets/sites/:siteKey/...`) as plain fetch calls: the Feedback tab must
 * not pay for Socket.IO or zod. Types come from @parley/protocol as `import type` only.
 */
import type { TicketCategory, TicketCreated, TicketInput } from '@parley/protocol';
import { callJson, jsonOrMultipart } from '../internal/rest.js';

export { ApiError as TicketApiError } from '../internal/rest.js';

export interface TicketSource {
  /** Origin of the Parley server, without a trailing slash. */
  server: string;
  site: string;
}

const base = (src: TicketSource): string => `${src.server.replace(/\/+$/, '')}/api/tickets/sites/${encodeURIComponent(src.site)}`;

export const fetchTicketCategories = (src: TicketSource, audience: 'customer' | 'employee', signal?: AbortSignal): Promise<TicketCategory[]> =>
  callJson<{ categories: TicketCategory[] }>(`${base(src)}/categories?for=${audience}`, { signal }).then((r) => r.categories);

/** JSON without files; multipart (`payload` holding the JSON, each file as `files`) with them. */
export function createTicket(src: TicketSource, input: TicketInput, files: readonly File[]): Promise<TicketCreated> {
  return callJson<{ ticket: TicketCreated }>(base(src), jsonOrMultipart('POST', input, files)).then((r) => r.ticket);
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
