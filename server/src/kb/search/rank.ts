/**
 * From per-article, per-concept scores in each locale to one ranked entry per article group, with
 * the coverage figures the confidence rule reads.
 */
import { idf, mass } from './locale-index.js';
import type { LocaleIndex } from './locale-index.js';
import type { Concept } from './query.js';
import type { ScoredSet } from './scoring.js';

export interface Ranked {
  group: number;
  groupId: string;
  /** The version that scored best on its own: its locale's index and slot. */
  bestIn: LocaleIndex;
  bestSlot: number;
  score: number;
  /** Share of the question's weight the group covers, overall and through title/keyword matches. */
  coverage: number;
  titleCoverage: number;
  /** Only a browse result (every word common, all of them in the title): shown, never an answer. */
  browse?: boolean;
  /** Concepts of the question (interrogatives aside) the group covers less than half of. */
  missing: number;
}

/**
 * A concept counts as common when it is in a quarter of the articles, or in more than 5 (so that a
 * small knowledge base still finds its articles). A hit must match at least half of one concept that
 * is not common, or several common ones adding up to as much: a question whose only known word is
 * "order" or 订单, or a lone interrogative, gets no hits rather than a random list... unless some
 * titles carry every word of it: a help-center search for "order" should list "Where is my order?" and
 * "How do I cancel an order?". Those come back only when nothing passed the rule above, marked
 * `browse` so that they are never taken for an answer.
 */
const COMMON_SHARE = 0.25;
const COMMON_MIN = 5;
const MIN_CREDIT = 0.5;

function common(li: LocaleIndex): number {
  return idf(Math.max(COMMON_MIN, li.count * COMMON_SHARE), li.count);
}

export function rank(
  concepts: Concept[],
  indexes: LocaleIndex[],
  perLocale: Array<{ li: LocaleIndex; set: ScoredSet }>,
  groupCount: number,
  groupId: (group: number) => string,
): Ranked[] {
  // A concept weighs what it weighs where the knowledge base knows it best (lowest IDF), so a
  // question mixing languages ("can I pay with 支付宝") weighs each word in its own language.
  const ref = indexes.reduce((a, b) => (b.count > a.count ? b : a));
  const weights = concepts.map((c) => {
    let best: { m: number; li: LocaleIndex } | null = null;
    for (const li of indexes) {
      const m = mass(c, li);
      if (m !== null && (!best || m < best.m)) best = { m, li };
    }
    const m = c.weak ? 0 : (best?.m ?? idf(0, ref.count));
    return { mass: m, rare: m > 0 && m >= common(best?.li ?? ref) };
  });
  const totalMass = weights.reduce((sum, w) => sum + w.mass, 0);

  // A group takes, concept by concept, the best of its versions: a mixed-language question may match
  // "pay" in the English version and 支付宝 in the Chinese one.
  const n = concepts.length;
  const rowOf = new Int32Array(groupCount).fill(-1);
  // At most one row per scored article: sized once, never grown.
  let cap = Math.max(1, perLocale.reduce((sum, { set }) => sum + set.rows, 0));
  let scores = new Float64Array(cap * n);
  let credits = new Float64Array(cap * n);
  let titles = new Float64Array(cap * n);
  const best: Array<{ group: number; li: LocaleIndex; slot: number; own: number }> = [];
  for (const { li, set } of perLocale) {
    for (let r = 0; r < set.rows; r++) {
      const slot = set.slots[r]!;
      const group = li.groupOf(slot);
      if (group < 0) continue;
      let g = rowOf[group]!;
      if (g < 0) {
        g = best.length;
        rowOf[group] = g;
        best.push({ group, li, slot, own: -1 });
        if (g === cap) {
          cap *= 2;
          scores = grow(scores, cap * n);
          credits = grow(credits, cap * n);
          titles = grow(titles, cap * n);
        }
      }
      let own = 0;
      for (let i = 0; i < n; i++) {
        const from = r * n + i;
        const to = g * n + i;
        own += set.scores[from]!;
        if (set.scores[from]! > scores[to]!) scores[to] = set.scores[from]!;
        if (set.credits[from]! > credits[to]!) credits[to] = set.credits[from]!;
        if (set.titles[from]! > titles[to]!) titles[to] = set.titles[from]!;
      }
      const b = best[g]!;
      if (own > b.own) {
        b.li = li;
        b.slot = slot;
        b.own = own;
      }
    }
  }

  const ranked: Ranked[] = [];
  const browse: Ranked[] = [];
  const threshold = common(ref) * MIN_CREDIT;
  best.forEach((b, g) => {
    let score = 0;
    let matched = 0;
    let title = 0;
    let rareCredit = 0;
    let allInTitle = totalMass > 0;
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (w.mass > 0 && credits[g * n + i]! < MIN_CREDIT) missing++;
      score += scores[g * n + i]!;
      matched += w.mass * credits[g * n + i]!;
      title += w.mass * titles[g * n + i]!;
      if (w.rare && credits[g * n + i]! > rareCredit) rareCredit = credits[g * n + i]!;
      if (w.mass > 0 && titles[g * n + i]! < MIN_CREDIT) allInTitle = false;
    }
    const row = { group: b.group, groupId: groupId(b.group), bestIn: b.li, bestSlot: b.slot, score, coverage: totalMass > 0 ? matched / totalMass : 0, titleCoverage: totalMass > 0 ? title / totalMass : 0, missing };
    if (rareCredit >= MIN_CREDIT || matched >= threshold) ranked.push(row);
    else if (allInTitle) browse.push({ ...row, browse: true });
  });
  if (ranked.length === 0) ranked.push(...browse);
  // Ties break on the group id, not on insertion order: the same articles rank the same way whatever
  // order the database returned them in.
  return ranked.sort((a, b) => b.score - a.score || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
}

function grow(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(size);
  next.set(a);
  return next;
}
