/**
 * A small, hand-computable world for the report tests (not a test file): a site whose first department
 * keeps New York business hours, around the end of daylight saving time (Sunday 2026-11-01, when
 * New York's day is 25 hours long). Every row is inserted directly, with the timestamps the
 * conversations, tickets and surveys domains would have written. reports.test.ts lists the expected
 * figures next to the rows they come from.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { BusinessCalendar, MessageMeta, TicketSource, TicketStatus } from '@parley/protocol';
import { hashPassword } from '../auth/password.js';
import type { Db } from '../db/client.js';
import { agentDepartments, agents, conversations, departmentCalendars, departments, kbArticles, kbVotes, messages, sites, surveyInvitations, surveyResponses, tickets, visitors } from '../db/schema.js';
import { addBusinessMinutes } from '../sla/business-time.js';

export const NY_CALENDAR: BusinessCalendar = {
  timeZone: 'America/New_York',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] },
  holidays: [],
};

export interface ReportWorld {
  siteId: string;
  siteName: string;
  support: string;
  sales: string;
  /** Agent Ann (Support), who held the chats and tickets below. */
  ann: { id: string; email: string; password: string };
  /** A supervisor of Support only. */
  sue: { id: string; email: string; password: string };
  /** An admin of this world (the seeded admin is one too). */
  ada: { id: string; email: string; password: string };
  /** Ticket id by fixture name. */
  tickets: Record<string, string>;
}

const at = (iso: string) => new Date(iso);
const hash = () => createHash('sha256').update(randomBytes(16)).digest('hex');

async function person(db: Db, name: string, role: 'admin' | 'supervisor' | 'agent', departmentIds: string[]) {
  const email = `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@reports.test`;
  const password = `pw-${name}-reports`;
  const [row] = await db.insert(agents).values({ email, name, role, passwordHash: await hashPassword(password) }).returning();
  if (departmentIds.length > 0) await db.insert(agentDepartments).values(departmentIds.map((departmentId) => ({ agentId: row!.id, departmentId })));
  return { id: row!.id, email, password };
}

export interface ChatSpec {
  createdAt: string;
  department: string | null;
  agentId?: string | null;
  status: 'bot' | 'queued' | 'assigned' | 'closed';
  /** Handoff: a `queued` system message (and `queued_at`). */
  queuedAt?: string;
  joinedAt?: string;
  /** Agent messages. */
  replies?: string[];
}

export async function insertChat(db: Db, siteId: string, spec: ChatSpec): Promise<string> {
  const [v] = await db.insert(visitors).values({ siteId, tokenHash: hash() }).returning();
  const [c] = await db
    .insert(conversations)
    .values({
      siteId,
      visitorId: v!.id,
      departmentId: spec.department,
      agentId: spec.agentId ?? null,
      status: spec.status,
      queuedAt: spec.queuedAt ? at(spec.queuedAt) : null,
      assignedAt: spec.joinedAt ? at(spec.joinedAt) : null,
      closedAt: spec.status === 'closed' ? at(spec.createdAt) : null,
      createdAt: at(spec.createdAt),
    })
    .returning();
  const rows: Array<{ author: 'visitor' | 'bot' | 'agent' | 'system'; createdAt: string; meta?: MessageMeta }> = [
    { author: 'visitor', createdAt: spec.createdAt },
    { author: 'bot', createdAt: spec.createdAt },
  ];
  if (spec.queuedAt) rows.push({ author: 'system', createdAt: spec.queuedAt, meta: { system: { kind: 'queued', departmentId: spec.department!, departmentName: { en: 'x' } } } });
  if (spec.joinedAt) rows.push({ author: 'system', createdAt: spec.joinedAt, meta: { system: { kind: 'agent_joined', name: 'Ann' } } });
  for (const r of spec.replies ?? []) rows.push({ author: 'agent', createdAt: r });
  rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  await db.insert(messages).values(
    rows.map((r, i) => ({
      conversationId: c!.id,
      seq: i + 1,
      author: r.author,
      authorId: r.author === 'agent' ? (spec.agentId ?? null) : null,
      body: r.author === 'system' ? '' : 'hello',
      meta: r.meta ?? null,
      createdAt: at(r.createdAt),
    })),
  );
  return c!.id;
}

