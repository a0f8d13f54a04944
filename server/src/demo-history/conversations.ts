/**
 * Chats as the app writes them (conversations/service.ts, routing.ts, bot/runner.ts, bot/feedback.ts):
 * the bot's greeting at seq 1, the visitor's questions and the bot's answers or misses, the `queued`
 * system event at the hand-off, `agent_joined`, the agent's replies, and `closed`; seqs gap-free,
 * `last_seq` the highest, every conversation closed before the end of the period.
 *
 * Three kinds: the bot answered and the visitor left (contained); handed to a person; handed off and
 * given up in the queue before anyone came (abandoned, more likely at night when few agents work).
 */
import type { Locale, MessageMeta } from '@parley/protocol';
import { gapKey } from '../kb/gaps.js';
import { BOT_TEXT } from '../bot/text.js';
import type { Batch, ConversationRow, MessageRow, VisitorRow } from './rows.js';
import { deadTokenHash, iso, newId } from './rows.js';
import { Rng, SiteClock, staffingAt, type Staffing } from './sampling.js';
import { AGENT_CLOSERS, AGENT_OPENERS, AGENT_REPLIES, ASK_PERSON, OFF_TOPIC_QUESTIONS, PAGES, PEOPLE, VISITOR_FOLLOW_UPS, VISITOR_THANKS, WAITING, type Lines } from './texts.js';
import type { World, WorldAgent, WorldArticle, WorldDepartment } from './world.js';
import { rateConversation } from './surveys.js';

export type ConversationKind = 'bot' | 'handed' | 'abandoned';
export interface ConversationPlan {
  at: number;
  kind: ConversationKind;
  messages: number;
}

/** The fewest messages a conversation of each kind has (see `build`). */
export const MIN_MESSAGES: Record<ConversationKind, number> = { bot: 4, handed: 8, abandoned: 5 };

const KIND_ODDS: Record<Staffing, [bot: number, handed: number, abandoned: number]> = {
  peak: [0.44, 0.52, 0.04],
  shoulder: [0.46, 0.45, 0.09],
  night: [0.52, 0.28, 0.2],
};
/** Median seconds from hand-off to an agent joining. */
const QUEUE_MEDIAN: Record<Staffing, number> = { peak: 16, shoulder: 40, night: 220 };

const fill = (line: string, rng: Rng, agent?: string) => line.replace('{n}', String(100000 + rng.int(900000))).replace('{agent}', agent ?? '');
const say = (lines: Lines, locale: Locale, rng: Rng, agent?: string) => fill(rng.pick(lines[locale]), rng, agent);
const LOCALES: Locale[] = ['en', 'zh-CN', 'zh-TW'];
/** gapKey segments Chinese text: worth remembering, since the same questions come back all year. */
const gapKeys = new Map<string, string>();
const keyOf = (text: string) => {
  let key = gapKeys.get(text);
  if (key === undefined) {
    key = gapKey(text);
    if (gapKeys.size < 100_000) gapKeys.set(text, key);
  }
  return key;
};
const LOCALE_ODDS = [0.55, 0.3, 0.15];

export function kindAt(rng: Rng, staffing: Staffing): ConversationKind {
  return (['bot', 'handed', 'abandoned'] as const)[rng.weighted(KIND_ODDS[staffing])]!;
}


