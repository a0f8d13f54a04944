/**
 * The sanitised HTML of an announcement's body (kb/render.ts: marked, then sanitize-html) as a node tree
 * for `<parley-banner>` (protocol BodyNode). Why a tree: the banner has a 15 KB gzip budget, and parsing
 * HTML safely in the browser means DOMPurify (~12 KB gzip by itself) plus a Trusted Types policy. A tree
 * of what the server's sanitiser already kept needs no parser at all: the banner builds DOM with
 * createElement and textContent. The tags and attributes are filtered again here (and once more in the
 * banner), so the tree never carries more than the whitelist even if the renderer's policy grew.
 */
import { Parser } from 'htmlparser2';
import type { BodyNode, BodyTag } from '@parley/protocol';

const TAGS = new Set<string>(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img'] satisfies BodyTag[]);
const ATTRS: Record<string, readonly string[]> = { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'], ol: ['start'] };

/** Elements whose whitespace-only text between children is layout only. */
const BLOCK_LISTS = new Set<string>(['ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'blockquote']);

const HIDDEN = new Set(['script', 'style', 'template', 'textarea', 'title', 'noscript', 'iframe', 'object']);

type Element = [BodyTag, Record<string, string>, ...BodyNode[]];

/** Sanitised HTML -> nodes. Text keeps its whitespace (inside `pre` it matters); entities are decoded. */
export function bodyTree(html: string): BodyNode[] {
  const top: BodyNode[] = [];
  // The open elements; `null` marks one whose tag is not kept: its children go to the nearest kept one.
  const stack: Array<Element | null> = [];
  const parent = (): BodyNode[] => {
    // An element is an array: its children are pushed after its tag and attributes.
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]) return stack[i] as unknown as BodyNode[];
    return top;
  };
  // Inside script, style and the like: nothing is text a reader should see (the sanitiser drops them too).
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (HIDDEN.has(name)) hidden++;
        if (!TAGS.has(name)) return void stack.push(null);
        const kept: Record<string, string> = {};
        for (const a of ATTRS[name] ?? []) if (attribs[a] !== undefined) kept[a] = attribs[a]!;
        const el: Element = [name as BodyTag, kept];
        parent().push(el);
        stack.push(el);
      },
      ontext(text) {
        if (hidden) return;
        const into = parent();
        // Line breaks between blocks, rows and list items are markup layout, not text: not sent.
        if (/^\s*$/.test(text) && (into === top || BLOCK_LISTS.has((into as Element)[0]))) return;
        // htmlparser2 may split a text run in several callbacks: join them.
        // (An element's first two entries are its tag and attributes, never text to join.)
        const last = into.length - 1;
        if (last >= (into === top ? 0 : 2) && typeof into[last] === 'string') into[last] = (into[last] as string) + text;
        else into.push(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden--;
        stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return top;
}
