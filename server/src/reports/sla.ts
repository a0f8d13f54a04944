/**
 * SLA compliance. Tickets against their stored first-response due time, which the ticket domain
 * computed in the department's business hours (so "2 business hours" after Friday 17:00 is Monday);
 * chats against the request's chat target, from the handoff to the first agent message.
 */
import { sql } from 'drizzle-orm';
import type { SlaMetric } from '@parley/protocol';
import { chatFacts } from './chat-facts.js';
import { filters, int, pct, ticketChannel, ts, type FigureSpec } from './query.js';

export const sla: FigureSpec<SlaMetric> = {
  metrics: ['slaTickets', 'slaMet', 'slaLate', 'slaMissed', 'slaBreached', 'slaPending', 'slaCompliance', 'escalated', 'chatQueued', 'chatInTarget', 'chatLate', 'chatMissed', 'chatCompliance'],
  dims: ['bucket', 'department', 'agent', 'channel'],
  source: (q, w) => sql`
    select t.created_at as at, t.department_id, t.assignee_id as agent_id, ${ticketChannel(sql`t.source`)} as channel, 1 as is_ticket,
      (t.first_responded_at <= t.first_response_due_at)::int as met,
      (t.first_responded_at > t.first_response_due_at)::int as late,
      (t.first_responded_at is null and (t.breached_at is not null or (t.first_response_due_at <= ${ts(q.now)} and t.status in ('new', 'open', 'pending'))))::int as missed,
      (t.first_responded_at is null and t.breached_at is null and t.first_response_due_at > ${ts(q.now)} and t.status in ('new', 'open', 'pending'))::int as pending,
      (t.escalation_level > 0)::int as escalated
    from tickets t
    where t.site_id = ${q.scope.siteId} and t.created_at >= ${ts(w.start)} and t.created_at < ${ts(w.end)}
      and ${filters(q, { department: sql`t.department_id`, agent: sql`t.assignee_id`, channel: ticketChannel(sql`t.source`) })}
    union all
    select at, department_id, agent_id, channel, 0,
      (extract(epoch from replied_at - queued_at) <= ${q.chatTargetSeconds}::float8)::int,
      (extract(epoch from replied_at - queued_at) > ${q.chatTargetSeconds}::float8)::int,
      (replied_at is null and status = 'closed')::int,
      0, 0
    from (${chatFacts(q, w)}) chats`,
  aggregates: sql`
    count(*) filter (where is_ticket = 1)::int as tickets,
    count(*) filter (where is_ticket = 1 and met = 1)::int as met,
    count(*) filter (where is_ticket = 1 and late = 1)::int as late,
    count(*) filter (where is_ticket = 1 and missed = 1)::int as missed,
    count(*) filter (where is_ticket = 1 and pending = 1)::int as pending,
    count(*) filter (where is_ticket = 1 and escalated = 1)::int as escalated,
    count(*) filter (where is_ticket = 0)::int as chats,
    count(*) filter (where is_ticket = 0 and met = 1)::int as chat_met,
    count(*) filter (where is_ticket = 0 and late = 1)::int as chat_late,
    count(*) filter (where is_ticket = 0 and missed = 1)::int as chat_missed`,
  derive: (r) => {
    const met = int(r.met);
    const late = int(r.late);
    const missed = int(r.missed);
    const chatMet = int(r.chat_met);
    const chatLate = int(r.chat_late);
    const chatMissed = int(r.chat_missed);
    return {
      slaTickets: int(r.tickets),
      slaMet: met,
      slaLate: late,
      slaMissed: missed,
      slaBreached: late + missed,
      slaPending: int(r.pending),
      slaCompliance: pct(met, met + late + missed),
      escalated: int(r.escalated),
      chatQueued: int(r.chats),
      chatInTarget: chatMet,
      chatLate,
      chatMissed,
      chatCompliance: pct(chatMet, chatMet + chatLate + chatMissed),
    };
  },
};
