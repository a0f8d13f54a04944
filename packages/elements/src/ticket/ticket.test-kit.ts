/// <reference types="mocha" />
/**
 * Shared by <parley-ticket>'s test files: the real server's coordinates (served by
 * web-test-runner.config.mjs at /__parley__/server.json), tickets filed through the public API as a
 * customer would, the console API as the seeded admin, and ways to find what a user sees.
 */
import { fixture, html } from '@open-wc/testing';
import type { CustomerTicket, LoginResult, TicketCategory, TicketCreated, TicketSummary } from '@parley/protocol';
import type { ParleyTicket } from './ticket.component.js';

interface Account {
  email: string;
  password: string;
}
export interface ServerInfo {
  url: string;
  siteKey: string;
  accounts: Record<'admin' | 'alice' | 'bob', Account>;
}

export const WAIT = { timeout: 15000, interval: 30 };
export const server: ServerInfo = { url: '', siteKey: '', accounts: {} as ServerInfo['accounts'] };
const admin = { token: '', name: '' };

export async function loadServer(): Promise<void> {
  Object.assign(server, (await (await fetch('/__parley__/server.json')).json()) as ServerInfo);
  if (!server.url) throw new Error('the test server did not start (see web-test-runner.config.mjs)');
}

/** The seeded admin's session, for what only the team can do (replying, closing). */
export async function adminSession(): Promise<{ token: string; name: string }> {
  if (admin.token) return admin;
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.accounts.admin.email, password: server.accounts.admin.password }),
  });
  if (!res.ok) throw new Error(`admin login: ${res.status}`);
  const r = (await res.json()) as LoginResult;
  Object.assign(admin, { token: r.token, name: r.agent.name });
  return admin;
}

/** Files a ticket as a website customer does (the feedback form's JSON request). */
export async function fileTicket(input: { subject: string; message: string; locale?: string; category?: string }): Promise<TicketCreated> {
  const cats = (await (await fetch(`${server.url}/api/tickets/sites/${server.siteKey}/categories`)).json()) as { categories: TicketCategory[] };
  const category = cats.categories.find((c) => c.slug === (input.category ?? 'inquiry')) ?? cats.categories[0];
  const res = await fetch(`${server.url}/api/tickets/sites/${server.siteKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ categoryId: category.id, subject: input.subject, message: input.message, email: 'customer@example.com', name: 'Casey Customer', ...(input.locale ? { locale: input.locale } : {}) }),
  });
  const body = (await res.json()) as { ticket: TicketCreated };
  if (res.status !== 201) throw new Error(`filing a ticket: ${res.status} ${JSON.stringify(body)}`);
  return body.ticket;
}

/** What the server holds for the link, read as the customer's API gives it. */
export async function linkView(token: string): Promise<CustomerTicket> {
  return ((await (await fetch(`${server.url}/api/tickets/link/${token}`)).json()) as { ticket: CustomerTicket }).ticket;
}

/** The console API as the admin; the customer's API hides the id, so tickets are found by number. */
export async function consoleApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const { token } = await adminSession();
  const res = await fetch(`${server.url}/api/console/tickets${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function ticketId(number: string): Promise<string> {
  const { tickets } = await consoleApi<{ tickets: TicketSummary[] }>('GET', `?view=all&q=${encodeURIComponent(number)}`);
  const t = tickets.find((x) => x.number === number);
  if (!t) throw new Error(`ticket ${number} not in the console`);
  return t.id;
}

export function mount(token: string, attrs: { lang?: string | null } = {}): Promise<ParleyTicket> {
  const lang = attrs.lang === undefined ? 'en' : attrs.lang;
  return lang === null
    ? fixture<ParleyTicket>(html`<parley-ticket server=${server.url} token=${token}></parley-ticket>`)
    : fixture<ParleyTicket>(html`<parley-ticket server=${server.url} token=${token} lang=${lang}></parley-ticket>`);
}

export const root = (el: ParleyTicket): ShadowRoot => el.shadowRoot!;
export const text = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const loaded = (el: ParleyTicket): boolean => root(el).querySelector('.header') !== null;
export const statusWord = (el: ParleyTicket): string => text(root(el).querySelector('#status strong'));
export const entries = (el: ParleyTicket) => Array.from(root(el).querySelectorAll<HTMLLIElement>('.thread > .entry'));
export const composer = (el: ParleyTicket) => root(el).querySelector<HTMLTextAreaElement>('textarea#message')!;
export const fileInput = (el: ParleyTicket) => root(el).querySelector<HTMLInputElement>('input#files')!;
/** The polite live region's text: what a screen reader announces. */
export const announced = (el: ParleyTicket): string => text(root(el).querySelector('.base > [role=status]'));
export const alerts = (el: ParleyTicket): string[] => Array.from(root(el).querySelectorAll('[role=alert]')).map(text).filter(Boolean);
export const focused = (el: ParleyTicket) => root(el).activeElement as HTMLElement | null;
/** A button by its accessible name (aria-label, else its text), as a user finds it. */
export const button = (el: ParleyTicket, name: string) =>
  Array.from(root(el).querySelectorAll<HTMLButtonElement>('button')).find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);

/** Types like a user: sets the box and fires input, as each keystroke would. */
export function typeInto(el: ParleyTicket, value: string): void {
  const box = composer(el);
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Picks files in the file input, as the browser's file chooser does. */
export function pickFiles(el: ParleyTicket, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  const input = fileInput(el);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A real 1×1 PNG: the server judges attachments by their bytes, not their names. */
export function pngBytes(): Uint8Array<ArrayBuffer> {
  const b64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}
