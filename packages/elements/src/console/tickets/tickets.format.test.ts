/**
 * The Tickets view's pure rules: the SLA state a row shows (breached and escalated tickets need hours
 * of a moved clock on the server, so their badges are checked here), durations, which live rows belong
 * in which view, and the history in words.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { TicketHistoryItem, TicketSummary } from '@parley/protocol';
import { renderSla } from './console-tickets-list.component.js';
import { belongs, dueDuration, historyText, placeRow, slaState } from './tickets.format.js';
import { ticketsLogStrings } from './tickets-log.strings.js';
import { ticketsStrings } from './tickets.strings.js';

const { describe, it } = globalThis as unknown as { describe: (n: string, f: () => void) => void; it: (n: string, f: () => unknown) => void };

const NOW = Date.parse('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

function ticket(over: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    number: 'T-2026-000001',
    subject: 'Broken lid',
    status: 'new',
    priority: 'normal',
    source: 'feedback',
    categoryId: 'c1',
    departmentId: 'd1',
    assigneeId: null,
    assigneeName: null,
    contactName: 'Mei Chen',
    anonymous: false,
    escalationLevel: 0,
    firstResponseDueAt: at(35),
    firstRespondedAt: null,
    breached: false,
    createdAt: at(-10),
    updatedAt: at(-10),
    ...over,
  };
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('tickets format', () => {
  it('tells due, breached, answered and not-due apart', () => {
    expect(slaState(ticket(), NOW)).to.deep.equal({ kind: 'due', at: at(35) });
    expect(slaState(ticket({ breached: true }), NOW).kind).to.equal('breached');
    expect(slaState(ticket({ firstResponseDueAt: at(-1) }), NOW).kind, 'a due time that passed is breached at once').to.equal('breached');
    expect(slaState(ticket({ firstRespondedAt: at(-5) }), NOW).kind).to.equal('answered');
    expect(slaState(ticket({ breached: true, firstRespondedAt: at(-5) }), NOW).kind, 'a late answer stays breached').to.equal('breached');
    expect(slaState(ticket({ status: 'resolved' }), NOW).kind).to.equal('none');
  });

  it('says how long is left, rounded up, in the reader\'s language', () => {
    expect(dueDuration(at(34.2), 'en', NOW)).to.equal('35 min');
    expect(dueDuration(at(180), 'en', NOW)).to.equal('3 hr');
    expect(dueDuration(at(3 * 1440), 'en', NOW)).to.equal('3 days');
    expect(dueDuration(at(35), 'zh-CN', NOW)).to.equal('35分钟');
  });

  it('renders the Breached badge and the escalation level in words', () => {
    const host = document.createElement('div');
    const s = ticketsStrings.en;
    render(renderSla(s, ticket({ breached: true, escalationLevel: 1 }), 'en'), host);
    expect(text(host.querySelector('.badge.breached')!)).to.equal('Breached');
    expect(text(host.querySelector('.badge.escalated')!)).to.equal('Escalated: Supervisor');
    render(renderSla(s, ticket({ breached: true, escalationLevel: 3 }), 'en'), host);
    expect(text(host.querySelector('.badge.escalated')!)).to.equal('Escalated: Executive deadline passed');
    render(renderSla(ticketsStrings['zh-TW'], ticket({ escalationLevel: 2, firstResponseDueAt: at(60 * 24 * 400) }), 'zh-TW'), host);
    expect(text(host.querySelector('.badge.escalated')!)).to.equal('已升級：高階主管');
    expect(!!host.querySelector('.badge.breached')).to.equal(false);
  });

  it('puts live rows only where they belong', () => {
    const f = { view: 'unassigned' as const };
    expect(belongs(ticket(), f, 'me', NOW)).to.equal('yes');
    expect(belongs(ticket({ assigneeId: 'me' }), f, 'me', NOW)).to.equal('no');
    expect(belongs(ticket({ assigneeId: 'me' }), { view: 'mine' }, 'me', NOW)).to.equal('yes');
    expect(belongs(ticket({ assigneeId: 'me', status: 'resolved' }), { view: 'mine' }, 'me', NOW)).to.equal('no');
    expect(belongs(ticket({ status: 'closed' }), { view: 'all' }, 'me', NOW)).to.equal('yes');
    expect(belongs(ticket(), { view: 'all', priority: 'urgent' }, 'me', NOW)).to.equal('no');
    expect(belongs(ticket({ breached: true }), { view: 'breached' }, 'me', NOW)).to.equal('yes');
    expect(belongs(ticket(), { view: 'at_risk' }, 'me', NOW), 'only the server knows the at-risk share').to.equal('maybe');
    expect(belongs(ticket(), { view: 'all', q: 'lid' }, 'me', NOW)).to.equal('yes');
    expect(belongs(ticket(), { view: 'all', q: 'voucher' }, 'me', NOW), 'the search may match the text').to.equal('maybe');
    expect(belongs(ticket(), { view: 'all', q: 't-2026-000002' }, 'me', NOW)).to.equal('no');
  });

  it('keeps rows newest first and never lets an older copy win', () => {
    const a = ticket({ id: 'a', updatedAt: at(-3) });
    const b = ticket({ id: 'b', updatedAt: at(-2) });
    let rows = placeRow([b], a);
    expect(rows.map((r) => r.id)).to.deep.equal(['b', 'a']);
    rows = placeRow(rows, { ...a, updatedAt: at(-1) });
    expect(rows.map((r) => r.id)).to.deep.equal(['a', 'b']);
    rows = placeRow(rows, { ...a, updatedAt: at(-5), subject: 'stale' });
    expect(rows.find((r) => r.id === 'a')!.subject).to.equal('Broken lid');
  });

  it('keeps search results in their order: a changed row stays where it is, a new one goes on top', () => {
    const best = ticket({ id: 'best', updatedAt: at(-3) });
    const next = ticket({ id: 'next', updatedAt: at(-2) });
    let rows = placeRow([best, next], { ...next, updatedAt: at(-1), priority: 'urgent' }, true);
    expect(rows.map((r) => [r.id, r.priority])).to.deep.equal([
      ['best', 'normal'],
      ['next', 'urgent'],
    ]);
    rows = placeRow(rows, ticket({ id: 'new', updatedAt: at(0) }), true);
    expect(rows.map((r) => r.id)).to.deep.equal(['new', 'best', 'next']);
    rows = placeRow(rows, { ...best, updatedAt: at(-9), subject: 'stale' }, true);
    expect(rows.find((r) => r.id === 'best')!.subject).to.equal('Broken lid');
  });

  it('writes the history in words', () => {
    const h = (action: string, from: string | null, to: string | null, actor: TicketHistoryItem['actor'] = 'agent', actorName: string | null = 'Alice'): TicketHistoryItem => ({
      id: action,
      actor,
      actorName,
      action,
      from,
      to,
      createdAt: at(0),
    });
    const names = { department: (id: string | null) => (id === 'd2' ? 'Sales' : '?'), category: () => 'Complaint' };
    const say = (item: TicketHistoryItem, locale: 'en' | 'zh-CN' = 'en') => historyText(ticketsLogStrings[locale], ticketsStrings[locale], item, names);
    expect(say(h('status', 'new', 'pending'))).to.equal('Alice changed the status from New to Waiting on customer');
    expect(say(h('assigned', null, null))).to.equal('Alice unassigned it');
    expect(say(h('department', 'd1', 'd2'))).to.equal('Alice moved it to Sales');
    expect(say(h('breached', null, at(0), 'system', null))).to.equal('The first-response deadline passed');
    expect(say(h('escalated', '1', '2', 'system', null))).to.equal('Escalated to level 2: Executive');
    expect(say(h('notified', null, '3 by email', 'system', null))).to.equal('3 people notified by email');
    expect(say(h('replied', null, 'web', 'customer', null))).to.equal('The customer replied');
    expect(say(h('escalated', '0', '1', 'system', null), 'zh-CN')).to.equal('已升级到第 1 级：主管');
  });
});
