/**
 * Tickets as tickets/create.ts, actions.ts, customer.ts and sla-jobs.ts write them. Each ticket's life
 * is a list of events (assign, reply, wait on the customer, the customer's answer, resolve, close)
 * replayed in time order through the same rules the app applies: the first public reply sets
 * first_responded_at and opens a new ticket; the breach fires at the due time if nobody answered;
 * escalation steps run while the ticket is with the team (new or open), stop while it waits on the
 * customer or is resolved, and restart with the next step's full interval. Events past the end of the
 * period are cut, so the last days' tickets are still open, with their SLA jobs scheduled.
 */
import type { Locale, TicketPriority, TicketStatus } from '@parley/protocol';
import { addBusinessMinutes } from '../sla/business-time.js';
import { effectiveTarget, planSla } from '../sla/policy.js';
import { BREACH_JOB, ESCALATE_JOB } from '../tickets/sla-jobs.js';
import { formatTicketNumber } from '../tickets/numbers.js';
import type { Batch, TicketEntryRow, TicketHistoryRow, TicketRow } from './rows.js';
import { deadTokenHash, iso, newId } from './rows.js';
import type { Rng, TimeSampler } from './sampling.js';
import { rateTicket } from './surveys.js';
import { PEOPLE, TICKET_AGENT_REPLIES, TICKET_CUSTOMER_REPLIES, TICKET_NOTES, TICKET_TEXT } from './texts.js';
import type { World, WorldAgent, WorldCategory, WorldDepartment } from './world.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CATEGORY_ODDS: Record<string, number> = { complaint: 18, inquiry: 32, suggestion: 10, praise: 5, 'suggestion-box': 10, 'internal-message': 18, urgent: 4 };
const LOCALES: Locale[] = ['en', 'zh-CN', 'zh-TW'];

type Actor = { kind: 'agent' | 'customer' | 'system'; id: string | null; name: string | null };
type Event =
  | { at: number; kind: 'assign'; by: WorldAgent; to: WorldAgent }
  | { at: number; kind: 'reply'; by: WorldAgent; status?: TicketStatus }
  | { at: number; kind: 'note'; by: WorldAgent }
  | { at: number; kind: 'customerReply' }
  | { at: number; kind: 'resolve'; by: WorldAgent }
  | { at: number; kind: 'customerResolve' }
  | { at: number; kind: 'close'; by: WorldAgent };

/** Hands out the site's readable numbers, continuing each year's counter (tickets/numbers.ts). */
export class TicketNumbers {
  constructor(private readonly last: Map<number, number>) {}
  next(at: number): string {
    const year = new Date(at).getUTCFullYear();
    const n = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, n);
    return formatTicketNumber(year, n);
  }
  counters(): Array<{ year: number; last: number }> {
    return [...this.last].map(([year, last]) => ({ year, last }));
  }
}

