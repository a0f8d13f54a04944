/**
 * One call for every domain that changes something an auditor asks about. Pass the transaction of the
 * change, so the entry commits (or rolls back) with it.
 */
import type { Executor } from '../db/client.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  siteId?: string | null;
  /** The agent who acted; null for the system. */
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Only the fields that changed; never secrets or password hashes. */
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at: Date;
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    siteId: entry.siteId ?? null,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
    at: entry.at,
  });
}
