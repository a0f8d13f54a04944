/** Bot containment: of the chats started in the period and closed since, those no person ever took up. */
import { sql } from 'drizzle-orm';
import type { BotMetric } from '@parley/protocol';
import { filters, int, pct, ts, type FigureSpec } from './query.js';

export const bot: FigureSpec<BotMetric> = {
  metrics: ['botClosed', 'botContained', 'botHandedOff', 'containmentRate'],
  // Contained chats have no agent by definition: a per-agent line would say nothing.
  dims: ['bucket', 'department', 'channel'],
  source: (q, w) => sql`
    select c.created_at as at, c.department_id, c.agent_id, 'chat'::text as channel,
      (c.status = 'closed')::int as closed,
      (c.status = 'closed' and c.queued_at is null and c.agent_id is null)::int as contained,
      (c.queued_at is not null)::int as handed_off
    from conversations c
    where c.site_id = ${q.scope.siteId} and c.created_at >= ${ts(w.start)} and c.created_at < ${ts(w.end)}
      and ${filters(q, { department: sql`c.department_id`, agent: sql`c.agent_id`, channel: null })}`,
  aggregates: sql`coalesce(sum(closed), 0)::int as closed, coalesce(sum(contained), 0)::int as contained, coalesce(sum(handed_off), 0)::int as handed_off`,
  derive: (r) => ({
    botClosed: int(r.closed),
    botContained: int(r.contained),
    botHandedOff: int(r.handed_off),
    containmentRate: pct(int(r.contained), int(r.closed)),
  }),
};
