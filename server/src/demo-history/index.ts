/**
 * A plausible past for a site: chats, tickets, survey answers and help-center votes over a period
 * ending now, written straight into the tables in the shapes the app itself writes (see each
 * generator's header), so the console's lists, transcripts and reports treat it like real history.
 *
 * Used by the demo (three months on a fresh embedded database, main.ts), the `seed:history` command
 * (a year of it for benchmarks: cli.ts) and the reports benchmark (test/load/reports.ts).
 */
import { randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import { rowsOf } from '../conversations/views.js';
import type { Db } from '../db/client.js';
import { agentDepartments, agents, sites, ticketCounters } from '../db/schema.js';
import { refreshChatFacts } from '../reports/chat-facts.js';
import { ConversationWriter, kindAt, MIN_MESSAGES, type ConversationPlan } from './conversations.js';
import { emptyBatch, type Batch, type GapHit } from './rows.js';
import { apportion, Rng, SiteClock, staffingAt, TimeSampler } from './sampling.js';
import { askNps, castVotes } from './surveys.js';
import { EXTRA_AGENT_NAMES } from './texts.js';
import { sampleTicketTimes, TicketNumbers, TicketWriter } from './tickets.js';
import { analyze, syncArticles, writeBatch, writeCounters, writeGaps } from './write.js';
import { readWorld, type World } from './world.js';

const DAY = 86_400_000;

export interface HistoryOptions {
  /** Default: the oldest site (the demo's). */
  siteId?: string;
  /** End of the period; default now. Nothing is dated after it. */
  to?: Date;
  /** Length of the period in days. */
  days: number;
  conversations: number;
  /** All messages of all conversations, bot greetings and system events included. */
  messages: number;
  tickets: number;
  /** Agents to add first (named, random passwords nobody knows), spread over the departments. */
  extraAgents?: number;
  /** Same seed, same plan (ids and tokens are random regardless). */
  seed?: number;
  /** Write even though the site already has conversations or tickets (a separate batch on top). */
  append?: boolean;
  /** Conversations per transaction. */
  slice?: number;
  /** Skips ANALYZE at the end (the caller runs it, or the data is tiny). */
  skipAnalyze?: boolean;
  onProgress?: (line: string) => void;
}

export interface HistoryResult {
  siteId: string;
  from: Date;
  to: Date;
  counts: { visitors: number; conversations: number; messages: number; tickets: number; ticketEntries: number; ticketHistory: number; invitations: number; responses: number; kbVotes: number };
  ms: number;
}

export class HistoryExistsError extends Error {
  override name = 'HistoryExistsError';
}

/** True when the site has any conversation or ticket: the seeder then refuses unless told to append. */
export async function hasHistory(db: Db, siteId: string): Promise<boolean> {
  const rows = rowsOf<{ any: boolean }>(
    await db.execute(sql`select (exists (select 1 from conversations where site_id = ${siteId}) or exists (select 1 from tickets where site_id = ${siteId})) as "any"`),
  );
  return rows[0]?.any === true;
}

async function addAgents(db: Db, world: World, count: number): Promise<void> {
  const domain = 'history.acme.example';
  for (let i = 0; i < count; i++) {
    const name = EXTRA_AGENT_NAMES[i % EXTRA_AGENT_NAMES.length]! + (i >= EXTRA_AGENT_NAMES.length ? ` ${Math.floor(i / EXTRA_AGENT_NAMES.length) + 1}` : '');
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}@${domain}`;
    // A password nobody knows: these people exist for the history's sake; an admin can reset them.
    const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
    const [row] = await db
      .insert(agents)
      .values({ email, name, passwordHash, role: i === 0 ? 'supervisor' : 'agent' })
      .onConflictDoNothing()
      .returning({ id: agents.id });
    if (!row) continue;
    const dept = world.departments[i % world.departments.length]!;
    await db.insert(agentDepartments).values({ agentId: row.id, departmentId: dept.id }).onConflictDoNothing();
  }
}

/** Kinds and exact message counts for `count` conversations summing to `messages`. */
function planConversations(rng: Rng, sampler: TimeSampler, clock: SiteClock, count: number, messages: number): ConversationPlan[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(sampler.sample());
  times.sort((a, b) => a - b);
  const kinds = times.map((t) => kindAt(rng, staffingAt(clock.local(t))));
  const floor = kinds.reduce((n, k) => n + MIN_MESSAGES[k], 0);
  if (messages < floor) throw new RangeError(`${messages} messages are too few for ${count} conversations: they need at least ${floor}`);
  // Chats with a person run longer than the bot's; a few run very long.
  const length = { bot: 0.5, handed: 1.8, abandoned: 0.35 } as const;
  const extra = apportion(
    messages - floor,
    kinds.map((k) => length[k] * Math.exp(0.6 * rng.normal())),
  );
  return times.map((at, i) => ({ at, kind: kinds[i]!, messages: MIN_MESSAGES[kinds[i]!] + extra[i]! }));
}

export async function seedHistory(db: Db, opts: HistoryOptions): Promise<HistoryResult> {
  const started = Date.now();
  const log = opts.onProgress ?? (() => {});
  for (const k of ['conversations', 'messages', 'tickets'] as const) {
    if (!Number.isInteger(opts[k]) || opts[k] < 0) throw new RangeError(`${k} must be a whole number >= 0, got ${opts[k]}`);
  }
  if (!(opts.days > 0 && opts.days <= 3660)) throw new RangeError(`days must be between 1 and 3660, got ${opts.days}`);
  const siteId = opts.siteId ?? (await db.select({ id: sites.id }).from(sites).orderBy(asc(sites.createdAt)).limit(1))[0]?.id;
  if (!siteId) throw new Error('no site to write history for: start the server once (it seeds the demo site)');
  if (!opts.append && (await hasHistory(db, siteId))) {
    throw new HistoryExistsError('this site already has conversations or tickets; refusing to mix generated history into it (--append adds a separate batch on top)');
  }
  let world = await readWorld(db, siteId);
  if (!world.departments.length) throw new Error('the site has no department');

  const to = (opts.to ?? new Date()).getTime();
  const from = to - opts.days * DAY;
  const rng = new Rng(opts.seed ?? 20261201);
  const clock = new SiteClock(world.timeZone);
  const plans = planConversations(rng, new TimeSampler(rng, clock, from, to, 'chat'), clock, opts.conversations, opts.messages);
  const ticketTimes = sampleTicketTimes(new TimeSampler(rng, clock, from, to, 'ticket'), opts.tickets);
  // After the plan, which may refuse the numbers: a refusal changes nothing.
  if (opts.extraAgents) {
    await addAgents(db, world, opts.extraAgents);
    world = await readWorld(db, siteId);
  }

  const counterRows = await db.select().from(ticketCounters).where(eq(ticketCounters.siteId, siteId));
  const numbers = new TicketNumbers(new Map(counterRows.map((r) => [r.year, r.last])));
  const chats = new ConversationWriter(world, rng, clock, to);
  const ticketWriter = new TicketWriter(world, rng, numbers, to);
  const gaps = new Map<string, GapHit & { count: number; firstAt: number }>();
  const counts: HistoryResult['counts'] = { visitors: 0, conversations: 0, messages: 0, tickets: 0, ticketEntries: 0, ticketHistory: 0, invitations: 0, responses: 0, kbVotes: 0 };

  // Slices in time order: each one's conversations and the tickets of the same span, one transaction.
  const slice = Math.max(100, opts.slice ?? 5000);
  const slices = Math.max(1, Math.ceil(plans.length / slice), Math.ceil(ticketTimes.length / slice));
  let ticketIndex = 0;
  for (let s = 0; s < slices; s++) {
    const part = plans.slice(Math.floor((s * plans.length) / slices), Math.floor(((s + 1) * plans.length) / slices));
    const untilTicket = Math.floor(((s + 1) * ticketTimes.length) / slices);
    const sliceStarted = Date.now();
    const batch: Batch = emptyBatch();
    for (const p of part) chats.build(batch, p);
    for (; ticketIndex < untilTicket; ticketIndex++) ticketWriter.build(batch, ticketTimes[ticketIndex]!);
    const spanFrom = part[0]?.at ?? from;
    const spanTo = Math.min(to, (plans[Math.floor(((s + 1) * plans.length) / slices)]?.at ?? to) + 1);
    askNps(batch, rng, world, Math.round(part.length * 0.06), spanFrom, to);
    castVotes(batch, rng, world, Math.round(part.length * 0.12), spanFrom, spanTo);
    for (const g of batch.gaps) {
      const seen = gaps.get(g.key);
      if (!seen) gaps.set(g.key, { ...g, count: 1, firstAt: g.at });
      else {
        seen.count += 1;
        seen.firstAt = Math.min(seen.firstAt, g.at);
        if (g.at >= seen.at) Object.assign(seen, { example: g.example, locale: g.locale, reason: g.reason, at: g.at, conversationId: g.conversationId });
      }
    }
    const built = Date.now();
    await db.transaction((tx) => writeBatch(tx, batch));
    const written = Date.now();
    counts.visitors += batch.visitors.length;
    counts.conversations += batch.conversations.length;
    counts.messages += batch.messages.length;
    counts.tickets += batch.tickets.length;
    counts.ticketEntries += batch.ticketEntries.length;
    counts.ticketHistory += batch.ticketHistory.length;
    counts.invitations += batch.invitations.length;
    counts.responses += batch.responses.length;
    counts.kbVotes += batch.kbVotes.length;
    const sec = (ms: number) => (ms / 1000).toFixed(1);
    log(
      `slice ${s + 1}/${slices}: ${counts.conversations} conversations, ${counts.messages} messages, ${counts.tickets} tickets ` +
        `(generated in ${sec(built - sliceStarted)} s, written in ${sec(written - built)} s; ${sec(written - started)} s so far)`,
    );
  }
  await db.transaction(async (tx) => {
    await writeGaps(tx, siteId, gaps);
    await writeCounters(tx, siteId, numbers.counters());
    await syncArticles(tx, siteId, new Date(from));
  });
  if (!opts.skipAnalyze) await analyze(db);
  // What the first report over these chats would do (reports/chat-facts.ts): keep each closed chat's
  // handoff and first reply, so that report does not pay for a year of messages.
  const factsStarted = Date.now();
  const facts = await refreshChatFacts(db, siteId, { start: new Date(from), end: new Date(to + 1) });
  if (!opts.skipAnalyze) await db.execute(sql`analyze report_chat_facts`);
  log(`report facts of ${facts} handed-off chats kept in ${((Date.now() - factsStarted) / 1000).toFixed(1)} s`);
  return { siteId, from: new Date(from), to: new Date(to), counts, ms: Date.now() - started };
}

/** The demo's past: three months ending now, enough for every report to show a shape, quick on PGlite. */
export const DEMO_HISTORY = { days: 91, conversations: 3000, messages: 30_000, tickets: 600 } as const;

export function seedDemoHistory(db: Db, siteId: string): Promise<HistoryResult> {
  return seedHistory(db, { siteId, ...DEMO_HISTORY });
}
