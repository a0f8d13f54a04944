/**
 * Per handed-off chat, the moments the reports measure, read from its messages: the handoff (first
 * `queued` event; `conversations.queued_at` moves when a chat is transferred), a person taking it up
 * (first `agent_joined` or agent message) and the first agent message.
 *
 * Reading them costs one short range of the partial index `messages_report_idx` per chat: seconds for
 * a year's 80,000 handed-off chats (tens of seconds on PGlite). Closed chats never change, so their moments are kept in
 * `report_chat_facts` (refreshChatFacts); a report reads those and probes messages only for chats that
 * are not there yet (still open, or closed since the refresh).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { rowsOf } from '../conversations/views.js';
import type { Window } from './period.js';
import { filters, ts, type FigureQuery } from './query.js';

/** The moments of chat `c` from its messages; `when` false skips the probe (a one-time filter). */
const live = (when: ReturnType<typeof sql>) => sql`
  select min(m.created_at) filter (where m.author = 'system' and m.meta->'system'->>'kind' = 'queued') as queued_at,
         min(m.created_at) filter (where m.author = 'system' and m.meta->'system'->>'kind' = 'agent_joined') as joined_at,
         min(m.created_at) filter (where m.author = 'agent') as replied_at
  from messages m
  where ${when} and m.conversation_id = c.id and m.author in ('agent', 'system')`;

export function chatFacts(q: FigureQuery, w: Window) {
  return sql`
    select c.created_at as at, c.department_id, c.agent_id, 'chat'::text as channel, c.status,
      coalesce(k.queued_at, f.queued_at) as queued_at,
      coalesce(k.joined_at, least(f.joined_at, f.replied_at)) as joined_at,
      coalesce(k.replied_at, f.replied_at) as replied_at
    from conversations c
    left join report_chat_facts k on k.conversation_id = c.id
    left join lateral (${live(sql`k.conversation_id is null`)}) f on true
    where c.site_id = ${q.scope.siteId} and c.created_at >= ${ts(w.start)} and c.created_at < ${ts(w.end)} and c.queued_at is not null
      and ${filters(q, { department: sql`c.department_id`, agent: sql`c.agent_id`, channel: null })}`;
}

/**
 * Keeps the moments of the site's closed, handed-off chats created in the window; returns how many
 * were added. Idempotent (a concurrent refresh adds nothing twice). Written as a join and GROUP BY
 * rather than the lateral probe above so the planner may choose: a few new chats are probed through
 * the index, a cold year (the first report, or a seeding script) is one pass over the messages with
 * a hash join, which on PGlite is ~10x faster than 80,000 probes.
 */
export async function refreshChatFacts(db: Executor, siteId: string, w: Pick<Window, 'start' | 'end'>): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`
      with added as (
        insert into report_chat_facts (conversation_id, queued_at, joined_at, replied_at)
        select id, queued_at, least(joined_at, replied_at), replied_at
        from (
          select c.id,
            min(m.created_at) filter (where m.author = 'system' and m.meta->'system'->>'kind' = 'queued') as queued_at,
            min(m.created_at) filter (where m.author = 'system' and m.meta->'system'->>'kind' = 'agent_joined') as joined_at,
            min(m.created_at) filter (where m.author = 'agent') as replied_at
          from conversations c
          left join messages m on m.conversation_id = c.id and m.author in ('agent', 'system')
          where c.site_id = ${siteId} and c.created_at >= ${ts(w.start)} and c.created_at < ${ts(w.end)}
            and c.status = 'closed' and c.queued_at is not null
            and not exists (select 1 from report_chat_facts k where k.conversation_id = c.id)
          group by c.id
        ) todo
        on conflict (conversation_id) do nothing
        returning 1
      )
      select count(*)::int as n from added`),
  );
  return Number(rows[0]?.n ?? 0);
}
