/**
 * A query as a list of CONCEPTS: one per content word the customer typed (or per synonym phrase such
 * as "money back"), each with alternative ways an article can express it. The engine sends every
 * alternative's terms to the index (scoring), then asks per concept how well the best article covered
 * it (confidence). Keeping "what the customer asked" separate from "terms we searched for" is what lets
 * confidence ignore how many synonyms or sub-words a question happened to expand into.
 */
import { SYNONYM_GROUPS } from './synonyms.js';
import { bigrams, searchParts, tokens } from './tokenize.js';
import type { AnalyzerOptions, Token } from './tokenize.js';
import { fold } from './normalize.js';

export interface Leaf {
  term: string;
  /** Looked up in the bigram fields rather than the word fields. */
  gram: boolean;
  /** Positions of the alternative this term covers when it matches: [from, to). */
  from: number;
  to: number;
  /** Scoring weight relative to the customer's own word. */
  boost: number;
  /** Unstemmed word (Latin), for typo candidates. */
  raw?: string;
  /** Set by the engine: max edit distance for an out-of-vocabulary word, prefix for the word being typed. */
  fuzzy?: number;
  prefix?: boolean;
  /** The customer's whole word (not a sub-word, bigram or typo candidate): decides the concept's weight. */
  main?: boolean;
  /** A typo candidate with two neighbouring letters swapped back. */
  swap?: boolean;
  /** A single Han character looked up among all characters of an article (see `AnalyzerOptions.unigrams`). */
  uni?: boolean;
}

export interface Alt {
  /** Positions to cover: Latin words, or Han characters. */
  len: number;
  leaves: Leaf[];
  synonym: boolean;
  /**
   * Set when the alternative is several words: they only count fully when an article has them
   * together ("gift card" is not "gift" somewhere and "card" elsewhere). Han: the characters in a
   * row; Latin: word prefixes in order, at most two words apart.
   */
  phrase?: { han: string } | { latin: RegExp };
}

export interface Concept {
  label: string;
  alts: Alt[];
  /** An interrogative: scores, but carries no weight in coverage. */
  weak: boolean;
}

/** Scoring weights. Sub-words and bigrams only back up the whole word; synonyms are not the customer's word. */
export const BOOST = { subword: 0.5, gram: 0.5, gramOnly: 1, synonym: 0.7 } as const;

/** At most this many concepts per query (the rarest kept): bounds the work a 500-character question causes. */
export const MAX_CONCEPTS = 24;

export interface Form {
  /** Terms of the form, stop words included ("log in" -> log, in). */
  seq: string[];
  /** Its content terms ("send back" -> send, back). */
  content: string[];
  group: number;
  toks: Token[];
}
interface SynonymTable {
  /** Forms by their first term, longest first. */
  byFirst: Map<string, Form[]>;
  /** Forms of two content words or more by their first content term, longest first. */
  byFirstContent: Map<string, Form[]>;
  groups: Form[][];
}
const tables = new Map<boolean, SynonymTable>();

/** The synonym table analyzed by the same tokenizer as questions; built once per HMM setting. */
function synonymTable(hmm: boolean): SynonymTable {
  let table = tables.get(hmm);
  if (table) return table;
  table = { byFirst: new Map(), byFirstContent: new Map(), groups: [] };
  const add = (map: Map<string, Form[]>, key: string, f: Form, len: (f: Form) => number) => {
    const list = map.get(key) ?? [];
    list.push(f);
    list.sort((a, b) => len(b) - len(a));
    map.set(key, list);
  };
  SYNONYM_GROUPS.forEach((forms, group) => {
    const analyzed: Form[] = [];
    for (const form of forms) {
      const toks = tokens(fold(form), hmm);
      const content = toks.filter((t) => !t.stop).map((t) => t.term);
      if (!content.length) continue;
      const f: Form = { seq: toks.map((t) => t.term), content, group, toks };
      analyzed.push(f);
      add(table!.byFirst, f.seq[0]!, f, (x) => x.seq.length);
      if (content.length > 1) add(table!.byFirstContent, content[0]!, f, (x) => x.content.length);
    }
    table!.groups.push(analyzed);
  });
  tables.set(hmm, table);
  return table;
}

