/**
 * Article markdown -> HTML that is safe to insert into any page, and -> plain text for excerpts and
 * the search index. One renderer serves the public API, the console and the preview.
 *
 * Defence in depth: marked never passes raw HTML through (it is escaped, so authors see what they
 * typed), then sanitize-html keeps only a fixed set of tags and attributes. Links keep their href only
 * when it parses as an absolute http:, https: or mailto: URL (relative links would resolve against
 * whatever page embeds the help center); every link opens in a new tab with rel="noopener noreferrer".
 * Images are kept only with an https: source (no mixed content, no data: URLs); others are dropped.
 */
import { Marked } from 'marked';
import type { Token, Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../lib/html.js';


const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
  },
});

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function absoluteUrl(raw: string | undefined, protocols: Set<string>): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return protocols.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'], ol: ['start'], code: ['class'] },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const href = absoluteUrl(attribs.href, LINK_PROTOCOLS);
      const out: Record<string, string> = { rel: 'noopener noreferrer', target: '_blank' };
      if (href) out.href = href;
      if (attribs.title) out.title = attribs.title;
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const src = absoluteUrl(attribs.src, new Set(['https:']));
      return { tagName, attribs: src ? { src, alt: attribs.alt ?? '', ...(attribs.title ? { title: attribs.title } : {}) } : {} };
    },
  },
  // An image that lost its source is noise (and an empty <img> is an accessibility error).
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Markdown to sanitised HTML. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, POLICY);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** The words of a markdown text without its markup: what excerpts show and what search indexes. */
export function plainText(markdown: string): string {
  const parts: string[] = [];
  const walk = (tokens: Token[] | undefined) => {
    for (const t of tokens ?? []) {
      switch (t.type) {
        case 'html':
        case 'space':
        case 'hr':
        case 'def':
          continue;
        case 'image':
          parts.push((t as Tokens.Image).text);
          continue;
        case 'list':
          for (const item of (t as Tokens.List).items) {
            walk(item.tokens);
            parts.push('\n');
          }
          continue;
        case 'table': {
          const table = t as Tokens.Table;
          for (const cell of table.header) {
            walk(cell.tokens);
            parts.push(' ');
          }
          for (const row of table.rows)
            for (const cell of row) {
              walk(cell.tokens);
              parts.push(' ');
            }
          continue;
        }
        case 'code':
          parts.push((t as Tokens.Code).text, '\n');
          continue;
        case 'br':
          parts.push('\n');
          continue;
      }
      const children = (t as { tokens?: Token[] }).tokens;
      if (children && children.length > 0) walk(children);
      else if ('text' in t && typeof t.text === 'string') parts.push(t.text);
      // Block-level tokens end a sentence visually; keep them apart in the text too.
      if (t.type === 'heading' || t.type === 'paragraph' || t.type === 'blockquote') parts.push('\n');
    }
  };
  walk(marked.lexer(markdown));
  // Inline pieces join as written ("**1** day", 点击**设置**): only block boundaries add a break.
  return parts
    .join('')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/[ \t]*\n[\s]*/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** At most `max` characters of plain text, cut at a word boundary where the text has spaces. */
export function excerptOf(markdown: string, max = 200): string {
  const flat = plainText(markdown).replace(/\s+/g, ' ');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
