/**
 * Helpers for the Tickets view's tests, against the REAL server (coordinates at /__parley__/server.json):
 * tickets are filed through the public API as a customer would, checked through the customer's private
 * link, and found in the console the way a user would (by visible names and labels). Every test files
 * tickets under its own unique words and searches by them, so other files' tickets never matter.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { CustomerTicket, TicketCategory, TicketCreated } from '@parley/protocol';
import type { ParleyConsole } from '../console.component.js';
import { sendKeys } from '@web/test-runner-commands';
import { button, deepActive, server as kbServer, shadow, signedIn, text, tokenOf, WAIT, type ServerInfo, type Who as Agent } from '../kb/kb-test-kit.js';
import type { ParleyConsoleTicket } from './console-ticket.component.js';
import type { ParleyConsoleTickets } from './console-tickets.component.js';
import type { ParleyConsoleTicketsList } from './console-tickets-list.component.js';

export { button, choose, deepActive, labelled, shadow, signedIn, text, tokenOf, type, WAIT } from '../kb/kb-test-kit.js';

export type { Who as Agent } from '../kb/kb-test-kit.js';
export type Info = ServerInfo & { employeeToken: string };

let categoryCache: TicketCategory[] | null = null;

export const server = (): Promise<Info> => kbServer() as Promise<Info>;

/** A word no other test (or earlier run against the same server) uses. */
export const unique = (prefix: string): string => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

async function categories(): Promise<TicketCategory[]> {
  if (!categoryCache) {
    const s = await server();
    const customer = (await (await fetch(`${s.url}/api/tickets/sites/${s.siteKey}/categories?for=customer`)).json()) as { categories: TicketCategory[] };
    const employee = (await (await fetch(`${s.url}/api/tickets/sites/${s.siteKey}/categories?for=employee`)).json()) as { categories: TicketCategory[] };
    categoryCache = [...customer.categories, ...employee.categories];
  }
  return categoryCache;
}

export interface FileTicket {
  /** complaint -> Support, inquiry -> Sales; suggestion-box is the employees' (anonymous) one. */
  slug: 'complaint' | 'inquiry' | 'suggestion' | 'praise' | 'suggestion-box';
  subject: string;
  message?: string;
  name?: string;
  email?: string;
  anonymous?: boolean;
}

/** Files a ticket through the public API, as the feedback form (or the intranet, for `anonymous`) does. */
export async function fileTicket(t: FileTicket): Promise<TicketCreated> {
  const s = await server();
  const category = (await categories()).find((c) => c.slug === t.slug);
  if (!category) throw new Error(`no ticket category ${t.slug}`);
  const body = t.anonymous
    ? { categoryId: category.id, subject: t.subject, message: t.message ?? 'An anonymous suggestion.', employeeToken: s.employeeToken, anonymous: true }
    : { categoryId: category.id, subject: t.subject, message: t.message ?? 'Please help.', name: t.name ?? 'Mei Chen', email: t.email ?? 'mei.chen@example.test', locale: 'en' };
  const res = await fetch(`${s.url}/api/tickets/sites/${s.siteKey}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, `file ticket: ${await res.clone().text()}`).to.equal(201);
  return ((await res.json()) as { ticket: TicketCreated }).ticket;
}

/** What the customer sees through their private link. */
export async function customerView(token: string): Promise<CustomerTicket> {
  const s = await server();
  const res = await fetch(`${s.url}/api/tickets/link/${token}`);
  expect(res.status, 'customer view').to.equal(200);
  return ((await res.json()) as { ticket: CustomerTicket }).ticket;
}

/** The console's ticket API as one agent, directly. */
export async function consoleApi<T>(who: Agent, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const s = await server();
  const res = await fetch(`${s.url}/api/console/tickets${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenOf(who)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export const ticketsOf = (el: ParleyConsole): ParleyConsoleTickets => shadow(el).querySelector('parley-console-tickets') as ParleyConsoleTickets;
export const ticketsRoot = (el: ParleyConsole): ShadowRoot => shadow(ticketsOf(el));
export const listOf = (el: ParleyConsole): ParleyConsoleTicketsList => ticketsRoot(el).querySelector('parley-console-tickets-list') as ParleyConsoleTicketsList;
export const listRoot = (el: ParleyConsole): ShadowRoot => shadow(listOf(el));
export const ticketOf = (el: ParleyConsole): ParleyConsoleTicket | null => ticketsRoot(el).querySelector('parley-console-ticket');
export const ticketRoot = (el: ParleyConsole): ShadowRoot | null => {
  const t = ticketOf(el);
  return t ? shadow(t) : null;
};
export const composerRoot = (el: ParleyConsole): ShadowRoot => shadow(ticketRoot(el)!.querySelector('parley-console-ticket-composer')!);
/** The email log's shadow root (an empty fragment until the log is first opened). */
export const mailRoot = (el: ParleyConsole): ShadowRoot => {
  const mail = ticketsRoot(el).querySelector('parley-console-tickets-mail');
  return mail?.shadowRoot ?? (document.createDocumentFragment() as unknown as ShadowRoot);
};
export const announced = (el: ParleyConsole): string => text(ticketsRoot(el).querySelector('[role="status"]'));

/** The inbox row whose subject button says `subject`. */
export function rowFor(el: ParleyConsole, subject: string): HTMLTableRowElement | undefined {
  return [...listRoot(el).querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) => text(r.querySelector('button.open')) === subject);
}
export const rowSubjects = (el: ParleyConsole): string[] => [...listRoot(el).querySelectorAll('tbody tr button.open')].map((b) => text(b));

const NAV = { en: 'Tickets', 'zh-CN': '工单', 'zh-TW': '工單' } as const;

/** The same, switched to Tickets with the inbox loaded (rows or its empty state). */
export async function ticketsConsole(who: Agent, lang: keyof typeof NAV = 'en'): Promise<ParleyConsole> {
  const el = await signedIn(who, lang);
  button(shadow(el).querySelector('nav.views')!, NAV[lang])!.click();
  await waitUntil(() => ticketsOf(el) && listOf(el)?.shadowRoot && (listRoot(el).querySelector('tbody tr') || listRoot(el).querySelector('.state.empty')), 'ticket inbox did not load', WAIT);
  return el;
}

/** Switches the inbox's view by its visible name. */
export function showView(el: ParleyConsole, name: string): void {
  const b = button(listRoot(el).querySelector('nav')!, name);
  if (!b) throw new Error(`no view "${name}"`);
  b.click();
}

/** Opens a ticket from its row and waits for its heading. */
export async function openTicket(el: ParleyConsole, subject: string): Promise<ShadowRoot> {
  rowFor(el, subject)!.querySelector<HTMLButtonElement>('button.open')!.click();
  await waitUntil(() => text(ticketRoot(el)?.querySelector('#ticket-heading')) === subject, 'ticket did not open', WAIT);
  return ticketRoot(el)!;
}

/** Presses Tab (or Shift+Tab) until the focused element matches: a keyboard user's way to reach a control. */
export async function tabTo(matches: (el: Element) => boolean, what: string, max = 60, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const a = deepActive();
    if (a && matches(a)) return a;
    await sendKeys({ press: key });
  }
  throw new Error(`${key} never reached ${what} (stopped on ${deepActive()?.outerHTML.slice(0, 120)})`);
}

/** Texts of the history list, oldest first. */
export const historyTexts = (el: ParleyConsole): string[] => [...ticketRoot(el)!.querySelectorAll('.history li .what')].map((x) => text(x));
