/**
 * Reading the audit log: filters, keyset pages (newest first) and the CSV export. The cursor is the
 * last entry's (at, id), so a page never repeats or skips an entry however many are written meanwhile.
 */
import { and, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditEntryView, AuditPage, Locale } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { agents } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { toCsv } from '../reports/csv.js';
import { auditLog } from './schema.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day (UTC midnight) or an instant; the console sends instants of the reader's own days. */
const when = z.string().refine((s) => DAY.test(s) || (!Number.isNaN(Date.parse(s)) && /T/.test(s)), 'must be a date (YYYY-MM-DD) or an ISO date-time');

export const auditQuerySchema = z
  .object({
    actor: z.string().uuid().optional(),
    /** `announcement.` finds every announcement action; `announcement.published` that one. */
    action: z.string().trim().min(1).max(100).optional(),
    targetType: z.string().trim().min(1).max(50).optional(),
    targetId: z.string().trim().min(1).max(200).optional(),
    from: when.optional(),
    /** Exclusive as an instant; a day includes the whole day. */
    to: when.optional(),
    q: z.string().trim().min(1).max(200).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    format: z.enum(['json', 'csv']).optional(),
    locale: z.enum(['en', 'zh-CN', 'zh-TW']).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

const instant = (s: string, endOfDay: boolean) => (DAY.test(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0)) : new Date(s));

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(raw: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(raw, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (Number.isNaN(at.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('invalid', 'cursor is not one this server gave');
  return { at, id };
}

/** LIKE pattern of literal text: `%` and `_` typed by the reader match themselves. */
const literal = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(q: AuditQuery, siteId: string | null): SQL | undefined {
  const parts: Array<SQL | undefined> = [];
  // A site's entries and the company-wide ones (people, departments), which belong to every site's log.
  if (siteId) parts.push(or(eq(auditLog.siteId, siteId), isNull(auditLog.siteId)));
  if (q.actor) parts.push(eq(auditLog.actorId, q.actor));
  if (q.action) parts.push(sql`starts_with(${auditLog.action}, ${q.action})`);
  if (q.targetType) parts.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) parts.push(eq(auditLog.targetId, q.targetId));
  if (q.from) parts.push(gte(auditLog.at, instant(q.from, false)));
  if (q.to) parts.push(lt(auditLog.at, instant(q.to, true)));
  if (q.from && q.to && instant(q.from, false) > instant(q.to, true)) throw new AppError('invalid', 'from must not be after to');
  if (q.q) {
    const p = literal(q.q);
    parts.push(
      or(
        ilike(auditLog.action, p),
        ilike(auditLog.targetType, p),
        ilike(auditLog.targetId, p),
        ilike(agents.name, p),
        ilike(agents.email, p),
        sql`${auditLog.before}::text ilike ${p}`,
        sql`${auditLog.after}::text ilike ${p}`,
      ),
    );
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    parts.push(sql`(${auditLog.at}, ${auditLog.id}) < (${c.at.toISOString()}::timestamptz, ${c.id}::uuid)`);
  }
  return and(...parts);
}

async function select(db: Executor, q: AuditQuery, siteId: string | null, limit: number) {
  return db
    .select({ entry: auditLog, actorName: agents.name, actorEmail: agents.email })
    .from(auditLog)
    .leftJoin(agents, eq(agents.id, auditLog.actorId))
    .where(where(q, siteId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof select>>[number];

function view(r: Row): AuditEntryView {
  const e = r.entry;
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actorId && r.actorName !== null ? { id: e.actorId, name: r.actorName, email: r.actorEmail ?? '' } : null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    siteId: e.siteId,
    before: e.before,
    after: e.after,
    ip: e.ip,
  };
}

export async function listAudit(db: Executor, q: AuditQuery, siteId: string | null): Promise<AuditPage> {
  const limit = q.limit ?? 50;
  const rows = await select(db, q, siteId, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { entries: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor(last.entry.at, last.entry.id) : null };
}

/** The most a download holds; a longer log is narrowed with the filters (the file says so in its last line). */
export const CSV_MAX_ROWS = 50_000;

const HEADERS: Record<Locale, string[]> = {
  en: ['Time (UTC)', 'Actor', 'Actor email', 'Action', 'Target type', 'Target id', 'Before', 'After', 'IP address'],
  'zh-CN': ['时间 (UTC)', '操作人', '操作人邮箱', '操作', '对象类型', '对象 ID', '修改前', '修改后', 'IP 地址'],
  'zh-TW': ['時間 (UTC)', '操作人', '操作人電郵', '操作', '對象類型', '對象 ID', '修改前', '修改後', 'IP 位址'],
};
const SYSTEM: Record<Locale, string> = { en: 'System', 'zh-CN': '系统', 'zh-TW': '系統' };
const TRUNCATED: Record<Locale, string> = {
  en: `Only the newest ${CSV_MAX_ROWS} entries; narrow the filters for the rest.`,
  'zh-CN': `仅包含最新的 ${CSV_MAX_ROWS} 条记录；请缩小筛选范围以导出其余记录。`,
  'zh-TW': `僅包含最新的 ${CSV_MAX_ROWS} 筆記錄；請縮小篩選範圍以匯出其餘記錄。`,
};

/** Every matching entry, newest first, as CSV (BOM, CRLF, formulas neutralised by reports/csv.ts). */
export async function auditCsv(db: Executor, q: AuditQuery, siteId: string | null): Promise<string> {
  const locale: Locale = q.locale ?? 'en';
  const rows = await select(db, { ...q, cursor: undefined }, siteId, CSV_MAX_ROWS + 1);
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const lines: Array<Array<string | null>> = [
    HEADERS[locale],
    ...rows.slice(0, CSV_MAX_ROWS).map((r) => {
      const v = view(r);
      return [v.at, v.actor?.name ?? (r.entry.actorId ? null : SYSTEM[locale]), v.actor?.email ?? null, v.action, v.targetType, v.targetId, json(v.before), json(v.after), v.ip];
    }),
  ];
  if (rows.length > CSV_MAX_ROWS) lines.push([], [TRUNCATED[locale]]);
  return toCsv(lines);
}
