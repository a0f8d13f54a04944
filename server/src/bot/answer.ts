/**
 * An article's markdown as a chat answer: plain text, the opening blocks only, with the article
 * itself linked under the message for the rest.
 *
 * Blocks (paragraphs, list items, headings) are taken whole, in order, while they fit the budget, so
 * the answer stops between sentences the author wrote rather than mid-word. A first block longer than
 * the whole budget is cut at its last sentence end (or word) that fits. "…" marks any cut. A lead-in
 * that introduces what was cut ("What it costs:") is dropped with it.
 *
 * The budget counts a Han character as two (it is twice as wide and says about as much as a short
 * English word), so a Chinese answer is about as long on screen as an English one: at most ~600
 * columns, about 300 Chinese characters.
 */
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';

export const ANSWER_BUDGET = 600;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Display columns: Han and full-width characters count as two. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** Inline tokens to text: markup dropped, links and images reduced to their words, HTML dropped. */
function inline(tokens: readonly Token[] | undefined): string {
  let out = '';
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'html':
        continue;
      case 'br':
        out += ' ';
        continue;
      case 'image':
        out += (t as Tokens.Image).text;
        continue;
      case 'codespan':
        out += (t as Tokens.Codespan).text;
        continue;
    }
    const children = (t as { tokens?: Token[] }).tokens;
    if (children && children.length > 0) out += inline(children);
    else if ('text' in t && typeof t.text === 'string') out += t.text;
  }
  return out;
}

/** The document's blocks as lines of plain text; list items become "• item" (numbered ones "1. item"). */
export function blocksOf(markdown: string): string[] {
  const blocks: string[] = [];
  const push = (text: string) => {
    const clean = text
      .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (clean) blocks.push(clean);
  };
  const walk = (tokens: readonly Token[]) => {
    for (const t of tokens) {
      switch (t.type) {
        case 'paragraph':
        case 'heading':
        case 'text':
          push(inline((t as Tokens.Paragraph).tokens ?? [t]));
          break;
        case 'blockquote':
          walk((t as Tokens.Blockquote).tokens);
          break;
        case 'list': {
          const list = t as Tokens.List;
          const start = typeof list.start === 'number' ? list.start : 1;
          list.items.forEach((item, i) => {
            // A list item holds paragraphs or bare text, and perhaps a nested list: first line only for the bullet.
            const [first, ...rest] = item.tokens;
            const lead = first ? inline((first as { tokens?: Token[] }).tokens ?? [first]) : '';
            push(`${list.ordered ? `${start + i}.` : '•'} ${lead}`);
            walk(rest);
          });
          break;
        }
        case 'code':
          push((t as Tokens.Code).text);
          break;
        case 'table': {
          const table = t as Tokens.Table;
          for (const row of table.rows) push(row.map((cell) => inline(cell.tokens)).join(' · '));
          break;
        }
        default:
          break;
      }
    }
  };
  try {
    walk(Lexer.lex(markdown, { gfm: true }));
  } catch {
    push(markdown);
  }
  return blocks;
}

/** The longest start of `text` within `budget` columns, ended at a sentence end, else a word end. */
function cutBlock(text: string, budget: number): string {
  const chars = Array.from(text);
  let used = 0;
  let end = 0;
  for (; end < chars.length; end++) {
    const w = WIDE.test(chars[end]!) ? 2 : 1;
    if (used + w > budget) break;
    used += w;
  }
  const head = chars.slice(0, end).join('');
  const sentence = Math.max(...['. ', '! ', '? '].map((p) => head.lastIndexOf(p) + 1), ...['。', '！', '？', '；'].map((p) => head.lastIndexOf(p) + 1));
  if (sentence > head.length * 0.4) return head.slice(0, sentence).trimEnd();
  const space = head.lastIndexOf(' ');
  if (space > head.length * 0.6) return head.slice(0, space).trimEnd();
  return head.trimEnd();
}

const LEAD_IN = /[:：]$/;

/** The chat answer for an article body (markdown): see the file comment. */
export function summarize(markdown: string, budget = ANSWER_BUDGET): string {
  const blocks = blocksOf(typeof markdown === 'string' ? markdown : '');
  const room = budget - 1; // for "…"
  const taken: string[] = [];
  let used = 0;
  for (const block of blocks) {
    const cost = columns(block) + (taken.length ? 1 : 0);
    if (used + cost > (taken.length + 1 === blocks.length ? budget : room)) break;
    taken.push(block);
    used += cost;
  }
  if (taken.length === blocks.length) return taken.join('\n');
  if (taken.length === 0) return `${cutBlock(blocks[0]!, room)}…`;
  while (taken.length > 1 && LEAD_IN.test(taken[taken.length - 1]!)) taken.pop();
  return `${taken.join('\n')}\n…`;
}
