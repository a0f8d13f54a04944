/**
 * Response times in seconds (real elapsed time), median and 90th percentile (percentile_cont, so a
 * median of two is their mean). Chats from their handoff; tickets from their creation.
 */
import { sql } from 'drizzle-orm';
import type { ResponseTimeMetric } from '@parley/protocol';
import { chatFacts } from './chat-facts.js';
import { filters, int, num, round, ticketChannel, ts, type FigureSpec } from './query.js';

// Both fractions from one sort per duration: percentile_cont over an array of fractions.
const p = (expr: string, name: string) => sql.raw(`percentile_cont(array[0.5, 0.9]) within group (order by ${expr}) as ${name}`);
const at = (v: unknown, i: number) => (Array.isArray(v) ? num(v[i]) : typeof v === 'string' ? num(v.replace(/[{}]/g, '').split(',')[i]) : null);

export const responseTimes: FigureSpec<ResponseTimeMetric> = {
  metrics: [
    'chatFirstResponseMedian',
    'chatFirstResponseP90',
    'queueWaitMedian',
    'queueWaitP90',
    'queueAbandoned',
    'ticketFirstResponseMedian',
    'ticketFirstResponseP90',
    'ticketResolutionMedian',
    'ticketResolutionP90',
  ],
  dims: ['bucket', 'department', 'agent', 'channel'],
  source: (q, w) => sql`
    select at, department_id, agent_id, channel,
      extract(epoch from replied_at - queued_at)::float8 as chat_frt,
      extract(epoch from joined_at - queued_at)::float8 as chat_wait,
      (status = 'closed' and joined_at is null)::int as abandoned,
      null::float8 as ticket_frt, null::float8 as ticket_res
    from (${chatFacts(q, w)}) chats
    union all
    select t.created_at, t.department_id, t.assignee_id, ${ticketChannel(sql`t.source`)},
      null, null, 0,
      extract(epoch from t.first_responded_at - t.created_at)::float8,
      extract(epoch from t.resolved_at - t.created_at)::float8
    from tickets t
    where t.site_id = ${q.scope.siteId} and t.created_at >= ${ts(w.start)} and t.created_at < ${ts(w.end)}
      and ${filters(q, { department: sql`t.department_id`, agent: sql`t.assignee_id`, channel: ticketChannel(sql`t.source`) })}`,
  aggregates: sql.join(
    [
      p('chat_frt', 'chat_frt'),
      p('chat_wait', 'chat_wait'),
      sql`coalesce(sum(abandoned), 0)::int as abandoned`,
      p('ticket_frt', 'ticket_frt'),
      p('ticket_res', 'ticket_res'),
    ],
    sql`, `,
  ),
  derive: (r) => ({
    chatFirstResponseMedian: round(at(r.chat_frt, 0)),
    chatFirstResponseP90: round(at(r.chat_frt, 1)),
    queueWaitMedian: round(at(r.chat_wait, 0)),
    queueWaitP90: round(at(r.chat_wait, 1)),
    queueAbandoned: int(r.abandoned),
    ticketFirstResponseMedian: round(at(r.ticket_frt, 0)),
    ticketFirstResponseP90: round(at(r.ticket_frt, 1)),
    ticketResolutionMedian: round(at(r.ticket_res, 0)),
    ticketResolutionP90: round(at(r.ticket_res, 1)),
  }),
};
