/// <reference types="mocha" />
/**
 * Shared by <parley-faq>'s test files: the real server's coordinates (served by
 * web-test-runner.config.mjs at /__parley__/server.json), an admin session for the console API, and
 * ways to find what a user sees. Call useFaqServer() at the top of a test file.
 */
import { fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import './faq.js';
import type { ParleyFaq } from './faq.component.js';

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
let adminToken = '';

export function useFaqServer(): void {
  before(async () => {
    Object.assign(server, (await (await fetch('/__parley__/server.json')).json()) as ServerInfo);
    if (!server.url) throw new Error('the test server did not start (see web-test-runner.config.mjs)');
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: server.accounts.admin.email, password: server.accounts.admin.password }),
    });
    adminToken = ((await res.json()) as { token: string }).token;
  });
  beforeEach(() => {
    // Each test is a new visitor: no remembered votes, no visitor session.
    localStorage.clear();
  });
  afterEach(() => {
    fixtureCleanup();
    history.replaceState(null, '', location.pathname + location.search);
  });
}

/** The public help-center API, read directly to compare with what the element shows. */
export const kb = async <T>(path: string): Promise<T> => (await fetch(`${server.url}/api/kb/${server.siteKey}${path}`)).json() as Promise<T>;

/** The console's authoring API as the seeded admin. */
export async function consoleApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/console/kb${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export function mount(attrs: { lang?: string; hashLinks?: boolean; server?: string } = {}): Promise<ParleyFaq> {
  return fixture<ParleyFaq>(
    html`<parley-faq server=${attrs.server ?? server.url} site=${server.siteKey} lang=${attrs.lang ?? 'en'} ?hash-links=${!!attrs.hashLinks}></parley-faq>`,
  );
}

export const root = (el: ParleyFaq): ShadowRoot => el.shadowRoot!;
export const text = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const heading = (el: ParleyFaq) => root(el).querySelector<HTMLElement>('#view-title')!;
export const searchBox = (el: ParleyFaq) => root(el).querySelector<HTMLInputElement>('#search')!;
export const items = (el: ParleyFaq) => Array.from(root(el).querySelectorAll<HTMLAnchorElement>('.list a.item'));
/** The live region's text: what a screen reader announces. */
export const status = (el: ParleyFaq) => text(root(el).querySelector('.base > [role=status]'));
export const body = (el: ParleyFaq) => root(el).querySelector<HTMLElement>('.body');
/** A button by its accessible name (aria-label, else its text), as a user finds it. */
export const button = (el: ParleyFaq, name: string) =>
  Array.from(root(el).querySelectorAll<HTMLButtonElement>('button')).find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
export const focused = (el: ParleyFaq) => root(el).activeElement as HTMLElement | null;
export const busy = (el: ParleyFaq) => root(el).querySelector('[aria-busy=true]') !== null;
export const hasCjk = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

/** Types like a user: sets the box and fires input, as each keystroke would. */
export function typeInto(el: ParleyFaq, value: string): void {
  const box = searchBox(el);
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Types a query and resolves with the result links once they are announced. */
export async function results(el: ParleyFaq, query: string): Promise<HTMLAnchorElement[]> {
  typeInto(el, query);
  // The previous query's announcement stays until this update starts the new search.
  await el.updateComplete;
  await waitUntil(() => status(el) !== '' && el.query === query && !busy(el), `no results for ${query}`, WAIT);
  return items(el);
}

export async function openedArticle(el: ParleyFaq): Promise<void> {
  await waitUntil(() => body(el) !== null, 'the article did not render', WAIT);
}
