/**
 * Survey answers and help-center votes as surveys/service.ts and kb/votes.ts write them: a CSAT
 * invitation when a chat with an agent closes or a ticket is resolved (agent and department copied
 * onto it), answered by about a third, mostly happy, less so after a long wait; NPS asked of a person
 * at most once per the site's frequency; "was this helpful?" votes, mostly yes.
 */
import type { Locale } from '@parley/protocol';
import { INVITATION_DAYS } from '../surveys/settings.js';
import type { Batch, ConversationRow, InvitationRow, TicketRow } from './rows.js';
import { deadTokenHash, iso, newId } from './rows.js';
import type { Rng } from './sampling.js';
import { CSAT_COMMENTS, KB_VOTE_COMMENTS, NPS_COMMENTS } from './texts.js';
import type { World } from './world.js';

const DAY = 86_400_000;

function band(kind: 'csat' | 'nps', score: number): 'low' | 'mid' | 'high' {
  if (kind === 'csat') return score <= 2 ? 'low' : score === 3 ? 'mid' : 'high';
  return score <= 6 ? 'low' : score <= 8 ? 'mid' : 'high';
}

/** Invites, and maybe answers within the invitation's life and before the end of the period. */
function invite(out: Batch, rng: Rng, inv: Omit<InvitationRow, 'id' | 'token_hash' | 'expires_at' | 'created_at'>, at: number, end: number, answerOdds: number, score: () => number): void {
  const row: InvitationRow = { ...inv, id: newId(), token_hash: deadTokenHash(), created_at: iso(at), expires_at: iso(at + INVITATION_DAYS[inv.kind] * DAY) };
  out.invitations.push(row);
  if (!rng.chance(answerOdds)) return;
  // Most answer within minutes of the mail or the chat's end; some days later.
  const answeredAt = Math.round(at + Math.min(rng.lognormal(6 * 60_000, 2), (INVITATION_DAYS[inv.kind] - 0.1) * DAY));
  if (answeredAt >= end) return;
  const s = score();
  const comments = inv.kind === 'csat' ? CSAT_COMMENTS : NPS_COMMENTS;
  const comment = rng.chance(s <= 3 || (inv.kind === 'nps' && s <= 6) ? 0.55 : 0.22) ? rng.pick(comments[band(inv.kind, s)][inv.locale as Locale]) : null;
  out.responses.push({ invitation_id: row.id, site_id: row.site_id, score: s, comment, created_at: iso(answeredAt), updated_at: iso(answeredAt) });
}

/** 1-5, skewed to 4-5; every minute of waiting past the first makes a 5 a little less likely. */
function csatScore(rng: Rng, penalty: number): number {
  const w = [0.04 + penalty * 0.05, 0.04 + penalty * 0.05, 0.1 + penalty * 0.08, 0.27, Math.max(0.1, 0.55 - penalty * 0.2)];
  return 1 + rng.weighted(w);
}

export function rateConversation(out: Batch, rng: Rng, world: World, conv: ConversationRow, opts: { waitSeconds: number; end: number }): void {
  const penalty = Math.min(1, Math.max(0, (opts.waitSeconds - 60) / 600));
  invite(
    out,
    rng,
    { site_id: world.siteId, kind: 'csat', about: 'conversation', conversation_id: conv.id, ticket_id: null, visitor_id: conv.visitor_id, contact_email: null, agent_id: conv.agent_id, department_id: conv.department_id, locale: conv.locale },
    Date.parse(conv.closed_at),
    opts.end,
    0.33,
    () => csatScore(rng, penalty),
  );
}

/** At the resolution, when the ticket has an address to mail (an agent resolved it: customers resolving their own are not asked). */
export function rateTicket(out: Batch, rng: Rng, world: World, t: TicketRow, resolvedAt: number, opts: { late: boolean; end: number }): void {
  if (!t.contact_email) return;
  invite(
    out,
    rng,
    { site_id: world.siteId, kind: 'csat', about: 'ticket', conversation_id: t.conversation_id, ticket_id: t.id, visitor_id: t.visitor_id, contact_email: t.contact_email, agent_id: t.assignee_id, department_id: t.department_id, locale: t.locale },
    resolvedAt,
    opts.end,
    0.28,
    () => csatScore(rng, opts.late ? 0.6 : 0),
  );
}

/** NPS for a sample of the slice's visitors, once each (the slice is far shorter than the 90-day rule). */
export function askNps(out: Batch, rng: Rng, world: World, count: number, from: number, end: number): void {
  const seen = new Set<string>();
  const visitors = out.visitors;
  for (let i = 0; i < count && visitors.length > 0; i++) {
    const v = visitors[rng.int(visitors.length)]!;
    if (seen.has(v.id)) continue;
    seen.add(v.id);
    const at = Math.min(end - 60_000, Math.max(from, Date.parse(v.last_seen_at) + rng.int(3 * DAY)));
    out.npsAsks.push({ site_id: world.siteId, subject: `visitor:${v.id}`, last_asked_at: iso(at) });
    invite(
      out,
      rng,
      { site_id: world.siteId, kind: 'nps', about: 'site', conversation_id: null, ticket_id: null, visitor_id: v.id, contact_email: null, agent_id: null, department_id: null, locale: v.locale },
      at,
      end,
      0.42,
      () => [3, 5, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10][rng.int(16)]!,
    );
  }
}

/** Help-center votes spread over the slice; a visitor has one vote per article (kb_votes' unique index). */
export function castVotes(out: Batch, rng: Rng, world: World, count: number, from: number, to: number): void {
  const all = [...world.articles.en, ...world.articles['zh-CN'], ...world.articles['zh-TW']];
  if (!all.length) return;
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    // A few articles get most of the votes, as in any help center.
    const article = all[Math.floor(all.length * Math.pow(rng.next(), 2))]!;
    const v = out.visitors.length && rng.chance(0.6) ? out.visitors[rng.int(out.visitors.length)]! : null;
    if (v) {
      if (seen.has(`${article.id}:${v.id}`)) continue;
      seen.add(`${article.id}:${v.id}`);
    }
    const helpful = rng.chance(0.78);
    // A visitor votes while they are around: from their first visit on.
    const at = iso(Math.floor(v ? Math.min(to - 1, Date.parse(v.created_at) + rng.int(2 * 3_600_000)) : from + rng.next() * (to - from)));
    out.kbVotes.push({ article_id: article.id, visitor_id: v?.id ?? null, helpful, comment: rng.chance(0.1) ? rng.pick(KB_VOTE_COMMENTS[helpful ? 'yes' : 'no']) : null, created_at: at, updated_at: at });
  }
}
