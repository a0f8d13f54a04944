/**
 * The editor's live preview: the server renders the markdown (the same renderer visitors get, so what
 * the agent sees is what will be published), the result goes through the shared DOMPurify / Trusted
 * Types sanitiser before it touches the DOM.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '@parley/protocol';
import { sanitizeHtml } from '../../internal/safe-html.js';
import type { KbConsoleApi } from './kb-console-api.js';

/** Typing pauses shorter than this do not cost a round trip. */
export const PREVIEW_DEBOUNCE_MS = 300;

/**
 * Server HTML as a sanitised element. The preview sits under the editor's h3/h4 headings, so the
 * article's own headings start at h5 (relative levels kept) to keep the outline in order. Without a
 * way to parse HTML (Trusted Types enforced, `parley` policy not allowed) the markdown is shown as text.
 */
export async function articleHtml(serverHtml: string, markdown: string, lang: Locale): Promise<HTMLElement> {
  const div = document.createElement('div');
  div.className = 'rendered';
  div.lang = lang;
  const fragment = await sanitizeHtml(serverHtml);
  if (!fragment) {
    div.classList.add('plain');
    div.textContent = markdown;
    return div;
  }
  const headings = Array.from(fragment.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  const level = (h: Element): number => Number(h.tagName[1]);
  const shift = headings.length ? 5 - Math.min(...headings.map(level)) : 0;
  for (const h of headings) {
    const next = document.createElement(`h${Math.min(6, Math.max(5, level(h) + shift))}`);
    next.append(...Array.from(h.childNodes));
    h.replaceWith(next);
  }
  div.append(fragment);
  return div;
}

export class PreviewController implements ReactiveController {
  /** The rendered preview, or null when the markdown is empty. */
  node: HTMLElement | null = null;
  busy = false;
  error = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private abort: AbortController | null = null;
  /** Only the latest request may update the preview: an earlier, slower answer is stale. */
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => KbConsoleApi | null,
  ) {
    host.addController(this);
  }

  /** Renders `markdown` after the debounce (or at once). */
  schedule(markdown: string, lang: Locale, now = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (now) void this.run(markdown, lang);
    else this.timer = setTimeout(() => void this.run(markdown, lang), PREVIEW_DEBOUNCE_MS);
  }

  hostDisconnected(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
  }

  private async run(markdown: string, lang: Locale): Promise<void> {
    this.timer = null;
    this.abort?.abort();
    const seq = ++this.seq;
    const api = this.api();
    if (!markdown.trim() || !api) {
      this.node = null;
      this.busy = false;
      this.error = '';
      this.host.requestUpdate();
      return;
    }
    const abort = (this.abort = new AbortController());
    this.busy = true;
    this.host.requestUpdate();
    try {
      const html = await api.preview(markdown, abort.signal);
      const node = await articleHtml(html, markdown, lang);
      if (seq !== this.seq) return;
      this.node = node;
      this.error = '';
    } catch (err) {
      if (seq !== this.seq || abort.signal.aborted) return;
      // The last good preview stays: a failed refresh (oversize text, a dropped connection) is
      // reported beside it rather than blanking what the agent was reading.
      this.error = (err as Error).message || String(err);
    } finally {
      if (seq === this.seq) {
        this.busy = false;
        this.host.requestUpdate();
      }
    }
  }
}
