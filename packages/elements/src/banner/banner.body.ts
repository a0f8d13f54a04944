/**
 * An announcement's body from the server's node tree (protocol BodyNode) to DOM nodes, with
 * createElement, setAttribute and text nodes only: no HTML string is parsed anywhere in the banner.
 *
 * Why not the help center's way (internal/safe-html.ts: DOMPurify behind a Trusted Types policy):
 * DOMPurify alone is about 12 KB gzip of the banner's 15 KB budget. The server already rendered the
 * markdown and sanitised it (kb/render.ts) and sends what its sanitiser kept as a tree; building nodes
 * from a tree needs no parser, and nothing here is a Trusted Types sink. The whitelist is applied again
 * all the same (a compromised server or proxy must not put script into the intranet page): unknown tags
 * keep only their text, attributes outside the list are dropped, links keep http(s) and mailto URLs
 * and open in a new tab without an opener, images need an https URL.
 */
import type { BodyNode } from '@parley/protocol';

const TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img']);
/** Attributes copied as they are (href and src are checked below). */
const PLAIN: Record<string, readonly string[]> = { a: ['title'], img: ['alt', 'title'], th: ['align'], td: ['align'], ol: ['start'] };
/** Deeper than this is no announcement: its text is kept, flat. */
const MAX_DEPTH = 40;

function url(raw: unknown, protocols: readonly string[]): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const u = new URL(raw);
    return protocols.includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** Appends `nodes` to `into`. */
export function appendBody(into: Node, nodes: readonly BodyNode[], depth = 0): void {
  for (const n of nodes) {
    if (typeof n === 'string') {
      into.appendChild(document.createTextNode(n));
      continue;
    }
    if (!Array.isArray(n)) continue;
    const [tag, attrs, ...children] = n;
    if (!TAGS.has(tag) || depth > MAX_DEPTH) {
      appendBody(into, children, depth + 1);
      continue;
    }
    const el = document.createElement(tag);
    const given: Record<string, unknown> = attrs && typeof attrs === 'object' ? attrs : {};
    for (const name of PLAIN[tag] ?? []) if (typeof given[name] === 'string') el.setAttribute(name, given[name] as string);
    if (tag === 'a') {
      const href = url(given.href, ['http:', 'https:', 'mailto:']);
      if (href) el.setAttribute('href', href);
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    } else if (tag === 'img') {
      const src = url(given.src, ['https:']);
      if (!src) continue;
      el.setAttribute('src', src);
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
    appendBody(el, children, depth + 1);
    into.appendChild(el);
  }
}
