/**
 * The one-line calls the domains make to audit an admin's or supervisor's change, inside the change's
 * own transaction: `auditChange` for an edit (only the fields that differ, nothing when none did),
 * `auditEvent` for an act (created, published, deleted) with what an auditor needs to recognise it.
 * Values go through the secret filter of diff.ts; URLs lose their query strings (robot keys and access
 * tokens live there: a DingTalk `access_token`, a WeCom `key`).
 */
import type { Executor } from '../db/client.js';
import { auditable, auditChanges } from './diff.js';
import { recordAudit } from './record.js';

export interface AuditWho {
  siteId: string | null;
  /** The agent acting; null for the system. */
  actorId: string | null;
  ip?: string | null;
  at: Date;
}

/** The URL without its query and fragment: where it points, not the credential in it. */
export function urlForAudit(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return null;
  }
}

export async function auditChange(
  tx: Executor,
  who: AuditWho,
  action: string,
  target: { type: string; id: string | null },
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<void> {
  const changes = auditChanges(before, after);
  if (!changes) return;
  await recordAudit(tx, { siteId: who.siteId, actorId: who.actorId, ip: who.ip ?? null, at: who.at, action, targetType: target.type, targetId: target.id, ...changes });
}

export async function auditEvent(
  tx: Executor,
  who: AuditWho,
  action: string,
  target: { type: string; id: string | null },
  values: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null } = {},
): Promise<void> {
  await recordAudit(tx, {
    siteId: who.siteId,
    actorId: who.actorId,
    ip: who.ip ?? null,
    at: who.at,
    action,
    targetType: target.type,
    targetId: target.id,
    before: auditable(values.before ?? null),
    after: auditable(values.after ?? null),
  });
}