interface TicketSpec {
  createdAt: string;
  department: string;
  source: TicketSource;
  dueAt: Date;
  respondedAt?: string;
  resolvedAt?: string;
  breachedAt?: string;
  status?: TicketStatus;
  escalationLevel?: number;
  assigneeId?: string | null;
}

let ticketNo = 0;
async function ticket(db: Db, siteId: string, spec: TicketSpec): Promise<string> {
  ticketNo++;
  const [t] = await db
    .insert(tickets)
    .values({
      siteId,
      number: `T-R-${randomBytes(3).toString('hex')}-${ticketNo}`,
      subject: 'Report fixture',
      departmentId: spec.department,
      source: spec.source,
      status: spec.status ?? (spec.resolvedAt ? 'resolved' : 'open'),
      assigneeId: spec.assigneeId ?? null,
      targetMinutes: 60,
      firstResponseDueAt: spec.dueAt,
      firstRespondedAt: spec.respondedAt ? at(spec.respondedAt) : null,
      resolvedAt: spec.resolvedAt ? at(spec.resolvedAt) : null,
      breachedAt: spec.breachedAt ? at(spec.breachedAt) : null,
      escalationLevel: spec.escalationLevel ?? 0,
      createdAt: at(spec.createdAt),
      updatedAt: at(spec.createdAt),
    })
    .returning();
  return t!.id;
}

async function answer(
  db: Db,
  siteId: string,
  spec: { kind: 'csat' | 'nps'; score: number; at: string; comment?: string; conversationId?: string; ticketId?: string; department?: string | null; agentId?: string | null },
) {
  const [i] = await db
    .insert(surveyInvitations)
    .values({
      siteId,
      kind: spec.kind,
      about: spec.conversationId ? 'conversation' : spec.ticketId ? 'ticket' : 'site',
      tokenHash: hash(),
      conversationId: spec.conversationId ?? null,
      ticketId: spec.ticketId ?? null,
      agentId: spec.agentId ?? null,
      departmentId: spec.department ?? null,
      createdAt: at(spec.at),
      expiresAt: new Date(at(spec.at).getTime() + 7 * 86_400_000),
    })
    .returning();
  await db.insert(surveyResponses).values({ invitationId: i!.id, siteId, score: spec.score, comment: spec.comment ?? null, createdAt: at(spec.at), updatedAt: at(spec.at) });
}

