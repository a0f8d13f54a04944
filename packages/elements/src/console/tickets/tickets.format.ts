/** Pure helpers of the Tickets view: SLA state, durations, live-row placement and history in words. */
import type { EscalationLevel, Locale, TicketHistoryItem, TicketStatus, TicketSummary } from '@parley/protocol';
import type { InboxFilters } from './tickets-api.js';
import type { TicketsLogStrings } from './tickets-log.strings.js';
import type { TicketsStrings } from './tickets.strings.js';

export const isActive = (s: TicketStatus): boolean => s === 'new' || s === 'open' || s === 'pending';

export type SlaState = { kind: 'breached' } | { kind: 'due'; at: string } | { kind: 'answered' } | { kind: 'none' };

/**
 * Where the first-response promise stands. A due time that passed since the server last looked counts
 * as breached at once: the badge should not wait for the breach job's `ticket:updated`.
 */
export function slaState(t: Pick<TicketSummary, 'breached' | 'firstRespondedAt' | 'firstResponseDueAt' | 'status'>, now = Date.now()): SlaState {
  if (t.breached) return { kind: 'breached' };
  if (t.firstRespondedAt) return { kind: 'answered' };
  if (!isActive(t.status) || !t.firstResponseDueAt) return { kind: 'none' };
  if (Date.parse(t.firstResponseDueAt) <= now) return { kind: 'breached' };
  return { kind: 'due', at: t.firstResponseDueAt };
}

/** "35 min", "3 hr", "2 days" in the reader's language, through Intl (rounded up: never promise more time than is left). */
export function dueDuration(iso: string, locale: Locale, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((Date.parse(iso) - now) / 60_000));
  const [value, unit] = minutes < 60 ? [minutes, 'minute'] : minutes < 48 * 60 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 1440), 'day'];
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'day' ? 'long' : 'short' }).format(value);
  } catch {
    return `${value} ${unit}`;
  }
}

export function fileSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte'];
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0 }).format(value);
  } catch {
    return `${Math.round(value)} ${unit}`;
  }
}

export const escalationOf = (level: EscalationLevel): 1 | 2 | 3 | null => (level >= 1 ? (Math.min(3, level) as 1 | 2 | 3) : null);

/**
 * Whether a row that changed live belongs in the list on screen: `yes` (insert or update), `no`
 * (remove), `maybe` (the server alone can tell, e.g. a search that may match the ticket's text or the
 * at-risk share: update it if shown, but do not add it).
 */
export function belongs(t: TicketSummary, f: InboxFilters, meId: string, now = Date.now()): 'yes' | 'no' | 'maybe' {
  if (f.status && t.status !== f.status) return 'no';
  if (f.priority && t.priority !== f.priority) return 'no';
  if (f.category && t.categoryId !== f.category) return 'no';
  const active = isActive(t.status);
  const unanswered = !t.firstRespondedAt && (t.status === 'new' || t.status === 'open');
  let verdict: 'yes' | 'no' | 'maybe';
  switch (f.view) {
    case 'mine':
      verdict = t.assigneeId === meId && active ? 'yes' : 'no';
      break;
    case 'unassigned':
      verdict = t.assigneeId === null && active ? 'yes' : 'no';
      break;
    case 'departments':
      verdict = active ? 'yes' : 'no';
      break;
    case 'breached':
      verdict = active && (t.breached || (unanswered && !!t.firstResponseDueAt && Date.parse(t.firstResponseDueAt) <= now)) ? 'yes' : 'no';
      break;
    case 'at_risk':
      verdict = unanswered && !t.breached && !!t.firstResponseDueAt && Date.parse(t.firstResponseDueAt) > now ? 'maybe' : 'no';
      break;
    default:
      verdict = 'yes';
  }
  const q = f.q?.trim().toLowerCase();
  if (verdict === 'yes' && q) {
    if (/^t-\d{4}-\d+$/.test(q)) return t.number.toLowerCase() === q ? 'yes' : 'no';
    return t.subject.toLowerCase().includes(q) || (t.contactName ?? '').toLowerCase().includes(q) ? 'yes' : 'maybe';
  }
  return verdict;
}

/** Newest change first, as the server orders (ties by id, descending). */
export function byUpdated(a: TicketSummary, b: TicketSummary): number {
  const d = Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  return d !== 0 ? d : b.id < a.id ? -1 : b.id > a.id ? 1 : 0;
}

/**
 * The list with `t` put in its place (replacing an older copy); an out-of-order older copy never wins.
 * `ranked` (search results, best match first): a shown row changes where it is, a new one goes on top.
 */
export function placeRow(rows: readonly TicketSummary[], t: TicketSummary, ranked = false): TicketSummary[] {
  const old = rows.find((r) => r.id === t.id);
  if (old && Date.parse(old.updatedAt) > Date.parse(t.updatedAt)) return [...rows];
  if (ranked) return old ? rows.map((r) => (r.id === t.id ? t : r)) : [t, ...rows];
  return [...rows.filter((r) => r.id !== t.id), t].sort(byUpdated);
}

export interface HistoryNames {
  department(id: string | null): string;
  category(id: string | null): string;
}

/** One history item as a sentence in the reader's language. */
export function historyText(l: TicketsLogStrings, s: TicketsStrings, h: TicketHistoryItem, names: HistoryNames): string {
  const who = h.actorName ?? (h.actor === 'customer' ? l.theCustomer : h.actor === 'system' ? 'Parley' : l.someone);
  const status = (v: string | null) => (v && v in s.statusName ? s.statusName[v as TicketStatus] : (v ?? ''));
  const priority = (v: string | null) => (v && v in s.priorityName ? s.priorityName[v as keyof TicketsStrings['priorityName']] : (v ?? ''));
  switch (h.action) {
    case 'created':
      return l.created(who);
    case 'replied':
      return l.replied(who);
    case 'noted':
      return l.noted(who);
    case 'assigned':
      return h.to ? l.assigned(who, h.to) : l.unassignedBy(who);
    case 'status':
      return l.status(who, status(h.from), status(h.to));
    case 'priority':
      return l.priority(who, priority(h.from), priority(h.to));
    case 'department':
      return l.department(who, names.department(h.to));
    case 'category':
      return l.category(who, names.category(h.to));
    case 'subject':
      return l.subject(who, h.to ?? '');
    case 'breached':
      return l.breached;
    case 'escalated': {
      const level = Math.max(1, Math.min(3, Number.parseInt(h.to ?? '1', 10) || 1)) as 1 | 2 | 3;
      return l.escalated(level, s.escalationName[level]);
    }
    case 'notified':
      return l.notified(Number.parseInt(h.to ?? '0', 10) || 0);
    case 'link_sent':
      return l.linkSent(who, h.to ?? '');
    case 'link_revoked':
      return l.linkRevoked(who, Number.parseInt(h.to ?? '0', 10) || 0);
    default:
      return l.other(who, h.action);
  }
}
