/**
 * parley.js: the one-script-tag loader.
 *
 *   <script src="https://HOST/parley.js" data-site="SITE_KEY" [data-lang="zh-CN"] [data-open] async></script>
 *
 * It mounts <parley-chat> with a placeholder launcher (in a shadow root) and loads nothing else: no element
 * bundle, no socket, until the visitor clicks (or the page calls Parley.open()), unless the visitor
 * already has an open conversation (`parley:<site>:open` = '1', written by @parley/client), which
 * must resume at once. Built as one IIFE; the only global is `window.Parley`. Stays well under
 * 5 KB gzip: no Lit, no client, no protocol runtime here.
 */

type Method = 'open' | 'close' | 'toggle';
type Listener = (event: Event) => void;
interface ParleyApi {
  open(): void;
  close(): void;
  toggle(): void;
  /** Listens for 'open' | 'close' | 'message-sent' (or the full 'parley-*' name); returns an unsubscribe function. */
  on(event: string, fn: Listener): () => void;
}
/** A page may queue calls before this script runs: `window.Parley = {q: [['open']]}`. */
type Preload = { q?: Array<[string, ...unknown[]]> } | undefined;

const w = window as unknown as { Parley?: ParleyApi | Preload };

(() => {
  if (w.Parley && typeof (w.Parley as ParleyApi).open === 'function') return; // included twice
  const preload = w.Parley as Preload;

  const script = (document.currentScript ??
    document.querySelector('script[src*="parley.js"][data-site]')) as HTMLScriptElement | null;
  if (!script) return;
  const data = script.dataset;
  const site = data.site ?? '';
  const origin = new URL(script.src, location.href).origin;
  const storage = (key: string): string | null => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage blocked (third-party context, privacy mode)
    }
  };

  const tag = (data.lang || document.documentElement.lang || navigator.language || '').toLowerCase();
  const label = tag.startsWith('zh')
    ? /^zh-(tw|hk|mo)|hant/.test(tag)
      ? '開啟聊天'
      : '打开聊天'
    : 'Open chat';

  const el = document.createElement('parley-chat');
  el.setAttribute('site', site);
  el.setAttribute('server', origin);
  if (data.lang) el.setAttribute('lang', data.lang);

  // Placeholder launcher, drawn in a shadow root attached to the (not yet defined) element: host-page
  // CSS such as `* { all: unset }` or `button { display: none !important }` cannot reach inside, and the
  // `!important` rules below beat the page's own on the host itself. Styled with a constructed
  // stylesheet (allowed by CSPs without 'unsafe-inline'), built without innerHTML (Trusted Types).
  // The element takes this root over when it upgrades (ParleyElement.createRenderRoot).
  const root = el.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ':host{all:initial!important;display:contents!important;visibility:visible!important}' +
      'button{all:initial;position:fixed;right:var(--parley-offset,20px);bottom:var(--parley-offset,20px);' +
      'z-index:var(--parley-z-index,2147483000);width:56px;height:56px;border-radius:50%;cursor:pointer;' +
      'background:var(--parley-accent,#2f5bd3);color:var(--parley-accent-contrast,#fff);' +
      'box-shadow:0 8px 30px rgb(0 0 0/.18);display:grid;place-items:center}' +
      'button:focus-visible{outline:3px solid var(--parley-accent,#2f5bd3);outline-offset:3px}' +
      'svg{width:28px;height:28px}',
  );
  root.adoptedStyleSheets = [sheet];
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-expanded', 'false');
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z');
  svg.append(path);
  button.append(svg);
  root.append(button);

  let loading: Promise<unknown> | null = null;
  const load = (): Promise<unknown> =>
    (loading ??= import(/* @vite-ignore */ `${origin}/elements/chat.js`).then(
      () => customElements.whenDefined('parley-chat'),
      (err: unknown) => {
        loading = null; // let a later click try again
        throw err;
      },
    ));

  // Desired state: the attribute is the element's `open` property (it reflects), so it works both
  // before and after the upgrade.
  const setOpen = (open: boolean): void => {
    if (!open) {
      el.removeAttribute('open');
      return;
    }
    button.setAttribute('aria-busy', 'true');
    load().then(
      () => el.setAttribute('open', ''),
      (err: unknown) => {
        button.removeAttribute('aria-busy');
        console.error('[parley] could not load the chat', err);
      },
    );
  };

  const api: ParleyApi = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!el.hasAttribute('open')),
    on(event, fn) {
      const name = event.startsWith('parley-') ? event : `parley-${event}`;
      el.addEventListener(name, fn);
      return () => el.removeEventListener(name, fn);
    },
  };
  w.Parley = api;

  button.addEventListener('click', () => api.open());

  const mount = (): void => {
    document.body.append(el);
    if ('open' in data && data.open !== 'false') api.open();
    else if (storage(`parley:${site}:open`) === '1') void load().catch(() => {});
    for (const [method, ...args] of preload?.q ?? []) {
      if (method === 'on') api.on(String(args[0]), args[1] as Listener);
      else if (method === 'open' || method === 'close' || method === 'toggle') api[method as Method]();
    }
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
