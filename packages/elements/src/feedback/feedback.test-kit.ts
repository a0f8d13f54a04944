/// <reference types="mocha" />
/**
 * Shared by <parley-feedback>'s tests: the real server's coordinates (/__parley__/server.json), ways to
 * fill the form and find what a user sees, files built in the browser, and a fetch observer that
 * passes every call through to the real server (or, where a test says so, cuts the network).
 */
import { fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { CustomerTicket, TicketCategory } from '@parley/protocol';
import './feedback.js';
import type { ParleyFeedback } from './feedback.component.js';

export interface ServerInfo {
  url: string;
  siteKey: string;
  /** Signed by the test server with the demo site's secret, as an intranet would (may be absent). */
  employeeToken?: string;
}

export const WAIT = { timeout: 15000, interval: 30 };
export const server: ServerInfo = { url: '', siteKey: '' };

interface Call {
  method: string;
  url: string;
}

/** Every fetch the page makes; `cut` decides which ones fail as a dropped connection would. */
export const net = { calls: [] as Call[], cut: (_c: Call): boolean => false };

export function useFeedbackServer(): void {
  const realFetch = window.fetch;
  before(async () => {
    Object.assign(server, (await (await realFetch('/__parley__/server.json')).json()) as ServerInfo);
    if (!server.url) throw new Error('the test server did not start (see web-test-runner.config.mjs)');
  });
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    net.calls = [];
    net.cut = () => false;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const call = { method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(), url: input instanceof Request ? input.url : String(input) };
      net.calls.push(call);
      if (net.cut(call)) return Promise.reject(new TypeError('Failed to fetch'));
      return realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
    fixtureCleanup();
  });
}

/** The ticket creations the element sent (whatever their fate). */
export const posts = (): Call[] => net.calls.filter((c) => c.method === 'POST' && c.url.includes('/api/tickets/sites/'));

export function mount(attrs: { lang?: string; category?: string; employeeToken?: string; source?: string; name?: string; email?: string } = {}): Promise<ParleyFeedback> {
  return fixture<ParleyFeedback>(html`<parley-feedback
    server=${server.url}
    site=${server.siteKey}
    lang=${attrs.lang ?? 'en'}
    category=${attrs.category ?? ''}
    source=${attrs.source ?? 'feedback'}
    name=${attrs.name ?? ''}
    email=${attrs.email ?? ''}
    employee-token=${attrs.employeeToken ?? ''}
  ></parley-feedback>`);
}

export const root = (el: ParleyFeedback): ShadowRoot => el.shadowRoot!;
export const text = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const $ = <T extends HTMLElement = HTMLElement>(el: ParleyFeedback, sel: string): T | null => root(el).querySelector<T>(sel);
/** A button by its accessible name (aria-label, else its text), as a user finds it. */
export const button = (el: ParleyFeedback, name: string) =>
  Array.from(root(el).querySelectorAll<HTMLButtonElement>('button')).find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
/** The label text of the control with `id`. */
export const labelOf = (el: ParleyFeedback, id: string): string => text($(el, `label[for="${id}"]`));
/** The live region: what a screen reader announces. */
export const announced = (el: ParleyFeedback): string => text($(el, '.base > [role=status]'));
export const focused = (el: ParleyFeedback) => root(el).activeElement as HTMLElement | null;
export const categoryOptions = (el: ParleyFeedback): string[] =>
  Array.from(root(el).querySelectorAll<HTMLOptionElement>('#category option'))
    .filter((o) => o.value)
    .map((o) => text(o));
export const formReady = (el: ParleyFeedback) => () => categoryOptions(el).length > 0;

/** The error shown for a field, as its aria-describedby wires it (empty when none). */
export function fieldError(el: ParleyFeedback, id: string): string {
  const control = $(el, `#${id}`)!;
  if (control.getAttribute('aria-invalid') !== 'true') return '';
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x.endsWith('-error'));
  // Several problems are several paragraphs: read them as sentences.
  const read = (n: HTMLElement | null) => (n?.querySelector('p') ? Array.from(n.querySelectorAll('p')).map((p) => text(p)).join(' ') : text(n));
  return ids.map((x) => read($(el, `#${x}`))).join(' ');
}

/** Types like a user: sets the value and fires input (select: change). */
export async function fill(el: ParleyFeedback, values: Partial<Record<'subject' | 'message' | 'name' | 'email', string>> & { category?: string }): Promise<void> {
  if (values.category !== undefined) {
    const select = $<HTMLSelectElement>(el, '#category')!;
    const option = Array.from(select.options).find((o) => text(o) === values.category);
    if (!option) throw new Error(`no category ${values.category}`);
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const k of ['subject', 'message', 'name', 'email'] as const) {
    if (values[k] === undefined) continue;
    const box = $<HTMLInputElement>(el, `#${k}`)!;
    box.value = values[k]!;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

/** Files as the picker gives them. */
export async function choose(el: ParleyFeedback, files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, '#files')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A real PNG, drawn and encoded by the browser. */
export async function pngFile(name: string): Promise<File> {
  const canvas = new OffscreenCanvas(12, 8);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#c03';
  g.fillRect(0, 0, 12, 8);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], name, { type: 'image/png' });
}

export const chosenFiles = (el: ParleyFeedback): string[] => Array.from(root(el).querySelectorAll('.files .fname')).map((n) => text(n));

/** Clicks the form's submit button, whatever its language. */
export const submit = (el: ParleyFeedback): void => $<HTMLButtonElement>(el, 'button[type=submit]')!.click();

/** The public API, read directly to compare with what the element shows. */
export async function categoriesFor(audience: 'customer' | 'employee'): Promise<TicketCategory[]> {
  const res = await fetch(`${server.url}/api/tickets/sites/${server.siteKey}/categories?for=${audience}`);
  return ((await res.json()) as { categories: TicketCategory[] }).categories;
}

export async function ticketByLink(token: string): Promise<CustomerTicket> {
  const res = await fetch(`${server.url}/api/tickets/link/${token}`);
  if (!res.ok) throw new Error(`link ${res.status}`);
  return ((await res.json()) as { ticket: CustomerTicket }).ticket;
}

/** The private link's token, from the link the success view shows. */
export const shownToken = (el: ParleyFeedback): string => $<HTMLInputElement>(el, '#link')!.value.split('/t/')[1] ?? '';
