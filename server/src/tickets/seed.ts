/**
 * The company's plans as demo defaults: four customer categories (投诉 complaint, 建议 suggestion,
 * 咨询 inquiry, 表扬 praise) and three for employees (the anonymous suggestion box 匿名意见箱, internal
 * messages and urgent ones), with the targets the plans name. Written for any site that has no category yet, so a
 * database seeded before tickets existed gets them on its next start.
 */
import { eq } from 'drizzle-orm';
import type { LocalizedText, TicketAudience } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { departments } from '../db/schema.js';
import { DEFAULT_CALENDAR } from '../sla/calendar.js';
import { departmentCalendars } from '../sla/schema.js';
import { DEMO_CANNED } from './canned.js';
import { cannedReplies, ticketCategories } from './schema.js';

interface DemoCategory {
  slug: string;
  names: LocalizedText;
  audience: TicketAudience;
  /** English name of the demo department it goes to. */
  department: 'Sales' | 'Support';
  targetMinutes: number;
}

export const DEMO_TICKET_CATEGORIES: DemoCategory[] = [
  { slug: 'complaint', names: { en: 'Complaint', 'zh-CN': '投诉', 'zh-TW': '投訴' }, audience: 'customer', department: 'Support', targetMinutes: 120 },
  { slug: 'inquiry', names: { en: 'Question', 'zh-CN': '咨询', 'zh-TW': '諮詢' }, audience: 'customer', department: 'Sales', targetMinutes: 240 },
  { slug: 'suggestion', names: { en: 'Suggestion', 'zh-CN': '建议', 'zh-TW': '建議' }, audience: 'customer', department: 'Support', targetMinutes: 48 * 60 },
  { slug: 'praise', names: { en: 'Praise', 'zh-CN': '表扬', 'zh-TW': '表揚' }, audience: 'customer', department: 'Support', targetMinutes: 48 * 60 },
  { slug: 'suggestion-box', names: { en: 'Suggestion box', 'zh-CN': '意见箱', 'zh-TW': '意見箱' }, audience: 'employee', department: 'Support', targetMinutes: 24 * 60 },
  { slug: 'internal-message', names: { en: 'Message to the team', 'zh-CN': '内部留言', 'zh-TW': '內部留言' }, audience: 'employee', department: 'Support', targetMinutes: 120 },
  { slug: 'urgent', names: { en: 'Urgent (safety, outage)', 'zh-CN': '紧急事项（安全、故障）', 'zh-TW': '緊急事項（安全、故障）' }, audience: 'employee', department: 'Support', targetMinutes: 30 },
];

export async function seedTicketDefaults(tx: Executor, siteId: string): Promise<boolean> {
  const [any] = await tx.select({ id: ticketCategories.id }).from(ticketCategories).where(eq(ticketCategories.siteId, siteId)).limit(1);
  if (any) return false;
  const depts = await tx.select({ id: departments.id, names: departments.names }).from(departments).where(eq(departments.siteId, siteId));
  const deptId = (en: string) => depts.find((d) => d.names.en === en)?.id ?? null;
  await tx.insert(ticketCategories).values(
    DEMO_TICKET_CATEGORIES.map((c, position) => ({ siteId, slug: c.slug, names: c.names, audience: c.audience, departmentId: deptId(c.department), targetMinutes: c.targetMinutes, position })),
  );
  // Support keeps office hours in Shanghai; Sales answers around the clock (no calendar).
  const support = deptId('Support');
  if (support) await tx.insert(departmentCalendars).values({ departmentId: support, calendar: DEFAULT_CALENDAR }).onConflictDoNothing();
  await tx.insert(cannedReplies).values(DEMO_CANNED.map((c) => ({ siteId, ...c })));
  return true;
}
