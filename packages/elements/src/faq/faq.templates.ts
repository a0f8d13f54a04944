/** Stateless pieces of <parley-faq>'s views: data and callbacks in, templates out. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Article, ArticleSummary } from '@parley/protocol';
import { LANGUAGE_NAMES, type FaqStrings } from './faq.strings.js';

type Open = (e: MouseEvent, summary: ArticleSummary) => void;

export const backButton = (label: string, onClick: () => void): TemplateResult =>
  html`<button class="back" part="back" type="button" @click=${onClick}>
    <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M15.7 5.3a1 1 0 0 1 0 1.4L10.4 12l5.3 5.3a1 1 0 0 1-1.4 1.4l-6-6a1 1 0 0 1 0-1.4l6-6a1 1 0 0 1 1.4 0z"/></svg>${label}
  </button>`;

export const searchIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
  <path fill="currentColor" d="M10 4a6 6 0 1 0 3.5 10.9l4.3 4.3a1 1 0 0 0 1.4-1.4l-4.3-4.3A6 6 0 0 0 10 4zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8z"/>
</svg>`;

/**
 * Articles are links (`#article=<id>`: a deep link with `hash-links`, and a new tab on a modified
 * click); a plain click opens them in place. Each carries its own `lang`: search may return another
 * language than the element's.
 */
export const articleList = (items: ArticleSummary[], busy: boolean, open: Open): TemplateResult =>
  html`<ul class="list" part="list" aria-labelledby="view-title" aria-busy=${busy ? 'true' : 'false'}>
    ${items.map(
      (a) => html`<li>
        <a class="item" part="item" href=${`#article=${encodeURIComponent(a.id)}`} data-article=${a.id} lang=${a.locale} @click=${(e: MouseEvent) => open(e, a)}>
          <span class="title">${a.title}</span>
          ${a.excerpt ? html`<span class="excerpt">${a.excerpt}</span>` : nothing}
        </a>
      </li>`,
    )}
  </ul>`;

/** "Also available in: 简体中文 · 繁體中文", each language named in itself. */
export function versionLinks(a: Article, label: string, open: Open): TemplateResult | typeof nothing {
  const others = a.versions.filter((v) => v.locale !== a.locale && v.id !== a.id);
  if (!others.length) return nothing;
  return html`<p class="versions">
    ${label}:
    ${others.map(
      (v, i) => html`${i ? ' · ' : ' '}<a
          href=${`#article=${encodeURIComponent(v.id)}`}
          lang=${v.locale}
          hreflang=${v.locale}
          @click=${(e: MouseEvent) => open(e, { ...a, id: v.id, locale: v.locale, title: v.title })}
          >${LANGUAGE_NAMES[v.locale]}</a
        >`,
    )}
  </p>`;
}

export const contactBox = (s: FaqStrings, onClick: () => void): TemplateResult =>
  html`<div class="contact" part="contact">
    <p>${s.stillNeedHelp}</p>
    <button type="button" class="primary" @click=${onClick}>${s.chatWithUs}</button>
  </div>`;
