/**
 * From per-term BM25+ scores (postings.ts, one lookup per distinct term) to a score and a coverage per
 * article and concept.
 *
 * A plain OR query (MiniSearch's, Lucene's) adds up every matching term. With the alternatives a
 * question expands to (synonyms, bigrams, characters), adding up would reward articles for repeating
 * related words: 快递 has five delivery synonyms, and the article that uses all of them would beat the
 * one about the customer's actual question. So scores combine per CONCEPT (query.ts): within one
 * alternative, each position (a word of a phrase, a character of a Chinese word) takes its best
 * evidence; a concept takes its best alternative. One concept can therefore never be worth more than
 * its best single reading, and articles rank by how many of the customer's concepts they match, and
 * how well.
 *
 * Written for speed (a long Chinese question is 60 terms over thousands of postings): flat typed
 * arrays indexed by article slot, reused between alternatives, instead of an object per article.
 */
import type { PostingList } from './postings.js';
import type { Alt, Concept, Leaf } from './query.js';

/** Per matched article (row), per concept (column): score, credit (0..1) and credit from title/keyword matches. */
export interface ScoredSet {
  rows: number;
  /** Article slot of each row. */
  slots: Int32Array;
  scores: Float64Array;
  credits: Float64Array;
  titles: Float64Array;
}

/** What a match is worth for coverage, relative to the customer's own word found as typed. */
export const QUALITY = { fuzzy: 0.85, swap: 0.9, prefix: 0.7, unigram: 0.6 } as const;

/** A several-word alternative whose words an article has, but not together, is half a match; so is part of a synonym. */
const APART = 0.5;

function quality(l: Leaf): number {
  if (l.prefix) return QUALITY.prefix;
  if (l.fuzzy) return QUALITY.fuzzy;
  if (l.swap) return QUALITY.swap;
  if (l.uni) return QUALITY.unigram;
  return 1;
}

let scratch = new Float64Array(1024);
let seen = new Uint8Array(1024);

/**
 * Scores, concept by concept, every article of one locale that some term matched. `capacity` bounds
 * the article slots; `postingsOf` returns a term's matches; `together` checks a several-word alternative
 * in an article (see `Alt.phrase`); `expectedRows` sizes the result (the number of matched articles,
 * when known). The cost follows the postings, not the size of the knowledge base.
 */
export function scoreArticles(
  concepts: Concept[],
  capacity: number,
  postingsOf: (leaf: Leaf) => PostingList,
  together: (slot: number, alt: Alt) => boolean,
  expectedRows = 64,
): ScoredSet {
  const n = concepts.length;
  const rowOf = new Int32Array(capacity).fill(-1);
  let cap = Math.max(1, expectedRows);
  const out: ScoredSet = { rows: 0, slots: new Int32Array(cap), scores: new Float64Array(cap * n), credits: new Float64Array(cap * n), titles: new Float64Array(cap * n) };
  const row = (slot: number): number => {
    let r = rowOf[slot]!;
    if (r >= 0) return r;
    if (out.rows === cap) {
      cap *= 2;
      out.slots = resize(out.slots, cap);
      out.scores = resize(out.scores, cap * n);
      out.credits = resize(out.credits, cap * n);
      out.titles = resize(out.titles, cap * n);
    }
    r = out.rows++;
    rowOf[slot] = r;
    out.slots[r] = slot;
    return r;
  };
  if (seen.length < capacity) seen = new Uint8Array(capacity);
  try {
    concepts.forEach((concept, ci) => scoreConcept(concept, ci, n, capacity, postingsOf, together, out, row));
  } catch (error) {
    // The scratch buffers may hold this query's values; start the next query from clean ones.
    scratch = new Float64Array(1024);
    seen = new Uint8Array(capacity);
    throw error;
  }
  return out;
}

function scoreConcept(
  concept: Concept,
  ci: number,
  n: number,
  capacity: number,
  postingsOf: (leaf: Leaf) => PostingList,
  together: (slot: number, alt: Alt) => boolean,
  out: ScoredSet,
  row: (slot: number) => number,
): void {
  {
    for (const alt of concept.alts) {
      const len = alt.len;
      const stride = 3 * len;
      if (scratch.length < capacity * stride) scratch = new Float64Array(capacity * stride);
      const buf = scratch;
      // Per article slot: best score, quality and title quality at each position of this alternative.
      const touched: number[] = [];
      for (const l of alt.leaves) {
        const list = postingsOf(l);
        if (!list.n) continue;
        const q = quality(l);
        const width = l.to - l.from;
        for (let k = 0; k < list.n; k++) {
          const slot = list.docs[k]!;
          if (!seen[slot]) {
            seen[slot] = 1;
            touched.push(slot);
          }
          const base = slot * stride;
          const per = (l.boost * list.scores[k]!) / width;
          const inTitle = list.title[k] === 1;
          for (let i = l.from; i < l.to; i++) {
            if (per > buf[base + i]!) buf[base + i] = per;
            if (q > buf[base + len + i]!) buf[base + len + i] = q;
            if (inTitle && q > buf[base + 2 * len + i]!) buf[base + 2 * len + i] = q;
          }
        }
      }
      for (const slot of touched) {
        const base = slot * stride;
        let as = 0;
        let aq = 0;
        let at = 0;
        let covered = 0;
        for (let i = 0; i < len; i++) {
          as += buf[base + i]!;
          aq += buf[base + len + i]!;
          at += buf[base + 2 * len + i]!;
          if (buf[base + len + i]! > 0) covered++;
        }
        buf.fill(0, base, base + stride);
        seen[slot] = 0;
        // Part of a synonym is not the synonym (购物 is not 购物卡); part of the customer's own word still says something.
        let factor = alt.synonym && aq < len ? APART : 1;
        // Words can only be together where all of them matched; only then is the text read.
        if (alt.phrase && (covered < len || !together(slot, alt))) factor *= APART;
        const cell = row(slot) * n + ci;
        if (as * factor > out.scores[cell]!) out.scores[cell] = as * factor;
        if ((aq / len) * factor > out.credits[cell]!) out.credits[cell] = (aq / len) * factor;
        if ((at / len) * factor > out.titles[cell]!) out.titles[cell] = (at / len) * factor;
      }
    }
  }
}

function resize<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a.subarray(0, Math.min(a.length, size)));
  return next;
}
