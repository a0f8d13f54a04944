/**
 * The ticket page's language. internal/i18n.ts's rules (the element's own `lang`, else the closest
 * ancestor's, crossing shadow roots; an unsupported one there means English) with one difference:
 * when nothing on the page says a language, the ticket's own locale (the language the customer wrote
 * in) wins over the browser's, once the ticket has loaded. A link opened from an email on another
 * device then reads as the request was written.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { matchLocale, navigatorLocale, type Catalogs, type Locale } from '../internal/i18n.js';

function closestLang(el: Element): Element | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return null;
}

export class TicketLocale<S extends object> implements ReactiveController {
  private current: Locale = 'en';
  private observer: MutationObserver | null = null;
  private observed: Element | null = null;
  private readonly onLanguageChange = (): void => this.refresh();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly catalogs: Catalogs<S>,
    /** The ticket's locale once loaded, else null. */
    private readonly fallback: () => Locale | null,
  ) {
    host.addController(this);
  }

  get locale(): Locale {
    return this.current;
  }

  get s(): S {
    return this.catalogs[this.current] ?? this.catalogs.en;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.refresh());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    window.addEventListener('languagechange', this.onLanguageChange);
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.observed = null;
    window.removeEventListener('languagechange', this.onLanguageChange);
  }

  /** Re-resolves the locale; call it when the fallback may have changed (the ticket loaded). */
  refresh(): void {
    const carrier = closestLang(this.host);
    const inherited = carrier === this.host ? null : carrier;
    if (this.observer && inherited !== this.observed) {
      this.observer.disconnect();
      this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
      if (inherited) this.observer.observe(inherited, { attributes: true, attributeFilter: ['lang'] });
      this.observed = inherited;
    }
    const lang = carrier?.getAttribute('lang');
    const next = carrier && lang ? (matchLocale(lang) ?? 'en') : (this.fallback() ?? navigatorLocale());
    if (next === this.current || !(next in this.catalogs)) return;
    this.current = next;
    this.host.requestUpdate();
  }
}
