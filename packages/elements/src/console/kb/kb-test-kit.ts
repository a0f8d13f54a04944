/**
 * Helpers for the knowledge-base view's tests: signing in against the REAL server (coordinates at
 * /__parley__/server.json), finding controls the way a user would (by their visible names and labels),
 * and calling the server's APIs directly to check what it holds. Test files import `../console.js`
 * themselves (the Trusted Types one only once the page's policy is in force).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AgentClient } from '@parley/client';
import type { ArticleAdmin, ArticleInput, KbGap } from '@parley/protocol';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import type { ParleyConsoleKb } from './console-kb.component.js';

export interface Account {
  email: string;
  password: string;
  id: string;
}
export interface ServerInfo {
  url: string;
  siteKey: string;
  accounts: Record<'admin' | 'alice' | 'bob', Account>;
  departments: Record<'sales' | 'support', { id: string }>;
}
export type Who = 'admin' | 'alice' | 'bob';

export const WAIT = { timeout: 12_000, interval: 50 };

let info: ServerInfo | null = null;
const tokens = new Map<Who, string>();

export async function server(): Promise<ServerInfo> {
  info ??= (await (await fetch('/__parley__/server.json')).json()) as ServerInfo;
  return info;
}

export async function tokenOf(who: Who): Promise<string> {
  const s = await server();
  if (!tokens.has(who)) tokens.set(who, (await AgentClient.login(s.url, s.accounts[who].email, s.accounts[who].password)).token);
  return tokens.get(who)!;
}

export const shadow = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;
export const text = (el: Node | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A button by its visible name (what getByRole would use). */
export function button(scope: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  return [...scope.querySelectorAll('button')].find((b) => (typeof name === 'string' ? text(b) === name : name.test(text(b))));
}

/** A control by the text of its <label for>: proves the label is wired. */
export function labelled<T extends HTMLElement>(scope: ShadowRoot, label: string): T {
  const l = [...scope.querySelectorAll('label')].find((x) => text(x) === label || text(x).startsWith(`${label} `));
  const control = l?.htmlFor ? scope.getElementById(l.htmlFor) : l?.querySelector('input, select, textarea');
  if (!control) throw new Error(`no control labelled "${label}"`);
  return control as T;
}

/** Sets a field the way typing does (value + input event). */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function choose(select: HTMLSelectElement, optionText: string): void {
  const option = [...select.options].find((o) => text(o) === optionText);
  if (!option) throw new Error(`no option "${optionText}" in ${[...select.options].map((o) => o.text).join(', ')}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The focused element, through every open shadow root. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Presses Tab until the focused element matches (a keyboard user's way to reach a control). */
export async function tabTo(matches: (el: Element) => boolean, what: string, max = 60): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const a = deepActive();
    if (a && matches(a)) return a;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what} (stopped on ${deepActive()?.outerHTML.slice(0, 120)})`);
}

export const kbOf = (el: ParleyConsole): ParleyConsoleKb => shadow(el).querySelector('parley-console-kb') as ParleyConsoleKb;
export const listRoot = (el: ParleyConsole): ShadowRoot => shadow(shadow(kbOf(el)).querySelector('parley-console-kb-list')!);
export const editorRoot = (el: ParleyConsole): ShadowRoot | null => {
  const e = shadow(kbOf(el)).querySelector('parley-console-kb-editor');
  return e ? shadow(e) : null;
};
/** The gap report's shadow root (an empty fragment until the report is first opened). */
export const gapsRoot = (el: ParleyConsole): ShadowRoot => {
  const gaps = shadow(kbOf(el)).querySelector('parley-console-kb-gaps');
  return gaps ? shadow(gaps) : (document.createDocumentFragment() as unknown as ShadowRoot);
};
export const announced = (el: ParleyConsole): string => text(shadow(kbOf(el)).querySelector('[role="status"]'));

