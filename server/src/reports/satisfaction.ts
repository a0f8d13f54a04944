/**
 * CSAT and NPS from survey answers, by when they were first given. Department and agent are the ones
 * copied onto the invitation; the channel is the chat or the ticket's source; NPS asked about the site
 * as a whole has no channel. "Internal" answers are about intranet tickets (employees), the rest external.
 */
import { sql } from 'drizzle-orm';
import type { ReportChannel, ReportComment, SatisfactionMetric } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { rowsOf } from '../conversations/views.js';
import type { Window } from './period.js';
import { filters, int, num, pct, round, ticketChannel, ts, type FigureQuery, type FigureSpec } from './query.js';

const CHANNEL = sql`(case i.about when 'conversation' then 'chat' when 'ticket' then ${ticketChannel(sql`tk.source`)} end)`;

function answers(q: FigureQuery, w: Window) {
  return sql`
    from survey_responses r
    join survey_invitations i on i.id = r.invitation_id
    left join tickets tk on tk.id = i.ticket_id
    where r.site_id = ${q.scope.siteId} and r.created_at >= ${ts(w.start)} and r.created_at < ${ts(w.end)}
      and ${filters(q, { department: sql`i.department_id`, agent: sql`i.agent_id`, channel: CHANNEL })}`;
}

export const satisfaction: FigureSpec<SatisfactionMetric> = {
  metrics: ['csatResponses', 'csatSatisfied', 'csatRate', 'csatAverage', 'csatInternalRate', 'csatExternalRate', 'npsResponses', 'promoters', 'passives', 'detractors', 'nps'],
  dims: ['bucket', 'department', 'agent', 'channel'],
  source: (q, w) => sql`
    select r.created_at as at, i.department_id, i.agent_id, ${CHANNEL} as channel, i.kind, r.score,
      coalesce(tk.source = 'intranet', false) as internal
    ${answers(q, w)}`,
  aggregates: sql`
    count(*) filter (where kind = 'csat')::int as csat,
    count(*) filter (where kind = 'csat' and score >= 4)::int as satisfied,
    avg(score) filter (where kind = 'csat')::float8 as csat_avg,
    count(*) filter (where kind = 'csat' and internal)::int as csat_int,
    count(*) filter (where kind = 'csat' and internal and score >= 4)::int as satisfied_int,
    count(*) filter (where kind = 'csat' and not internal)::int as csat_ext,
    count(*) filter (where kind = 'csat' and not internal and score >= 4)::int as satisfied_ext,
    count(*) filter (where kind = 'nps')::int as nps,
    count(*) filter (where kind = 'nps' and score >= 9)::int as promoters,
    count(*) filter (where kind = 'nps' and score between 7 and 8)::int as passives,
    count(*) filter (where kind = 'nps' and score <= 6)::int as detractors`,
  derive: (r) => {
    const csat = int(r.csat);
    const npsN = int(r.nps);
    const promoters = int(r.promoters);
    const detractors = int(r.detractors);
    return {
      csatResponses: csat,
      csatSatisfied: int(r.satisfied),
      csatRate: pct(int(r.satisfied), csat),
      csatAverage: round(num(r.csat_avg), 2),
      csatInternalRate: pct(int(r.satisfied_int), int(r.csat_int)),
      csatExternalRate: pct(int(r.satisfied_ext), int(r.csat_ext)),
      npsResponses: npsN,
      promoters,
      passives: int(r.passives),
      detractors,
      // Rounded from exact shares, not from the rounded percentages.
      nps: npsN > 0 ? round((100 * (promoters - detractors)) / npsN) : null,
    };
  },
};

export const COMMENT_LIMIT = 100;

/** The latest answers with a comment, newest first. */
export async function surveyComments(db: Executor, q: FigureQuery, w: Window): Promise<ReportComment[]> {
  const rows = rowsOf<{
    kind: 'csat' | 'nps';
    score: number;
    comment: string;
    created_at: Date | string;
    department_id: string | null;
    agent_id: string | null;
    channel: ReportChannel | null;
    conversation_id: string | null;
    ticket_id: string | null;
  }>(
    await db.execute(sql`
      select i.kind, r.score, r.comment, r.created_at, i.department_id, i.agent_id, ${CHANNEL} as channel, i.conversation_id, i.ticket_id
      ${answers(q, w)} and r.comment is not null and btrim(r.comment) <> ''
      order by r.created_at desc, r.id
      limit ${COMMENT_LIMIT}`),
  );
  return rows.map((r) => ({
    kind: r.kind,
    score: Number(r.score),
    comment: r.comment,
    createdAt: new Date(r.created_at).toISOString(),
    departmentId: r.department_id,
    agentId: r.agent_id,
    channel: r.channel,
    conversationId: r.conversation_id,
    ticketId: r.ticket_id,
  }));
}
