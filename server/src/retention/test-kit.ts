/** Old and new chats and tickets with everything hanging off them, for the retention tests. Not a test file. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { conversations, files, mailOutbox, messages, ticketEntries, ticketHistory, tickets, visitors } from '../db/schema.js';

const at = (iso: string) => new Date(iso);
const hash = () => randomBytes(16).toString('hex');

export async function chat(db: Db, siteId: string, spec: { closedAt?: string; createdAt: string; status?: 'bot' | 'queued' | 'assigned' | 'closed'; updatedAt?: string; messages?: number }): Promise<string> {
  const [v] = await db.insert(visitors).values({ siteId, tokenHash: hash() }).returning();
  const status = spec.status ?? 'closed';
  const n = spec.messages ?? 3;
  const [c] = await db
    .insert(conversations)
    .values({
      siteId,
      visitorId: v!.id,
      status,
      closedAt: spec.closedAt ? at(spec.closedAt) : null,
      createdAt: at(spec.createdAt),
      updatedAt: at(spec.updatedAt ?? spec.closedAt ?? spec.createdAt),
      lastSeq: n,
    })
    .returning();
  if (n) {
    await db.insert(messages).values(Array.from({ length: n }, (_, i) => ({ conversationId: c!.id, seq: i + 1, author: i % 2 ? ('agent' as const) : ('visitor' as const), body: `m${i}`, createdAt: at(spec.createdAt) })));
  }
  return c!.id;
}

let no = 0;
export async function ticket(
  db: Db,
  siteId: string,
  spec: { createdAt: string; status: 'new' | 'open' | 'pending' | 'resolved' | 'closed'; resolvedAt?: string; closedAt?: string; updatedAt?: string; entries?: number; withFile?: boolean; mails?: number },
): Promise<string> {
  no++;
  const last = spec.updatedAt ?? spec.closedAt ?? spec.resolvedAt ?? spec.createdAt;
  const [t] = await db
    .insert(tickets)
    .values({
      siteId,
      number: `T-RET-${randomBytes(3).toString('hex')}-${no}`,
      subject: 'Old request',
      source: 'feedback',
      status: spec.status,
      targetMinutes: 60,
      firstResponseDueAt: at(spec.createdAt),
      resolvedAt: spec.resolvedAt ? at(spec.resolvedAt) : null,
      closedAt: spec.closedAt ? at(spec.closedAt) : null,
      contactEmail: 'old@customer.test',
      createdAt: at(spec.createdAt),
      updatedAt: at(last),
    })
    .returning();
  const entries = spec.entries ?? 2;
  const ids: string[] = [];
  for (let i = 0; i < entries; i++) {
    const [e] = await db.insert(ticketEntries).values({ ticketId: t!.id, kind: 'public', author: i ? 'agent' : 'customer', body: `e${i}`, via: 'web', createdAt: at(spec.createdAt) }).returning();
    ids.push(e!.id);
  }
  await db.insert(ticketHistory).values({ ticketId: t!.id, actor: 'system', action: 'created', createdAt: at(spec.createdAt) });
  if (spec.withFile && ids[0]) {
    const bytes = Buffer.from('%PDF-1.4 retention test');
    await db.insert(files).values({ siteId, ticketId: t!.id, entryId: ids[0], name: 'a.pdf', type: 'application/pdf', size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, createdAt: at(spec.createdAt) });
  }
  for (let i = 0; i < (spec.mails ?? 0); i++) {
    await db.insert(mailOutbox).values({ siteId, template: 'ticket.reply', to: 'old@customer.test', subject: 's', text: 't', html: 'h', ticketId: t!.id, status: 'stored', createdAt: at(spec.createdAt) });
  }
  return t!.id;
}
