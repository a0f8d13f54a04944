/**
 * Markdown -> plain text for the index and for excerpts, and the excerpt around the first passage of
 * a body that matched a query.
 *
 * Own walker over marked's tokens rather than `plainText` of ../render.ts: that one joins inline
 * pieces with spaces (点击 **设置** 页面 becomes "点击 设置 页面"), which reads wrong in Chinese
 * excerpts and would split Chinese words for the segmenter.
 */
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import { fold } from './normalize.js';
import { latinWords, stem } from './tokenize.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const BLOCKS = new Set(['heading', 'paragraph', 'blockquote', 'list_item', 'code', 'table']);

/** The text of a markdown document: inline markup dropped, one line per block, no HTML. */
export function plainText(markdown: string): string {
  let out = '';
  const walk = (tokens: readonly Token[] | undefined) => {
    for (const t of tokens ?? []) {
      switch (t.type) {
        case 'html':
        case 'space':
        case 'hr':
        case 'def':
          continue;
        case 'br':
          out += '\n';
          continue;
        case 'image':
          out += (t as Tokens.Image).text;
          continue;
        case 'codespan':
        case 'code':
          out += (t as Tokens.Codespan).text;
          if (t.type === 'code') out += '\n';
          continue;
        case 'list':
          walk((t as Tokens.List).items);
          continue;
        case 'table': {
          const table = t as Tokens.Table;
          for (const row of [table.header, ...table.rows]) {
            for (const cell of row) {
              walk(cell.tokens);
              out += ' ';
            }
            out += '\n';
          }
          continue;
        }
      }
      const children = (t as { tokens?: Token[] }).tokens;
      if (children && children.length > 0) walk(children);
      else if ('text' in t && typeof t.text === 'string') out += t.text;
      if (BLOCKS.has(t.type)) out += '\n';
    }
  };
  try {
    walk(Lexer.lex(markdown, { gfm: true }));
  } catch {
    // marked does not throw on any input we know of; if it ever does, index the raw text.
    out = markdown;
  }
  return out
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/[ \t]*\n\s*/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const EXCERPT = 160;
const LEAD = 40;
const SCAN = 20_000;
const WORD = /(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+(?:['’\-](?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)*/gu;
const HAN = /\p{Script=Han}/u;

/**
 * The offset in `plain` of the first occurrence of one of `terms` (folded, stemmed index terms), or -1.
 * `folded` is `fold(plain)` when it has the same length (true for Chinese and almost all Latin text;
 * the index keeps it so a query never pays for OpenCC over a whole body). Han terms are found by
 * substring search, which does not depend on how the body was segmented; Latin terms by stemming the
 * body's words in order.
 */
export function firstMatch(plain: string, folded: string | null, terms: ReadonlySet<string>): number {
  if (terms.size === 0) return -1;
  const text = folded ?? plain;
  const end = Math.min(text.length, SCAN);
  let best = -1;
  let latin = 0;
  for (const t of terms) {
    if (!HAN.test(t)) {
      latin++;
      continue;
    }
    if (!folded) continue;
    const i = text.indexOf(t);
    if (i >= 0 && i < end && (best < 0 || i < best)) best = i;
  }
  if (latin === 0) return best;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    if (best >= 0 && m.index >= best) break;
    const word = folded ? m[0] : fold(m[0]);
    if (latinWords(word).some((w) => terms.has(stem(w)))) return m.index;
  }
  return best;
}

/**
 * About 160 characters of `plain` on one line, starting shortly before offset `at` (at a sentence or
 * word start when there is one close by), with … where it was cut.
 */
export function excerptAt(plain: string, at: number): string {
  // Work on a window around the match only: bodies can be long and there are ten hits per search.
  const from = Math.max(0, Math.min(at, plain.length - EXCERPT) - LEAD - 40);
  const to = Math.min(plain.length, from + EXCERPT + LEAD + 80);
  // Same length as the window, so offsets still point at the match.
  const flat = plain.slice(from, to).replace(/\s/g, ' ');
  if (plain.length <= EXCERPT) return flat.trim();
  const rel = at - from;
  let start = Math.max(0, Math.min(rel, flat.length - EXCERPT) - LEAD);
  if (from + start > 0) {
    const window = flat.slice(start, Math.max(start, rel));
    const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('。'), window.lastIndexOf('！'), window.lastIndexOf('？'), window.lastIndexOf('! '), window.lastIndexOf('? '));
    if (sentence >= 0) start += sentence + (/[.!?]/.test(flat[start + sentence]!) ? 2 : 1);
    else {
      const space = flat.indexOf(' ', start);
      if (space >= 0 && space < rel) start = space + 1;
    }
  }
  // Never start or end inside a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(flat[start] ?? '')) start++;
  let end = Math.min(flat.length, start + EXCERPT);
  const more = from + end < plain.length;
  if (more) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + EXCERPT * 0.7) end = space;
    if (/[\ud800-\udbff]/.test(flat[end - 1] ?? '')) end--;
  }
  return `${from + start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${more ? '…' : ''}`;
}
