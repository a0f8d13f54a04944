/**
 * parley.js: the one-script-tag loader.
 *
 *   <script src="https://HOST/parley.js" data-site="SITE_KEY" [data-lang="zh-CN"] [data-open] async></script>
 *
 * It mounts <parley-messenger> (chat and help center) with a placeholder launcher in a shadow root, asks
 * for the launcher's look (GET /api/sites/:key/widget: colour, side, offset as the site's admin set them;
 * cached 5 min) and loads nothing else: no element bundle, no socket, until the visitor clicks (or the page calls
 * Parley('open')), unless the visitor already has an open conversation (`parley:<site>:open` = '1',
 * written by @parley/client), which must resume at once. Reading help articles never opens a socket.
 * Built as one IIFE; the only global is `window.Parley`. Budget: 3 KB gzip, so no Lit, no client, no
 * protocol runtime here.
 *
 * API, callable before this script has loaded through the usual queue stub
 * (`window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments) }`):
 *   Parley('open' | 'close' | 'toggle'), Parley('show', 'chat' | 'help'), Parley('showArticle', id),
 *   Parley('survey', 'nps') (asks NPS on a card in the panel, unless this visitor was asked within the site's
 *   interval: then `survey-skipped` fires instead), Parley('on', event, fn) -> unsubscribe,
 *   Parley('identify', {userId, userHash, name?, email?} | {jwt, name?, email?} | null): the host site's
 *   signed-in user, handed to the chat as attributes; the server joins this browser to the user only
 *   when the hash (HMAC-SHA256 of userId with the site's identity secret) or JWT is valid (docs/embedding.md).
 *   The same as methods: Parley.open(), Parley.showArticle(id)...
 *
 * A site that asks NPS "after a number of days as a contact" has a returning visitor's browser check for
 * it once a day, once the page is idle (nps-auto.ts): a fetch, no socket, the messenger only if asked.
 *
 * Intranets: `data-employee-token="JWT"` or `data-employee-token-url="/intranet/parley-token"` on the tag, or
 * Parley('boot', {employeeToken} | {employeeTokenUrl}), mounts <parley-banner> (the employee's announcements)
 * at the top of the page, or configures the page's own empty <parley-banner> where it wants it, and loads
 * banner.js at once: an urgent announcement must reach an open page without a click.
 */
import { checkNps } from './nps-auto.js';

type Listener = (event: Event) => void;
interface ParleyApi {
  (method: string, ...args: unknown[]): unknown;
  open(): void;
  close(): void;
  toggle(): void;
  /** Opens the panel on a tab: 'chat' or 'help'. */
  show(tab?: string): void;
  /** Opens the Help tab on one article. */
  showArticle(id: string): void;
  /** Asks the NPS question if the site's interval allows ('nps'). */
  survey(type?: string): void;
  /** The host site's signed-in user: {userId, userHash, name?, email?} or {jwt, name?, email?}; null forgets it. */
  identify(user: Record<string, unknown> | null): void;
  /** Mounts the employee's announcement banner (intranets). */
  boot(options: { employeeToken?: string; employeeTokenUrl?: string }): void;
  /** Listens for 'ready' | 'open' | 'close' | 'unread' | 'message' | 'message-sent' | 'ticket-created' | 'survey-skipped' | 'survey-answered' (or the full 'parley-*' name); returns an unsubscribe function. */
  on(event: string, fn: Listener): () => void;
  off(event: string, fn: Listener): void;
  /** Switches the widgets' language ('en', 'zh-CN', 'zh-TW'; other tags are matched to these). */
  setLocale(lang: string): void;
  /** Forgets the visitor on this browser (the host site's sign-out): conversation, identity and stored state. */
  shutdown(): void;
}
/** What the page may have queued before this script ran: arrays or `arguments` objects. */
type Preload = { q?: ArrayLike<unknown>[] } | undefined;
/** The upgraded element's methods the loader calls (typed here: the loader never imports it). */
interface Messenger extends HTMLElement {
  show(tab?: string): void;
  showArticle(id: string): void;
  chatFromHelp(help: unknown): Promise<void>;
  survey(type: string, token?: string): Promise<void>;
}

const w = window as unknown as { Parley?: ParleyApi | Preload };

