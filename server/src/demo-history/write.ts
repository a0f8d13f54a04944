/**
 * Bulk writing: each table's rows go in as one JSON parameter per few thousand rows, expanded by
 * `json_to_recordset` inside the database. One statement and one parameter per chunk works the same
 * on PGlite and PostgreSQL, has no 65,535-parameter ceiling, and costs far fewer round trips than
 * multi-row VALUES (measured: see docs/benchmarks.md, "Reports").
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { Batch, GapHit } from './rows.js';

type Columns = ReadonlyArray<readonly [name: string, type: string]>;

const TABLES = {
  visitors: ['visitors', [['id', 'uuid'], ['site_id', 'uuid'], ['token_hash', 'text'], ['locale', 'text'], ['page_url', 'text'], ['name', 'text'], ['last_seen_at', 'timestamptz'], ['created_at', 'timestamptz']]],
  conversations: [
    'conversations',
    [
      ['id', 'uuid'], ['site_id', 'uuid'], ['visitor_id', 'uuid'], ['department_id', 'uuid'], ['status', 'text'], ['agent_id', 'uuid'], ['bot_misses', 'int'], ['last_seq', 'int'],
      ['agent_read_seq', 'int'], ['locale', 'text'], ['page_url', 'text'], ['queued_at', 'timestamptz'], ['assigned_at', 'timestamptz'], ['closed_at', 'timestamptz'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  ],
  messages: [
    'messages',
    [['id', 'uuid'], ['conversation_id', 'uuid'], ['seq', 'int'], ['client_id', 'uuid'], ['author', 'text'], ['author_id', 'uuid'], ['author_name', 'text'], ['body', 'text'], ['meta', 'jsonb'], ['created_at', 'timestamptz']],
  ],
  botFeedback: ['bot_feedback', [['message_id', 'uuid'], ['conversation_id', 'uuid'], ['site_id', 'uuid'], ['article_id', 'uuid'], ['helpful', 'boolean'], ['created_at', 'timestamptz']]],
  tickets: [
    'tickets',
    [
      ['id', 'uuid'], ['site_id', 'uuid'], ['number', 'text'], ['subject', 'text'], ['category_id', 'uuid'], ['department_id', 'uuid'], ['priority', 'text'], ['status', 'text'], ['source', 'text'],
      ['assignee_id', 'uuid'], ['locale', 'text'], ['contact_name', 'text'], ['contact_email', 'text'], ['visitor_id', 'uuid'], ['employee_id', 'text'], ['anonymous', 'boolean'],
      ['conversation_id', 'uuid'], ['target_minutes', 'int'], ['first_response_due_at', 'timestamptz'], ['first_responded_at', 'timestamptz'], ['breached_at', 'timestamptz'],
      ['escalation_level', 'int'], ['resolved_at', 'timestamptz'], ['closed_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  ],
  ticketEntries: [
    'ticket_entries',
    [['id', 'uuid'], ['ticket_id', 'uuid'], ['kind', 'text'], ['author', 'text'], ['author_id', 'uuid'], ['author_name', 'text'], ['body', 'text'], ['via', 'text'], ['created_at', 'timestamptz']],
  ],
  ticketHistory: [
    'ticket_history',
    [['ticket_id', 'uuid'], ['actor', 'text'], ['actor_id', 'uuid'], ['actor_name', 'text'], ['action', 'text'], ['from', 'text'], ['to', 'text'], ['created_at', 'timestamptz']],
  ],
  ticketLinks: ['ticket_links', [['ticket_id', 'uuid'], ['token_hash', 'text'], ['expires_at', 'timestamptz'], ['created_at', 'timestamptz']]],
  invitations: [
    'survey_invitations',
    [
      ['id', 'uuid'], ['site_id', 'uuid'], ['kind', 'text'], ['about', 'text'], ['token_hash', 'text'], ['conversation_id', 'uuid'], ['ticket_id', 'uuid'], ['visitor_id', 'uuid'],
      ['contact_email', 'text'], ['agent_id', 'uuid'], ['department_id', 'uuid'], ['locale', 'text'], ['created_at', 'timestamptz'], ['expires_at', 'timestamptz'],
    ],
  ],
  responses: ['survey_responses', [['invitation_id', 'uuid'], ['site_id', 'uuid'], ['score', 'int'], ['comment', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']]],
  kbVotes: ['kb_votes', [['article_id', 'uuid'], ['visitor_id', 'uuid'], ['helpful', 'boolean'], ['comment', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']]],
  jobs: ['jobs', [['kind', 'text'], ['key', 'text'], ['run_at', 'timestamptz'], ['payload', 'jsonb']]],
} as const satisfies Partial<Record<keyof Batch, readonly [string, Columns]>>;

/** Rows per statement: big enough that round trips do not matter, small enough to keep memory flat. */
const CHUNK = 4000;