/** Builds conversations in time order; visitors come back now and then, never into two chats at once. */
export class ConversationWriter {
  /** Recent visitors who may come back, and when each one's last chat closed. */
  private readonly recent: VisitorRow[] = [];
  private readonly freeAt = new Map<string, number>();
  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly clock: SiteClock,
    /** The end of the period: nothing may happen after it. */
    private readonly end: number,
  ) {}

  private visitorFor(out: Batch, at: number, page: string): VisitorRow {
    // Not in the last day: a chat that would run past the end moves back and could meet the visitor's previous one.
    if (this.recent.length > 50 && at < this.end - 86_400_000 && this.rng.chance(0.22)) {
      const row = this.recent[this.rng.int(this.recent.length)]!;
      if (this.freeAt.get(row.id)! < at) return row;
    }
    const locale = LOCALES[this.rng.weighted(LOCALE_ODDS)]!;
    const row: VisitorRow = {
      id: newId(),
      site_id: this.world.siteId,
      token_hash: deadTokenHash(),
      locale,
      page_url: page,
      name: this.rng.chance(0.12) ? this.rng.pick(PEOPLE[locale]) : null,
      last_seen_at: iso(at),
      created_at: iso(at),
    };
    out.visitors.push(row);
    return row;
  }

  private agentOf(dept: WorldDepartment): WorldAgent | null {
    const pool = dept.agents.length ? dept.agents : this.world.agents;
    if (!pool.length) return null;
    return pool[this.rng.weighted(pool.map((a) => a.weight))]!;
  }

  private article(locale: Locale): WorldArticle | null {
    const list = this.world.articles[locale].length ? this.world.articles[locale] : this.world.articles.en;
    return list.length ? this.rng.pick(list) : null;
  }

  /** One conversation of exactly `plan.messages` messages, plus its visitor, bot feedback, CSAT and gaps. */
  build(out: Batch, plan: ConversationPlan): void {
    const { rng, world } = this;
    const page = rng.pick(PAGES);
    const visitor = this.visitorFor(out, plan.at, page);
    const locale = visitor.locale as Locale;
    const convId = newId();
    const firstDept = world.departments[0]!;
    const chosen = rng.chance(0.3) ? null : world.departments.length > 1 && rng.chance(0.55) ? world.departments[1]! : firstDept;
    const handoffDept = chosen ?? firstDept;
    let kind = plan.kind;
    const agent = kind === 'handed' ? this.agentOf(handoffDept) : null;
    if (kind === 'handed' && !agent) kind = 'abandoned';

    const msgs: MessageRow[] = [];
    let t = plan.at;
    let botMisses = 0;
    const botName = BOT_TEXT.name[locale];
    const push = (author: MessageRow['author'], body: string, meta: MessageMeta | null, extra: { authorId?: string | null; authorName?: string | null; clientId?: boolean } = {}) => {
      const row: MessageRow = {
        id: newId(),
        conversation_id: convId,
        seq: msgs.length + 1,
        client_id: extra.clientId ? newId() : null,
        author,
        author_id: extra.authorId ?? null,
        author_name: extra.authorName ?? null,
        body,
        meta,
        created_at: iso(t),
      };
      msgs.push(row);
      return row;
    };
    const visitorSays = (body: string) => push('visitor', body, null, { authorId: visitor.id, authorName: visitor.name, clientId: true });
    const typing = () => (t += Math.round(rng.lognormal(22_000, 0.5)));
    const botBeat = () => (t += 600 + rng.int(1800));

    // ---- bot phase ----
    push('bot', BOT_TEXT.greeting[locale], null, { authorName: botName });
    let lastAnswer: { id: string; articleId: string; question: string } | null = null;
    const answerTurn = () => {
      const article = this.article(locale);
      if (!article) return missTurn(false);
      typing();
      const q = visitorSays(article.title);
      botBeat();
      const a = push('bot', article.answer, { replyTo: q.id, articles: [{ id: article.id, title: article.title }], feedback: 'ask' }, { authorName: botName });
      lastAnswer = { id: a.id, articleId: article.id, question: q.body };
      botMisses = 0;
    };
    const missTurn = (handsOff: boolean) => {
      typing();
      const text = say(OFF_TOPIC_QUESTIONS, locale, rng);
      const q = visitorSays(text);
      botBeat();
      botMisses += 1;
      const key = keyOf(text);
      if (key) out.gaps.push({ key, example: text, locale, at: t, conversationId: convId, reason: 'unanswered' });
      if (handsOff && botMisses >= 2) push('bot', BOT_TEXT.handoff[locale], null, { authorName: botName });
      else push('bot', BOT_TEXT.notSureNothing[locale], { replyTo: q.id, actions: ['handoff'] }, { authorName: botName });
      lastAnswer = null;
    };
    const feedbackTurn = (helpful: boolean) => {
      const answer = lastAnswer!;
      t += 4000 + rng.int(20_000);
      out.botFeedback.push({ message_id: answer.id, conversation_id: convId, site_id: world.siteId, article_id: answer.articleId, helpful, created_at: iso(t) });
      const meta: MessageMeta = helpful ? { feedbackFor: { messageId: answer.id, helpful } } : { feedbackFor: { messageId: answer.id, helpful }, actions: ['handoff'] };
      // An answer that did not help goes to the gap report like a question the bot could not answer.
      const key = helpful ? '' : keyOf(answer.question);
      if (key) out.gaps.push({ key, example: answer.question, locale, at: t, conversationId: convId, reason: 'not_helpful' });
      push('bot', helpful ? BOT_TEXT.feedbackThanks[locale] : BOT_TEXT.feedbackSorryNothing[locale], meta, { authorName: botName });
      lastAnswer = null;
    };
    const thanksTurn = () => {
      typing();
      visitorSays(say(VISITOR_THANKS, locale, rng));
      botBeat();
      push('bot', BOT_TEXT.welcome[locale], null, { authorName: botName });
      lastAnswer = null;
    };
    /** Bot turns using exactly `budget` messages (an odd one is a rating of the last answer, or a last word). */
    const botTurns = (budget: number, allowMiss: boolean) => {
      let left = budget;
      while (left > 0) {
        if (left === 1 || (lastAnswer && rng.chance(0.3))) {
          if (lastAnswer) feedbackTurn(rng.chance(0.8));
          else {
            typing();
            visitorSays(say(VISITOR_THANKS, locale, rng));
          }
          left -= 1;
          continue;
        }
        const r = rng.next();
        if (r < 0.6 || msgs.length === 1) answerTurn();
        else if (r < 0.8 && allowMiss && botMisses === 0) missTurn(false);
        else thanksTurn();
        left -= 2;
      }
    };

    let queuedAt: number | null = null;
    let assignedAt: number | null = null;
    let closedBy: 'visitor' | 'agent' | 'system' = 'visitor';
    const n = Math.max(plan.messages, MIN_MESSAGES[kind]);
    const staffing = staffingAt(this.clock.local(plan.at));

    if (kind === 'bot') {
      botTurns(n - 2, true);
      closedBy = rng.chance(0.35) ? 'system' : 'visitor';
      t += closedBy === 'system' ? 10 * 60_000 : Math.round(rng.lognormal(40_000, 0.8));
    } else {
      // Before the hand-off: a few bot turns, then the one that sends the visitor to a person.
      const extra = n - MIN_MESSAGES[kind];
      let pre = kind === 'handed' ? Math.floor(extra * 0.25 * rng.next()) : Math.floor(extra * rng.next() * 0.5);
      pre -= pre % 2;
      let waiting = kind === 'handed' ? Math.min(extra - pre, rng.chance(0.3) ? 1 + rng.int(2) : 0) : extra - pre;
      if (kind === 'abandoned' && waiting > 6) {
        const move = (waiting - 6) & ~1;
        pre += move;
        waiting -= move;
      }
      // The trigger: asking for a person outright, a question the bot cannot answer (and a click on
      // "Talk to a person"), or two such questions in a row (the bot hands off by itself).
      const trigger = rng.next();
      if (trigger < 0.25) {
        botTurns(pre, false);
        typing();
        visitorSays(say(ASK_PERSON, locale, rng));
        waiting += 1; // asking outright gets no bot reply: one more line in the queue keeps the count
      } else if (trigger < 0.5 && pre >= 2) {
        botTurns(pre - 2, false);
        missTurn(false);
        missTurn(true);
      } else {
        botTurns(pre, false);
        missTurn(true);
        t += 2000 + rng.int(8000);
      }
      t += 500;
      queuedAt = t;
      push('system', '', { system: { kind: 'queued', departmentId: handoffDept.id, departmentName: handoffDept.names } });
      const manual = world.departments.indexOf(handoffDept) === 0 ? 1.4 : 1;
      const wait = kind === 'handed' ? rng.lognormal(QUEUE_MEDIAN[staffing] * manual * 1000, 0.85) : rng.lognormal(240_000, 0.7);
      const leaveAt = queuedAt + wait;
      for (let i = 0; i < waiting; i++) {
        t = Math.min(t + Math.round(rng.lognormal(35_000, 0.5)), Math.round(leaveAt - 1000 * (waiting - i)));
        t = Math.max(t, queuedAt + 1);
        visitorSays(i === 0 ? say(WAITING, locale, rng) : say(rng.chance(0.5) ? WAITING : VISITOR_FOLLOW_UPS, locale, rng));
      }
      t = Math.max(t + 1, Math.round(leaveAt));
      if (kind === 'handed') {
        assignedAt = t;
        push('system', '', { system: { kind: 'agent_joined', name: agent!.name } });
        let agentLines = n - msgs.length - 1;
        let agentTurn = true;
        while (agentLines > 0) {
          if (agentTurn) {
            t += Math.round(msgs[msgs.length - 1]!.author === 'system' ? rng.lognormal(8_000, 0.5) : rng.lognormal(35_000, 0.6));
            const lines = msgs[msgs.length - 1]!.author === 'system' ? AGENT_OPENERS : agentLines === 1 ? AGENT_CLOSERS : AGENT_REPLIES;
            push('agent', say(lines, locale, rng, agent!.name), null, { authorId: agent!.id, authorName: agent!.name, clientId: true });
          } else {
            typing();
            visitorSays(say(agentLines === 1 ? VISITOR_THANKS : VISITOR_FOLLOW_UPS, locale, rng));
          }
          agentLines -= 1;
          // Agents sometimes send two lines in a row; visitors rarely wait for a question.
          agentTurn = agentTurn ? rng.chance(0.15) : true;
        }
        closedBy = rng.chance(0.75) ? 'agent' : 'visitor';
        t += Math.round(rng.lognormal(50_000, 0.6));
      } else {
        closedBy = rng.chance(0.8) ? 'visitor' : 'system';
      }
    }
    push('system', '', { system: { kind: 'closed', by: closedBy } });

    // Nothing may lie in the future: a conversation still running at the end moves back whole.
    const shift = Math.max(0, t - this.end + 1000);
    if (shift > 0) for (const m of msgs) m.created_at = iso(Date.parse(m.created_at) - shift);
    const at = (x: number | null) => (x === null ? null : iso(x - shift));
    const closedAt = t - shift;
    if (shift > 0) {
      for (const f of out.botFeedback) if (f.conversation_id === convId) f.created_at = iso(Date.parse(f.created_at) - shift);
      for (const g of out.gaps) if (g.conversationId === convId) g.at -= shift;
    }
    const startedAt = plan.at - shift;
    if (Date.parse(visitor.created_at) > startedAt) visitor.created_at = iso(startedAt);
    visitor.last_seen_at = iso(Math.max(Date.parse(visitor.last_seen_at), closedAt));
    if (!this.freeAt.has(visitor.id)) this.recent.push(visitor);
    this.freeAt.set(visitor.id, closedAt);
    if (this.recent.length > 2000) for (const gone of this.recent.splice(0, 500)) this.freeAt.delete(gone.id);

    const conv: ConversationRow = {
      id: convId,
      site_id: world.siteId,
      visitor_id: visitor.id,
      department_id: kind === 'bot' ? (chosen?.id ?? null) : handoffDept.id,
      status: 'closed',
      agent_id: agent?.id ?? null,
      bot_misses: botMisses,
      last_seq: msgs.length,
      agent_read_seq: agent ? msgs.length - 1 : 0,
      locale,
      page_url: page,
      queued_at: at(queuedAt),
      assigned_at: at(assignedAt),
      closed_at: iso(closedAt),
      created_at: iso(startedAt),
      updated_at: iso(closedAt),
    };
    out.conversations.push(conv);
    for (const m of msgs) out.messages.push(m);
    if (agent && assignedAt !== null) rateConversation(out, rng, world, conv, { waitSeconds: (assignedAt - (queuedAt ?? assignedAt)) / 1000, end: this.end });
  }
}
