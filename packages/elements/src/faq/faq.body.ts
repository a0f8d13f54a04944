import type { Article } from '@parley/protocol';
import { sanitizeHtml } from '../internal/safe-html.js';

/**
 * The article's content as an element to render (Lit inserts the node as is). The server's HTML is
 * sanitised again here. If the page's CSP leaves no way to parse HTML (Trusted Types enforced without
 * the `parley` policy allowed), the markdown source is shown as text: readable, never executable.
 */
export async function articleBody(article: Article): Promise<HTMLElement> {
  const div = document.createElement('div');
  div.className = 'body';
  div.setAttribute('part', 'body');
  div.lang = article.locale;
  const fragment = await sanitizeHtml(article.html);
  if (fragment) {
    shiftHeadings(fragment);
    div.append(fragment);
  } else {
    div.classList.add('plain');
    div.textContent = article.body;
  }
  return div;
}

/**
 * The article's title is the view's h2, so the body's own headings start at h3 whatever level the
 * author used (relative levels kept): the outline stays in order for screen readers.
 */
function shiftHeadings(root: DocumentFragment): void {
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  if (!headings.length) return;
  const level = (h: Element): number => Number(h.tagName[1]);
  const shift = 3 - Math.min(...headings.map(level));
  if (shift === 0) return;
  for (const h of headings) {
    const next = document.createElement(`h${Math.min(6, Math.max(3, level(h) + shift))}`);
    next.append(...Array.from(h.childNodes));
    for (const attr of ['lang', 'dir']) if (h.hasAttribute(attr)) next.setAttribute(attr, h.getAttribute(attr)!);
    h.replaceWith(next);
  }
}
