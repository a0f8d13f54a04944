/**
 * One locale's index and the weight of a question's concepts in it.
 */
import { TermIndex } from './postings.js';
import type { Concept } from './query.js';

/** Title and keywords (word and bigram slots): the author chose those words to say what the article is about. */
const TITLE_FIELDS = [0, 1, 3, 4];

/** One locale's index. */
export class LocaleIndex {
  readonly terms = new TermIndex(6, TITLE_FIELDS);
  /** Article slot -> group number (KbIndex numbers groups), -1 when free. */
  private groups = new Int32Array(64).fill(-1);
  get count(): number {
    return this.terms.live;
  }
  setGroup(slot: number, group: number): void {
    if (slot >= this.groups.length) {
      const next = new Int32Array(Math.max(slot + 1, this.groups.length * 2)).fill(-1);
      next.set(this.groups);
      this.groups = next;
    }
    this.groups[slot] = group;
  }
  groupOf(slot: number): number {
    return this.groups[slot] ?? -1;
  }
  idf(term: string): number {
    return idf(this.terms.df(term), this.count);
  }
}

/** BM25's inverse document frequency. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * How much a concept weighs in a question, in one locale: the inverse document frequency of the
 * customer's own word when all of it is known there; else of its first synonym that is; else of its
 * rarest known part (a Chinese word jieba cut differently, covered by known bigrams); null when not
 * all of it is known (the caller then gives it the highest possible IDF: an unknown word is the
 * strongest sign the question is about something the knowledge base does not cover).
 */
export function mass(c: Concept, li: LocaleIndex): number | null {
  for (const alt of c.alts) {
    const main = alt.leaves.filter((l) => l.main);
    if (main.length && main.every((l) => li.terms.has(l.term))) return Math.max(...main.map((l) => li.idf(l.term)));
  }
  const own = c.alts[0]!;
  // A part counts only if the known parts cover every character: 礼品卡 with only 卡 known is unknown.
  const parts = own.leaves.filter((l) => !l.swap && !l.uni && !l.fuzzy && !l.prefix && li.terms.has(l.term));
  const covered = new Array<boolean>(own.len).fill(false);
  for (const l of parts) for (let p = l.from; p < l.to; p++) covered[p] = true;
  if (parts.length && covered.every(Boolean)) return Math.max(...parts.map((l) => li.idf(l.term)));
  return null;
}
