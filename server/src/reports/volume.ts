/** Volume: chats started and tickets created, by creation time. */
import { sql } from 'drizzle-orm';
import type { VolumeMetric } from '@parley/protocol';
import { filters, int, ticketChannel, ts, type FigureSpec } from './query.js';

export const volume: FigureSpec<VolumeMetric> = {
  metrics: ['conversations', 'tickets'],
  dims: ['bucket', 'department', 'agent', 'channel'],
  source: (q, w) => sql`
    select c.created_at as at, c.department_id, c.agent_id, 'chat'::text as channel, 1 as is_chat
    from conversations c
    where c.site_id = ${q.scope.siteId} and c.created_at >= ${ts(w.start)} and c.created_at < ${ts(w.end)}
      and ${filters(q, { department: sql`c.department_id`, agent: sql`c.agent_id`, channel: null })}
    union all
    select t.created_at, t.department_id, t.assignee_id, ${ticketChannel(sql`t.source`)}, 0
    from tickets t
    where t.site_id = ${q.scope.siteId} and t.created_at >= ${ts(w.start)} and t.created_at < ${ts(w.end)}
      and ${filters(q, { department: sql`t.department_id`, agent: sql`t.assignee_id`, channel: ticketChannel(sql`t.source`) })}`,
  aggregates: sql`count(*) filter (where is_chat = 1)::int as conversations, count(*) filter (where is_chat = 0)::int as tickets`,
  derive: (r) => ({ conversations: int(r.conversations), tickets: int(r.tickets) }),
};