/** The list's rows by the title the row shows. */
export function rowTitled(el: ParleyConsole, title: string): HTMLTableRowElement | undefined {
  return [...listRoot(el).querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) => text(r.querySelector('button.open')) === title);
}
export const rowTitles = (el: ParleyConsole): string[] => [...listRoot(el).querySelectorAll('tbody tr button.open')].map((b) => text(b));
/** The badges of a row as `locale:status`, e.g. `en:published`. */
export const badges = (row: Element): string[] => [...row.querySelectorAll<HTMLElement>('.badge')].map((b) => `${b.dataset.locale}:${b.dataset.status}`);

/** A console signed in as `who` (token already in sessionStorage, as after a reload), on its Conversations view. */
export async function signedIn(who: Who, lang = 'en'): Promise<ParleyConsole> {
  sessionStorage.setItem(TOKEN_KEY, await tokenOf(who));
  const s = await server();
  const el = await fixture<ParleyConsole>(html`<parley-console server=${s.url} lang=${lang}></parley-console>`);
  await waitUntil(() => shadow(el).querySelector('.top .name'), 'console did not sign in', WAIT);
  return el;
}

/** The same, switched to the Knowledge base view with the article list loaded. */
export async function kbConsole(who: Who, lang = 'en'): Promise<ParleyConsole> {
  const el = await signedIn(who, lang);
  const nav = shadow(el).querySelector('nav.views') as HTMLElement;
  button(nav, lang === 'en' ? 'Knowledge base' : lang === 'zh-CN' ? '知识库' : '知識庫')!.click();
  await waitUntil(() => kbOf(el) && listRoot(el).querySelector('tbody tr'), 'article list did not load', WAIT);
  // Categories arrive on their own request; until then rows leave the category blank.
  await waitUntil(() => (listRoot(el).querySelector<HTMLSelectElement>('#kb-category')?.options.length ?? 0) > 1, 'categories did not load', WAIT);
  return el;
}

export async function openEditor(el: ParleyConsole, open: () => void): Promise<ShadowRoot> {
  open();
  await waitUntil(() => editorRoot(el)?.querySelector('#kb-title'), 'editor did not open', WAIT);
  return editorRoot(el)!;
}

// ---------- the server, directly ----------

async function kbApi<T>(who: Who, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const s = await server();
  const res = await fetch(`${s.url}/api/console/kb${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenOf(who)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function createArticle(who: Who, input: ArticleInput): Promise<ArticleAdmin> {
  const r = await kbApi<{ article: ArticleAdmin }>(who, 'POST', '/articles', input);
  expect(r.status, 'create article').to.equal(201);
  return r.body.article;
}
export const readArticle = async (id: string): Promise<ArticleAdmin> => (await kbApi<{ article: ArticleAdmin }>('admin', 'GET', `/articles/${id}`)).body.article;
export const patchArticle = (who: Who, id: string, patch: unknown) => kbApi<{ article?: ArticleAdmin; error?: { message: string } }>(who, 'PATCH', `/articles/${id}`, patch);
export const listGaps = async (): Promise<KbGap[]> => (await kbApi<{ gaps: KbGap[] }>('admin', 'GET', '/gaps')).body.gaps;
export async function findArticles(q: string): Promise<ArticleAdmin[]> {
  return (await kbApi<{ articles: ArticleAdmin[] }>('admin', 'GET', `/articles?q=${encodeURIComponent(q)}`)).body.articles;
}

/** The visitors' search, as the help center calls it. */
export async function publicSearch(q: string, locale = 'en'): Promise<Array<{ id: string; title: string }>> {
  const s = await server();
  const res = await fetch(`${s.url}/api/kb/${s.siteKey}/search?q=${encodeURIComponent(q)}&locale=${locale}`);
  expect(res.status, 'public search').to.equal(200);
  return ((await res.json()) as { hits: Array<{ id: string; title: string }> }).hits;
}

export async function vote(articleId: string, helpful: boolean): Promise<void> {
  const s = await server();
  const res = await fetch(`${s.url}/api/kb/${s.siteKey}/articles/${articleId}/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ helpful }),
  });
  expect(res.status, 'vote').to.equal(200);
}
