/**
 * `hash-links`: on a standalone help page the URL fragment carries the view (`#article=<id>` or
 * `#q=<text>`), so deep links, reload and the browser's Back button work.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface HashView {
  article: string;
  query: string;
}

/** The view a fragment describes; null for a fragment that is not ours (`#pricing`), which we leave alone. */
export function readHash(hash: string = location.hash): HashView | null {
  const raw = hash.replace(/^#/, '');
  if (!raw) return { article: '', query: '' };
  const p = new URLSearchParams(raw);
  if (!p.has('article') && !p.has('q')) return null;
  return { article: p.get('article') ?? '', query: p.get('q') ?? '' };
}

export function hashFor(view: HashView): string {
  if (view.article) return `#article=${encodeURIComponent(view.article)}`;
  if (view.query.trim()) return `#${new URLSearchParams({ q: view.query }).toString()}`;
  return '';
}

/** History entries we pushed carry this marker, so our Back button may step back through them. */
const MARK = 'parleyFaq';

export interface HashHost extends ReactiveControllerHost {
  hashLinks: boolean;
}

/**
 * Keeps the fragment and the element in step. Opening an article pushes a history entry (Back
 * returns to the list); typing a search replaces the current one (no entry per keystroke).
 */
export class HashLinks implements ReactiveController {
  private pushNext = false;
  private fromHash = false;

  constructor(
    private readonly host: HashHost,
    private readonly current: () => HashView,
    private readonly navigate: (view: HashView) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onChange);
    window.addEventListener('popstate', this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onChange);
    window.removeEventListener('popstate', this.onChange);
  }

  /** The view a deep link asks for when the element starts, if any. */
  initial(): HashView | null {
    if (!this.host.hashLinks) return null;
    const h = readHash();
    if (!h || (!h.article && !h.query)) return null;
    this.fromHash = true;
    return h;
  }

  /** The next sync opens a history entry (an article was opened). */
  push(): void {
    this.pushNext = true;
  }

  /** Whether our Back button should step back through history (the entry showing `article` is ours). */
  ownsEntry(article: string): boolean {
    return this.host.hashLinks && !!(history.state as Record<string, unknown> | null)?.[MARK] && readHash()?.article === article;
  }

  /** After each update: write the fragment for the view on screen. */
  sync(): void {
    const push = this.pushNext;
    const fromHash = this.fromHash;
    this.pushNext = this.fromHash = false;
    if (!this.host.hashLinks || fromHash) return;
    const want = this.current();
    const have = readHash();
    if (have ? hashFor(have) === hashFor(want) : !want.article && !want.query.trim()) return;
    const url = location.pathname + location.search + hashFor(want);
    if (push && want.article) history.pushState({ [MARK]: true }, '', url);
    else history.replaceState(history.state, '', url);
  }

  private readonly onChange = (): void => {
    if (!this.host.hashLinks) return;
    const h = readHash();
    const now = this.current();
    // Both hashchange and popstate fire for one step; the second finds nothing to do.
    if (!h || (h.article === now.article && (h.article || h.query === now.query))) return;
    this.fromHash = true;
    this.navigate(h);
  };
}
