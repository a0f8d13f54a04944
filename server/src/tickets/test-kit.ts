/** Helpers for the ticket tests: a movable clock, REST calls, categories, employee tokens. Not a test file. */
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import type { TicketCategory, TicketCreated, TicketInput } from '@parley/protocol';
import { sites } from '../db/schema.js';
import { api, type Reply } from '../kb/test-kit.js';
import type { TestServer } from '../testing.js';

/** A clock tests move; the server reads it for every due time and job. */
export function movableClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set: (iso: string) => (now = new Date(iso)),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

export const HOUR = 3_600_000;

export async function categories(server: TestServer, who: 'customer' | 'employee' = 'customer'): Promise<Record<string, TicketCategory>> {
  const r = await api<{ categories: TicketCategory[] }>(server, `/api/tickets/sites/${server.siteKey}/categories?for=${who}`);
  if (r.status !== 200) throw new Error(`categories: ${r.status}`);
  return Object.fromEntries(r.body.categories.map((c) => [c.slug, c]));
}

export function submit(server: TestServer, input: Partial<TicketInput>, headers: Record<string, string> = {}): Promise<Reply<{ ticket: TicketCreated; error?: { code: string; message: string } }>> {
  return api(server, `/api/tickets/sites/${server.siteKey}`, { json: input, headers });
}

export async function complaint(server: TestServer, extra: Partial<TicketInput> = {}): Promise<TicketCreated> {
  const cats = await categories(server);
  const r = await submit(server, { categoryId: cats.complaint!.id, subject: 'Broken kettle', message: 'It arrived cracked.', email: 'mia@example.com', name: 'Mia', ...extra });
  if (r.status !== 201) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.ticket;
}

export async function siteSecret(server: TestServer): Promise<string> {
  const [s] = await server.database.db.select({ secret: sites.secret }).from(sites).where(eq(sites.key, server.siteKey));
  return s!.secret;
}

/** What a company intranet would sign for an employee. */
export async function employeeToken(secret: string, claims: { sub: string; name?: string; departments?: string[]; locale?: string }, now: Date, ttlSeconds = 3600): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