async function insertRows(ex: Executor, table: string, columns: Columns, rows: readonly object[], suffix = ''): Promise<void> {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const typed = columns.map(([n, t]) => `"${n}" ${t}`).join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await ex.execute(sql`${sql.raw(`insert into ${table} (${names}) select ${names} from json_to_recordset(`)}${json}${sql.raw(`::json) as x(${typed}) ${suffix}`)}`);
  }
}

/** Writes a slice in foreign-key order. The caller holds the transaction. */
export async function writeBatch(ex: Executor, b: Batch): Promise<void> {
  const put = async (key: keyof typeof TABLES, suffix = '') => {
    const [table, columns] = TABLES[key];
    await insertRows(ex, table, columns, b[key] as readonly object[], suffix);
  };
  await put('visitors');
  await put('conversations');
  await put('messages');
  await put('botFeedback');
  await put('tickets');
  await put('ticketEntries');
  await put('ticketHistory');
  await put('ticketLinks');
  await put('invitations');
  await put('responses');
  // One person, one row: a later ask moves the date forward, as surveys/service.ts does.
  await insertRows(ex, 'survey_nps_asks', [['site_id', 'uuid'], ['subject', 'text'], ['last_asked_at', 'timestamptz']], b.npsAsks, 'on conflict (site_id, subject) do update set last_asked_at = greatest(survey_nps_asks.last_asked_at, excluded.last_asked_at)');
  await put('kbVotes', 'on conflict do nothing');
  await put('jobs', 'on conflict do nothing');
}

/** Folds the bot's misses into kb_gaps (one row per normalised question, counted), like kb/gaps.ts. */
export async function writeGaps(ex: Executor, siteId: string, hits: Map<string, GapHit & { count: number; firstAt: number }>): Promise<void> {
  const rows = [...hits.values()].map((g) => ({
    site_id: siteId,
    key: g.key,
    example: g.example,
    locale: g.locale,
    reason: g.reason,
    count: g.count,
    last_asked_at: new Date(g.at).toISOString(),
    conversation_id: g.conversationId,
    created_at: new Date(g.firstAt).toISOString(),
  }));
  await insertRows(
    ex,
    'kb_gaps',
    [['site_id', 'uuid'], ['key', 'text'], ['example', 'text'], ['locale', 'text'], ['reason', 'text'], ['count', 'int'], ['last_asked_at', 'timestamptz'], ['conversation_id', 'uuid'], ['created_at', 'timestamptz']],
    rows,
    `on conflict (site_id, key) do update set count = kb_gaps.count + excluded.count,
       last_asked_at = greatest(kb_gaps.last_asked_at, excluded.last_asked_at),
       created_at = least(kb_gaps.created_at, excluded.created_at)`,
  );
}

export async function writeCounters(ex: Executor, siteId: string, counters: Array<{ year: number; last: number }>): Promise<void> {
  await insertRows(
    ex,
    'ticket_counters',
    [['site_id', 'uuid'], ['year', 'int'], ['last', 'int']],
    counters.map((c) => ({ site_id: siteId, ...c })),
    'on conflict (site_id, year) do update set last = greatest(ticket_counters.last, excluded.last)',
  );
}

/**
 * The articles' counters follow their votes (kb/votes.ts keeps them in step), with a plausible
 * number of views for each vote; an article voted on before the seed wrote it is dated back.
 */
export async function syncArticles(ex: Executor, siteId: string, from: Date): Promise<void> {
  await ex.execute(sql`
    update kb_articles a set
      helpful_yes = v.yes, helpful_no = v.no, views = greatest(a.views, (v.yes + v.no) * 7),
      created_at = least(a.created_at, ${from.toISOString()}::timestamptz)
    from (select article_id, count(*) filter (where helpful)::int as yes, count(*) filter (where not helpful)::int as no from kb_votes group by article_id) v
    where v.article_id = a.id and a.site_id = ${siteId}`);
}

/** Fresh planner statistics: without them the first reports over a million new rows plan blind. */
export async function analyze(ex: Executor): Promise<void> {
  for (const t of ['visitors', 'conversations', 'messages', 'bot_feedback', 'tickets', 'ticket_entries', 'ticket_history', 'survey_invitations', 'survey_responses', 'kb_votes', 'kb_gaps']) {
    await ex.execute(sql.raw(`analyze ${t}`));
  }
}