(() => {
  if (w.Parley && typeof (w.Parley as ParleyApi).showArticle === 'function') return; // included twice
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
  const locale = tag.startsWith('zh') ? (/^zh-(tw|hk|mo)|hant/.test(tag) ? 'zh-TW' : 'zh-CN') : 'en';
  const label = locale === 'zh-TW' ? '開啟聊天' : locale === 'zh-CN' ? '打开聊天' : 'Open chat';

  const el = document.createElement('parley-messenger') as Messenger;
  el.setAttribute('site', site);
  el.setAttribute('server', origin);
  if (data.lang) el.setAttribute('lang', data.lang);
  if (data.theme) el.setAttribute('theme', data.theme);

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
      ':host([position=left]) button{right:auto;left:var(--parley-offset,20px)}' +
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

  // The site's launcher look (console Site tab). What the page set in its own CSS wins.
  fetch(`${origin}/api/sites/${encodeURIComponent(site)}/widget`)
    .then((r) => (r.ok ? r.json() : null))
    .then((w: { colour: string; position: string; offset: number } | null) => {
      if (!w) return;
      const apply = (): void => {
        const css = getComputedStyle(el);
        const set = (p: string, v: string) => css.getPropertyValue(p).trim() || el.style.setProperty(p, v);
        set('--parley-accent', w.colour);
        set('--parley-accent-contrast', '#fff');
        set('--parley-offset', `${w.offset}px`);
        if (!el.hasAttribute('position')) el.setAttribute('position', w.position);
      };
      // Only a mounted element sees the page's CSS; mount() runs first on DOMContentLoaded (added earlier).
      if (el.isConnected) apply();
      else document.addEventListener('DOMContentLoaded', apply, { once: true });
    })
    .catch(() => {});

  let loading: Promise<unknown> | null = null;
  const load = (): Promise<unknown> =>
    (loading ??= import(/* @vite-ignore */ `${origin}/elements/messenger.js`).then(
      () => customElements.whenDefined('parley-messenger'),
      (err: unknown) => {
        loading = null; // let a later click try again
        throw err;
      },
    ));

  /** Runs `then` on the upgraded element, loading it first; the placeholder shows it is busy meanwhile. */
  const withElement = (then: () => void): void => {
    button.setAttribute('aria-busy', 'true');
    load().then(then, (err: unknown) => {
      button.removeAttribute('aria-busy');
      console.error('[parley] could not load the messenger', err);
    });
  };

  // Desired state: the attribute is the element's `open` property (it reflects), so it works both
  // before and after the upgrade.
  const setOpen = (open: boolean): void => {
    if (open) withElement(() => el.setAttribute('open', ''));
    else el.removeAttribute('open');
  };

  let banner: HTMLElement | null = null;
  const boot = (options: unknown): void => {
    const o = (options ?? {}) as { employeeToken?: unknown; employeeTokenUrl?: unknown };
    if (!o.employeeToken && !o.employeeTokenUrl) return;
    if (!document.body) return void document.addEventListener('DOMContentLoaded', () => boot(o), { once: true });
    banner ??= document.querySelector('parley-banner') ?? document.body.insertBefore(document.createElement('parley-banner'), document.body.firstChild);
    banner.setAttribute('site', site);
    banner.setAttribute('server', origin);
    if (data.lang) banner.setAttribute('lang', data.lang);
    banner.setAttribute(o.employeeToken ? 'employee-token' : 'employee-token-url', String(o.employeeToken || o.employeeTokenUrl));
    import(/* @vite-ignore */ `${origin}/elements/banner.js`).catch((err: unknown) => console.error('[parley] could not load the banner', err));
  };

  const methods = {
    boot,
    // Attributes, so they hold before and after the messenger upgrades; the chat passes them to the server.
    identify: (user: unknown) => {
      const u = (user ?? {}) as Record<string, unknown>;
      for (const k of ['userId', 'userHash', 'jwt', 'name', 'email']) {
        const name = `user-${k === 'userId' ? 'id' : k === 'userHash' ? 'hash' : k}`;
        if (u[k]) el.setAttribute(name, String(u[k]));
        else el.removeAttribute(name);
      }
    },
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!el.hasAttribute('open')),
    show: (tab?: unknown) => withElement(() => el.show(tab === 'help' ? 'help' : 'chat')),
    showArticle: (id: unknown) => withElement(() => el.showArticle(String(id))),
    survey: (type: unknown = 'nps') => withElement(() => void el.survey(String(type)).catch((err: unknown) => console.warn('[parley] survey', err))),
    on(event: unknown, fn: unknown) {
      el.addEventListener(eventName(event), fn as Listener);
      return () => methods.off(event, fn);
    },
    off: (event: unknown, fn: unknown) => el.removeEventListener(eventName(event), fn as Listener),
    setLocale(lang: unknown) {
      for (const e of [el, banner]) e?.setAttribute('lang', String(lang));
    },
    shutdown() {
      // Removing the element closes its socket; what this browser stored for the site goes, identity
      // too, and the same launcher comes back for whoever uses the browser next.
      el.remove();
      methods.identify(null);
      el.removeAttribute('open');
      try {
        for (const k of Object.keys(localStorage)) if (k.startsWith(`parley:${site}:`)) localStorage.removeItem(k);
      } catch {
        // storage blocked: nothing was stored either
      }
      document.body.append(el);
    },
  };
  function eventName(event: unknown): string {
    return String(event).startsWith('parley-') ? String(event) : `parley-${String(event)}`;
  }
  const api = ((method: string, ...args: unknown[]) => {
    const fn = (methods as Record<string, (...a: unknown[]) => unknown>)[method];
    if (typeof fn === 'function') return fn(...args);
    console.warn(`[parley] unknown method "${method}"`);
    return undefined;
  }) as ParleyApi;
  Object.assign(api, methods);
  w.Parley = api;

  button.addEventListener('click', () => api.open());

  // <parley-faq> elsewhere on the page ("Still need help? Chat with us") opens this messenger's chat.
  document.addEventListener('parley-chat-request', (e) => {
    if (e.defaultPrevented || e.composedPath().includes(el)) return;
    e.preventDefault();
    const detail = (e as CustomEvent<unknown>).detail;
    withElement(() => void el.chatFromHelp(detail));
  });

  const mount = (): void => {
    document.body.append(el);
    if (data.employeeToken || data.employeeTokenUrl) boot({ employeeToken: data.employeeToken, employeeTokenUrl: data.employeeTokenUrl });
    if ('open' in data && data.open !== 'false') api.open();
    else if (storage(`parley:${site}:open`) === '1') void load().catch(() => {});
    for (const call of preload?.q ?? []) api(...(Array.from(call) as [string, ...unknown[]]));
    // After the queue: listeners the page queued before the loader ran hear it too.
    el.dispatchEvent(new CustomEvent('parley-ready', { bubbles: true, composed: true }));
    // Single-page apps: client-side navigation keeps the page, so the launcher and an open chat stay;
    // an app (or Turbo-style navigation) that replaces <body> or clears it would take them away, so
    // they are put back at once (and the open conversation resumes from storage).
    new MutationObserver(() => el.isConnected || document.body?.append(el)).observe(document.documentElement, { childList: true, subtree: true });
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
  };

  // Single-page apps: a route change is a new page for the agent too. Told only while a chat is stored
  // (the server moves the open conversation's page and shows it to its agent); the next chat starts
  // from wherever the visitor is anyway.
  let url = location.href;
  const routed = (): void => {
    try {
      const token = (JSON.parse(storage(`parley:${site}:visitor`) ?? 'null') as { token?: string } | null)?.token;
      if (location.href === url || !token || !storage(`parley:${site}:conversation`)) return;
      url = location.href;
      fetch(`${origin}/api/visitor/page`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: site, visitorToken: token, url: url.slice(0, 2000) }) }).catch(() => {});
    } catch {
      // Whatever is stored, the app's own navigation must go on.
    }
  };
  for (const m of ['pushState', 'replaceState'] as const) {
    const original = history[m];
    history[m] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      routed();
    };
  }
  addEventListener('popstate', routed);

  // NPS after a number of days as a contact: after the page's own work, never over the open panel.
  const autoNps = (): void =>
    void checkNps({ server: origin, site, locale, busy: () => el.hasAttribute('open') }).then(
      (token) => token && withElement(() => void el.survey('nps', token).catch((err: unknown) => console.warn('[parley] survey', err))),
    );
  const whenIdle = (): void => void ('requestIdleCallback' in window ? requestIdleCallback(autoNps, { timeout: 10_000 }) : setTimeout(autoNps, 3000));
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