export class TicketWriter {
  private readonly managers: WorldAgent[];
  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly numbers: TicketNumbers,
    private readonly end: number,
  ) {
    this.managers = world.agents.filter((a) => a.role === 'admin' || a.role === 'supervisor');
  }

  private agentOf(dept: WorldDepartment | undefined): WorldAgent | null {
    const pool = dept?.agents.length ? dept.agents : this.world.agents;
    return pool.length ? pool[this.rng.weighted(pool.map((a) => a.weight))]! : null;
  }

  /** One ticket created at `createdAt`, with its thread, history, link, survey and (if still open) jobs. */
  build(out: Batch, createdAt: number): void {
    const { rng, world } = this;
    const cats = world.categories;
    if (!cats.length) return;
    const category: WorldCategory = cats[rng.weighted(cats.map((c) => CATEGORY_ODDS[c.slug] ?? 5))]!;
    const employee = category.audience === 'employee';
    const source = employee ? 'intranet' : (['feedback', 'offline', 'email', 'api'] as const)[rng.weighted([0.55, 0.15, 0.25, 0.05])]!;
    const locale = LOCALES[rng.weighted([0.5, 0.35, 0.15])]!;
    const anonymous = employee && rng.chance(category.slug === 'suggestion-box' ? 0.7 : 0.1);
    const name = anonymous ? null : rng.chance(employee ? 1 : 0.85) ? rng.pick(PEOPLE[locale]) : null;
    const email = anonymous ? null : employee && rng.chance(0.4) ? null : `${employee ? 'staff' : 'customer'}${rng.int(1_000_000)}@${employee ? 'acme.example' : 'mail.example'}`;
    const dept = world.departments.find((d) => d.id === category.departmentId) ?? world.departments[0];
    const priority: TicketPriority =
      category.slug === 'urgent' ? 'urgent' : category.slug === 'complaint' && rng.chance(0.4) ? 'high' : (['low', 'normal', 'high', 'urgent'] as const)[rng.weighted([0.15, 0.7, 0.12, 0.03])]!;
    const target = effectiveTarget(category.targetMinutes, priority, world.sla);
    const cal = dept?.calendar ?? world.departments[0]!.calendar;
    const plan = planSla(cal, new Date(createdAt), target, world.sla);
    const [subject, body] = rng.pick((TICKET_TEXT[category.slug] ?? TICKET_TEXT.inquiry!)[locale]);
    const fill = (s: string) => s.replace('{n}', String(100000 + rng.int(900000)));

    const ticket: TicketRow = {
      id: newId(),
      site_id: world.siteId,
      number: this.numbers.next(createdAt),
      subject,
      category_id: category.id,
      department_id: dept?.id ?? null,
      priority,
      status: 'new',
      source,
      assignee_id: null,
      locale,
      contact_name: name,
      contact_email: email,
      visitor_id: null,
      employee_id: employee && !anonymous ? `E${10000 + rng.int(90000)}` : null,
      anonymous,
      conversation_id: null,
      target_minutes: target,
      first_response_due_at: iso(plan.firstResponseDueAt.getTime()),
      first_responded_at: null,
      breached_at: null,
      escalation_level: 0,
      resolved_at: null,
      closed_at: null,
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
    };
    const customer: Actor = { kind: 'customer', id: null, name: anonymous ? null : name };
    const entries: TicketEntryRow[] = [];
    const history: TicketHistoryRow[] = [];
    const entry = (at: number, kind: 'public' | 'note', a: Actor, text: string, via: string) =>
      entries.push({ id: newId(), ticket_id: ticket.id, kind, author: a.kind, author_id: a.id, author_name: a.name, body: text, via, created_at: iso(at) });
    const log = (at: number, a: Actor, action: string, from: string | null = null, to: string | null = null) =>
      history.push({ ticket_id: ticket.id, actor: a.kind, actor_id: a.id, actor_name: a.name, action, from, to, created_at: iso(at) });
    const staff = (a: WorldAgent): Actor => ({ kind: 'agent', id: a.id, name: a.name });

    entry(createdAt, 'public', customer, fill(body), source === 'email' ? 'email' : source === 'api' ? 'api' : 'web');
    log(createdAt, customer, 'created', null, ticket.number);
    out.ticketLinks.push({ ticket_id: ticket.id, token_hash: deadTokenHash(), expires_at: iso(createdAt + world.sla.linkDays * DAY), created_at: iso(createdAt) });

    // ---- the plan of the ticket's life ----
    const agent = this.agentOf(dept);
    const events: Event[] = [];
    if (agent) {
      let t = createdAt;
      const manager = this.managers.length ? rng.pick(this.managers) : null;
      if (manager && rng.chance(0.12)) events.push({ at: (t += Math.round(rng.lognormal(20 * MINUTE, 1))), kind: 'assign', by: manager, to: agent });
      // Most first answers come well inside the target; about one in eight is late.
      // Long targets (suggestions, 48 h) are not used up: someone acknowledges within the day.
      const business = target * rng.lognormal(category.slug === 'urgent' ? 0.25 : target > 8 * 60 ? 0.1 : 0.35, 0.9);
      t = Math.max(t + MINUTE, addBusinessMinutes(cal, new Date(createdAt), business).getTime() + rng.int(5 * MINUTE));
      if (rng.chance(0.15)) events.push({ at: Math.max(createdAt + 1000, t - Math.round(rng.between(2, 30) * MINUTE)), kind: 'note', by: agent });
      const slow = rng.chance(0.08);
      const step = (median: number, sigma = 1) => (t = addBusinessMinutes(cal, new Date(t), rng.lognormal(median, sigma)).getTime() + rng.int(MINUTE));
      if (rng.chance(0.3)) {
        events.push({ at: t, kind: 'reply', by: agent, status: 'pending' });
        t += Math.round(rng.lognormal(20 * HOUR, 1));
        events.push({ at: t, kind: 'customerReply' });
        step(90);
        events.push({ at: t, kind: 'reply', by: agent });
      } else {
        events.push({ at: t, kind: 'reply', by: agent });
        if (rng.chance(0.25)) {
          t += Math.round(rng.lognormal(6 * HOUR, 1));
          events.push({ at: t, kind: 'customerReply' });
          step(60);
          events.push({ at: t, kind: 'reply', by: agent });
        }
      }
      step(slow ? 5 * 9 * 60 : 150, slow ? 0.5 : 1.2);
      if (rng.chance(0.9)) events.push({ at: t, kind: 'resolve', by: agent });
      else events.push({ at: t, kind: 'customerResolve' });
      if (rng.chance(0.4)) events.push({ at: t + Math.round(rng.lognormal(3 * DAY, 0.6)), kind: 'close', by: agent });
    }
    events.sort((a, b) => a.at - b.at);

    // ---- replay, with the SLA timers ----
    const stepMinutes = (level: number) => (level === 1 ? world.sla.escalationMinutes[0] : world.sla.escalationMinutes[level - 1]! - world.sla.escalationMinutes[level - 2]!);
    let nextEscalation: { level: number; at: number } | null = { level: 1, at: plan.escalations[0].getTime() };
    const due = plan.firstResponseDueAt.getTime();
    const withTeam = () => ticket.status === 'new' || ticket.status === 'open';
    const setStatus = (at: number, a: Actor, to: TicketStatus) => {
      if (to === ticket.status) return;
      log(at, a, 'status', ticket.status, to);
      const wasWithTeam = withTeam();
      ticket.status = to;
      if (to === 'resolved') ticket.resolved_at = iso(at);
      if (to === 'closed') ticket.closed_at = iso(at);
      if (to === 'new' || to === 'open' || to === 'pending') {
        ticket.resolved_at = null;
        ticket.closed_at = null;
      }
      if (wasWithTeam && !withTeam()) nextEscalation = null;
      if (!wasWithTeam && withTeam() && ticket.escalation_level < 3) {
        const level = ticket.escalation_level + 1;
        nextEscalation = { level, at: addBusinessMinutes(cal, new Date(at), stepMinutes(level)).getTime() };
      }
    };
    const timersUntil = (x: number) => {
      for (;;) {
        const breachAt = !ticket.first_responded_at && !ticket.breached_at && withTeam() ? due : Infinity;
        const escAt: number = nextEscalation && withTeam() ? nextEscalation.at : Infinity;
        const at = Math.min(breachAt, escAt);
        if (at > x) return;
        // The job runner picks a due job up within seconds.
        const ran = at + 2000 + rng.int(20_000);
        if (breachAt <= escAt) {
          ticket.breached_at = iso(ran);
          log(ran, { kind: 'system', id: null, name: null }, 'breached', null, iso(due));
        } else {
          const level = nextEscalation!.level;
          log(ran, { kind: 'system', id: null, name: null }, 'escalated', String(ticket.escalation_level), String(level));
          ticket.escalation_level = level;
          nextEscalation = level < 3 ? { level: level + 1, at: addBusinessMinutes(cal, new Date(escAt), stepMinutes(level + 1)).getTime() } : null;
        }
        ticket.updated_at = iso(ran);
      }
    };
    let resolvedByAgent: number | null = null;
    for (const e of events) {
      if (e.at >= this.end) break;
      timersUntil(e.at);
      if (ticket.status === 'closed') break;
      switch (e.kind) {
        case 'assign':
          ticket.assignee_id = e.to.id;
          log(e.at, staff(e.by), 'assigned', null, e.to.name);
          setStatus(e.at, staff(e.by), 'open');
          break;
        case 'note':
          entry(e.at, 'note', staff(e.by), rng.pick(TICKET_NOTES), 'console');
          log(e.at, staff(e.by), 'noted');
          break;
        case 'reply': {
          entry(e.at, 'public', staff(e.by), rng.pick(TICKET_AGENT_REPLIES[locale]), 'console');
          const firstAnswer = !ticket.first_responded_at;
          if (firstAnswer) ticket.first_responded_at = iso(e.at);
          log(e.at, staff(e.by), 'replied');
          if (!ticket.assignee_id) {
            ticket.assignee_id = e.by.id;
            log(e.at, staff(e.by), 'assigned', null, e.by.name);
          }
          setStatus(e.at, staff(e.by), e.status ?? (ticket.status === 'new' ? 'open' : ticket.status));
          break;
        }
        case 'customerReply': {
          const via = source === 'email' || rng.chance(0.3) ? 'email' : 'web';
          entry(e.at, 'public', customer, fill(rng.pick(TICKET_CUSTOMER_REPLIES[locale])), via);
          log(e.at, customer, 'replied', null, via);
          if (ticket.status === 'pending' || ticket.status === 'resolved') setStatus(e.at, customer, 'open');
          break;
        }
        case 'resolve':
          setStatus(e.at, staff(e.by), 'resolved');
          resolvedByAgent = e.at;
          break;
        case 'customerResolve':
          setStatus(e.at, customer, 'resolved');
          break;
        case 'close':
          setStatus(e.at, staff(e.by), 'closed');
          break;
      }
      ticket.updated_at = iso(e.at);
    }
    timersUntil(this.end - 1);
    if (resolvedByAgent !== null) rateTicket(out, rng, world, ticket, resolvedByAgent, { late: ticket.breached_at !== null, end: this.end });

    // Still with the team at the end: the timers the app would have pending.
    if (withTeam()) {
      if (!ticket.first_responded_at && !ticket.breached_at) out.jobs.push({ kind: BREACH_JOB, key: ticket.id, run_at: iso(due), payload: { ticketId: ticket.id } });
      const next = nextEscalation as { level: number; at: number } | null;
      if (next) out.jobs.push({ kind: ESCALATE_JOB, key: `${ticket.id}:L${next.level}@${next.at}`, run_at: iso(next.at), payload: { ticketId: ticket.id, level: next.level } });
    }
    out.tickets.push(ticket);
    for (const e of entries) out.ticketEntries.push(e);
    // Same instant, insertion order: "replied, assigned, status" as the app records them.
    history.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
    for (const h of history) out.ticketHistory.push(h);
  }
}

export function sampleTicketTimes(sampler: TimeSampler, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(sampler.sample());
  return out.sort((a, b) => a - b);
}
