/**
 * Help-center helpfulness: "was this helpful?" votes cast in the period on the site's articles. Votes
 * belong to no department, agent or channel, so those filters do not narrow them and there are no
 * such breakdowns.
 */
import { sql } from 'drizzle-orm';
import type { KbMetric } from '@parley/protocol';
import { int, pct, ts, type FigureSpec } from './query.js';

export const kb: FigureSpec<KbMetric> = {
  metrics: ['kbVotes', 'kbHelpful', 'kbNotHelpful', 'helpfulRate'],
  dims: ['bucket'],
  source: (q, w) => sql`
    select v.created_at as at, null::uuid as department_id, null::uuid as agent_id, null::text as channel, v.helpful
    from kb_votes v
    join kb_articles a on a.id = v.article_id
    where a.site_id = ${q.scope.siteId} and v.created_at >= ${ts(w.start)} and v.created_at < ${ts(w.end)}`,
  aggregates: sql`count(*)::int as votes, count(*) filter (where helpful)::int as helpful`,
  derive: (r) => {
    const votes = int(r.votes);
    const helpful = int(r.helpful);
    return { kbVotes: votes, kbHelpful: helpful, kbNotHelpful: votes - helpful, helpfulRate: pct(helpful, votes) };
  },
};