/** All forms of every synonym group, analyzed (for tests that check the table is usable). */
export function synonymForms(hmm = false): Form[] {
  return synonymTable(hmm).groups.flat();
}

interface HanCtx {
  /** Bigrams of the query's content pieces, with their character offsets in the whole token list. */
  grams: Array<{ term: string; at: number; len: number }>;
}

/**
 * One alternative built from content tokens. Latin: one position per word. Han: one position per
 * character, covered by the whole word, by its dictionary sub-words and by bigrams.
 * `charAt` is the offset of the first token's first character among all Han content characters of the
 * query (to attach the piece bigrams, including the ones that straddle two words).
 */
function altOf(toks: Token[], opts: AnalyzerOptions, synonym: boolean, han?: { ctx: HanCtx; charAt: number }): Alt | null {
  const content = toks.filter((t) => !t.stop);
  if (!content.length) return null;
  const mult = synonym ? BOOST.synonym : 1;
  const leaves: Leaf[] = [];
  if (!content[0]!.han) {
    content.forEach((t, i) => leaves.push({ term: t.term, gram: false, from: i, to: i + 1, boost: mult, raw: t.raw, main: true }));
    return { len: content.length, leaves, synonym, ...(content.length > 1 ? { phrase: { latin: phraseRegExp(content) } } : {}) };
  }
  const seg = opts.segmentation;
  let pos = 0;
  for (const t of content) {
    const chars = [...t.term];
    if (seg === 'bigrams') {
      // Without a synonym context the word's own bigrams stand for it.
      if (!han) bigrams(chars).forEach((g, i) => leaves.push({ term: g, gram: false, from: pos + i, to: pos + Math.min(i + 2, chars.length), boost: mult * BOOST.gramOnly, uni: chars.length === 1 && opts.unigrams }));
    } else {
      leaves.push({ term: t.term, gram: false, from: pos, to: pos + chars.length, boost: mult, main: true });
      if (seg !== 'words') {
        for (const part of searchParts(t.term, opts.hmm)) {
          if (part === t.term) continue;
          const at = t.term.indexOf(part);
          if (at >= 0) leaves.push({ term: part, gram: false, from: pos + [...t.term.slice(0, at)].length, to: pos + [...t.term.slice(0, at)].length + [...part].length, boost: mult * BOOST.subword });
        }
      }
      if (seg === 'search+bigrams' && !han) bigrams(chars).forEach((g, i) => leaves.push({ term: g, gram: true, from: pos + i, to: pos + Math.min(i + 2, chars.length), boost: mult * BOOST.gram }));
    }
    pos += chars.length;
  }
  if (han && (seg === 'bigrams' || seg === 'search+bigrams')) {
    // Piece bigrams overlapping this alternative's characters, clipped to them.
    const lo = han.charAt;
    const hi = han.charAt + pos;
    for (const g of han.ctx.grams) {
      const a = Math.max(g.at, lo);
      const b = Math.min(g.at + g.len, hi);
      if (a < b) leaves.push({ term: g.term, gram: seg === 'search+bigrams', from: a - lo, to: b - lo, boost: mult * (seg === 'bigrams' ? BOOST.gramOnly : BOOST.gram), uni: g.len === 1 && opts.unigrams });
    }
  }
  if (opts.unigrams && (seg === 'bigrams' || seg === 'search+bigrams') && pos === 1 && !leaves.some((l) => l.uni)) {
    leaves.push({ term: content[0]!.term, gram: seg === 'search+bigrams', from: 0, to: 1, boost: mult * BOOST.gram, uni: true });
  }
  return { len: pos, leaves, synonym, ...(content.length > 1 ? { phrase: { han: content.map((t) => t.term).join('') } } : {}) };
}

/**
 * The longest synonym form at token `i`: matched term by term with stop words ("log in"), or, for
 * forms of two content words or more, on content words only ("send it back" is "send back").
 * Returns the groups of every form that matched at that length (快递 is both a courier and a parcel).
 */