export async function buildWorld(db: Db): Promise<ReportWorld> {
  const siteName = 'Report <Co> & "Sons"';
  const [site] = await db.insert(sites).values({ key: `reports_${randomBytes(6).toString('hex')}`, name: siteName, secret: randomBytes(16).toString('hex') }).returning();
  const siteId = site!.id;
  const [support] = await db.insert(departments).values({ siteId, names: { en: 'Support', 'zh-CN': '支持部' }, position: 0 }).returning();
  const [sales] = await db.insert(departments).values({ siteId, names: { en: 'Sales', 'zh-CN': '销售部' }, position: 1 }).returning();
  await db.insert(departmentCalendars).values({ departmentId: support!.id, calendar: NY_CALENDAR });
  const ann = await person(db, 'Ann', 'agent', [support!.id]);
  const sue = await person(db, 'Sue', 'supervisor', [support!.id]);
  const ada = await person(db, 'Ada', 'admin', []);
  const S = support!.id;
  const M = sales!.id;

  // ---- chats (New York days: Oct 31 starts 04:00Z, Nov 1 04:00Z (25 h), Nov 2 05:00Z, Nov 3 05:00Z) ----
  const c1 = await insertChat(db, siteId, { createdAt: '2026-10-31T14:00:00Z', department: S, agentId: ann.id, status: 'closed', queuedAt: '2026-10-31T14:01:00Z', joinedAt: '2026-10-31T14:01:30Z', replies: ['2026-10-31T14:02:00Z', '2026-10-31T14:05:00Z'] });
  // Nov 1 23:30 in New York (EST), Nov 2 in UTC: a New York Nov 1 item.
  await insertChat(db, siteId, { createdAt: '2026-11-02T04:30:00Z', department: S, agentId: ann.id, status: 'closed', queuedAt: '2026-11-02T04:30:00Z', joinedAt: '2026-11-02T04:32:00Z', replies: ['2026-11-02T04:33:00Z'] });
  // Oct 31 23:30 in New York (EDT), Nov 1 in UTC: solved by the bot alone.
  await insertChat(db, siteId, { createdAt: '2026-11-01T03:30:00Z', department: S, status: 'closed' });
  // Sales: waited, closed unanswered.
  await insertChat(db, siteId, { createdAt: '2026-11-02T15:00:00Z', department: M, status: 'closed', queuedAt: '2026-11-02T15:00:00Z' });
  // Still with the bot.
  await insertChat(db, siteId, { createdAt: '2026-11-02T16:00:00Z', department: S, status: 'bot' });
  // Nov 3 01:00 in New York: after the period.
  await insertChat(db, siteId, { createdAt: '2026-11-03T06:00:00Z', department: S, status: 'closed' });
  // The period before (Oct 28-30): one contained chat.
  const c6 = await insertChat(db, siteId, { createdAt: '2026-10-29T12:00:00Z', department: S, status: 'closed' });

  // ---- tickets ----
  const t1 = await ticket(db, siteId, { createdAt: '2026-10-31T15:00:00Z', department: S, source: 'email', dueAt: at('2026-10-31T17:00:00Z'), respondedAt: '2026-10-31T16:00:00Z', resolvedAt: '2026-11-01T15:00:00Z', assigneeId: ann.id });
  // Saturday 10:00 in New York with 60 business minutes: due Monday 10:00 EST; answered Monday 09:30, 48.5 hours later, in target.
  const t3Created = at('2026-10-31T14:00:00Z');
  const t3 = await ticket(db, siteId, { createdAt: t3Created.toISOString(), department: S, source: 'chat', dueAt: addBusinessMinutes(NY_CALENDAR, t3Created, 60), respondedAt: '2026-11-02T14:30:00Z', assigneeId: ann.id });
  const t2 = await ticket(db, siteId, { createdAt: '2026-11-02T14:00:00Z', department: M, source: 'intranet', dueAt: at('2026-11-02T15:00:00Z'), respondedAt: '2026-11-02T16:00:00Z' });
  const t4 = await ticket(db, siteId, { createdAt: '2026-11-02T17:00:00Z', department: S, source: 'feedback', dueAt: at('2026-11-02T18:00:00Z'), breachedAt: '2026-11-02T18:00:00Z', escalationLevel: 1 });
  const t5 = await ticket(db, siteId, { createdAt: '2026-11-02T19:00:00Z', department: S, source: 'api', dueAt: at('2026-11-02T21:00:00Z') });

  // ---- surveys ----
  await answer(db, siteId, { kind: 'csat', score: 5, at: '2026-10-31T15:00:00Z', conversationId: c1, department: S, agentId: ann.id, comment: '很好，谢谢, "great"' });
  await answer(db, siteId, { kind: 'csat', score: 4, at: '2026-11-01T16:00:00Z', ticketId: t1, department: S, agentId: ann.id });
  await answer(db, siteId, { kind: 'csat', score: 2, at: '2026-11-02T17:00:00Z', ticketId: t2, department: M, comment: 'slow\nreply' });
  await answer(db, siteId, { kind: 'nps', score: 10, at: '2026-11-01T12:00:00Z', comment: '=HYPERLINK("x")' });
  await answer(db, siteId, { kind: 'nps', score: 5, at: '2026-11-02T12:00:00Z' });
  await answer(db, siteId, { kind: 'nps', score: 8, at: '2026-11-02T13:00:00Z' });
  await answer(db, siteId, { kind: 'csat', score: 1, at: '2026-10-29T13:00:00Z', conversationId: c6, department: S });

  // ---- help-center votes ----
  const [article] = await db.insert(kbArticles).values({ siteId, groupId: randomUUID(), locale: 'en', title: 'Returns', body: 'How to return' }).returning();
  for (const [helpful, when] of [
    [true, '2026-11-01T12:00:00Z'],
    [false, '2026-11-02T12:00:00Z'],
    [true, '2026-11-02T13:00:00Z'],
    [true, '2026-11-03T06:00:00Z'],
  ] as const) {
    const [v] = await db.insert(visitors).values({ siteId, tokenHash: hash() }).returning();
    await db.insert(kbVotes).values({ articleId: article!.id, visitorId: v!.id, helpful, createdAt: at(when), updatedAt: at(when) });
  }

  return { siteId, siteName, support: S, sales: M, ann, sue, ada, tickets: { t1, t2, t3, t4, t5 } };
}
