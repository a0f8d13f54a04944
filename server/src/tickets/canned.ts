/** Saved replies: every agent of the site reads them; supervisors and admins keep the list. */
import { and, asc, eq } from 'drizzle-orm';
import type { CannedReply, CannedReplyInput, Locale } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { cannedReplies } from './schema.js';

type Row = typeof cannedReplies.$inferSelect;
const dto = (r: Row): CannedReply => ({ id: r.id, title: r.title, body: r.body, locale: r.locale, updatedAt: r.updatedAt.toISOString() });

/** A site keeps a short list: enough for the common answers, not a second knowledge base. */
export const MAX_CANNED_REPLIES = 200;

export async function listCanned(db: Executor, siteId: string): Promise<CannedReply[]> {
  const rows = await db.select().from(cannedReplies).where(eq(cannedReplies.siteId, siteId)).orderBy(asc(cannedReplies.title));
  return rows.map(dto);
}

export async function createCanned(db: Executor, siteId: string, input: CannedReplyInput, now: Date): Promise<CannedReply> {
  const count = (await db.select({ id: cannedReplies.id }).from(cannedReplies).where(eq(cannedReplies.siteId, siteId))).length;
  if (count >= MAX_CANNED_REPLIES) throw new AppError('invalid', `a site keeps at most ${MAX_CANNED_REPLIES} saved replies`);
  const [row] = await db
    .insert(cannedReplies)
    .values({ siteId, title: input.title, body: input.body, locale: input.locale ?? null, createdAt: now, updatedAt: now })
    .returning();
  return dto(row!);
}

export async function updateCanned(db: Executor, siteId: string, id: string, input: CannedReplyInput, now: Date): Promise<CannedReply> {
  const [row] = await db
    .update(cannedReplies)
    .set({ title: input.title, body: input.body, locale: input.locale ?? null, updatedAt: now })
    .where(and(eq(cannedReplies.siteId, siteId), eq(cannedReplies.id, id)))
    .returning();
  if (!row) throw new AppError('not_found', 'no such saved reply');
  return dto(row);
}

export async function deleteCanned(db: Executor, siteId: string, id: string): Promise<void> {
  const rows = await db.delete(cannedReplies).where(and(eq(cannedReplies.siteId, siteId), eq(cannedReplies.id, id))).returning({ id: cannedReplies.id });
  if (rows.length === 0) throw new AppError('not_found', 'no such saved reply');
}

export const DEMO_CANNED: Array<{ title: string; body: string; locale: Locale }> = [
  { title: 'Apology and next step', body: 'I am sorry about this. I have passed it to the team responsible and will write again as soon as I hear back, at the latest tomorrow.', locale: 'en' },
  { title: 'Need the order number', body: 'Could you send me your order number (it starts with A-, in your confirmation email)? Then I can look into it right away.', locale: 'en' },
  { title: '致歉并说明下一步', body: '非常抱歉给您带来不便。我已将问题转交负责团队，有进展会第一时间回复您，最迟明天。', locale: 'zh-CN' },
  { title: '請提供訂單編號', body: '請提供您的訂單編號（以 A- 開頭，見確認郵件），我們會立即為您查詢。', locale: 'zh-TW' },
];