function findForm(syn: SynonymTable, toks: Token[], content: number[], i: number): { end: number; groups: Set<number>; key: string } | null {
  const full = (syn.byFirst.get(toks[i]!.term) ?? []).filter((f) => f.seq.every((term, k) => toks[i + k]?.term === term));
  if (full.length) {
    const len = full[0]!.seq.length;
    const same = full.filter((f) => f.seq.length === len);
    return { end: i + len, groups: new Set(same.map((f) => f.group)), key: same[0]!.content.join(' ') };
  }
  const k = content.indexOf(i);
  if (k < 0) return null;
  const loose = (syn.byFirstContent.get(toks[i]!.term) ?? []).filter((f) => f.content.every((term, j) => toks[content[k + j] ?? -1]?.term === term));
  if (!loose.length) return null;
  const len = loose[0]!.content.length;
  const same = loose.filter((f) => f.content.length === len);
  return { end: content[k + len - 1]! + 1, groups: new Set(same.map((f) => f.group)), key: same[0]!.content.join(' ') };
}

/** Latin words in order, each by the part its inflections share (deliver- for delivery/delivered), at most two words apart. */
function phraseRegExp(words: Token[]): RegExp {
  const stems = words.map((t) => {
    let n = 0;
    while (n < t.raw.length && t.raw[n] === t.term[n]) n++;
    const prefix = t.raw.slice(0, Math.max(n, Math.min(3, t.raw.length)));
    return prefix.replace(/[^\p{L}\p{N}]/gu, '');
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])${stems.join('[\\p{L}\\p{N}]*(?:[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]+){0,2}?[^\\p{L}\\p{N}]+')}`, 'u');
}

/** The concepts of a folded query, in order. */
export function analyzeQuery(folded: string, opts: AnalyzerOptions): Concept[] {
  const toks = tokens(folded, opts.hmm);
  const syn = synonymTable(opts.hmm);

  // Character offsets of Han content tokens, and the bigrams of each run of adjacent ones.
  const charAt: number[] = [];
  const ctx: HanCtx = { grams: [] };
  let chars = 0;
  let piece: string[] = [];
  let pieceAt = 0;
  const flush = () => {
    if (piece.length) bigrams(piece).forEach((g, i) => ctx.grams.push({ term: g, at: pieceAt + i, len: Math.min(2, piece.length) }));
    piece = [];
  };
  for (const t of toks) {
    charAt.push(chars);
    if (t.han && !t.stop) {
      if (!piece.length) pieceAt = chars;
      piece.push(...t.term);
      chars += [...t.term].length;
    } else flush();
  }
  flush();

  const content = toks.map((t, i) => (t.stop ? -1 : i)).filter((i) => i >= 0);
  const concepts: Concept[] = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    const match = findForm(syn, toks, content, i);
    if (match) {
      const span = toks.slice(i, match.end);
      const own = altOf(span, opts, false, t.han ? { ctx, charAt: charAt[i]! } : undefined);
      if (own) {
        const alts = [own];
        const seen = new Set([match.key]);
        for (const group of match.groups)
          for (const other of syn.groups[group]!) {
            const key = other.content.join(' ');
            if (seen.has(key)) continue;
            seen.add(key);
            const alt = altOf(other.toks, opts, true);
            if (alt) alts.push(alt);
          }
        concepts.push({ label: span.filter((s) => !s.stop).map((s) => s.raw).join(t.han ? '' : ' '), alts, weak: false });
      }
      i = match.end;
      continue;
    }
    if (!t.stop) {
      const alt = altOf([t], opts, false, t.han ? { ctx, charAt: charAt[i]! } : undefined);
      if (alt) concepts.push({ label: t.raw, alts: [alt], weak: t.weak });
    }
    i++;
  }
  // The same word typed twice is one concept.
  const unique = new Map<string, Concept>();
  for (const c of concepts) if (!unique.has(c.label)) unique.set(c.label, c);
  return [...unique.values()];
}
