/**
 * Typo tolerance where it is safe: only for Latin words that no article contains (a word the knowledge
 * base knows is taken as typed), only for words long enough that an edit is not a different word
 * (5+ letters: 1 edit, 8+: 2), plus swapped neighbour letters for 4+ letters (refnud -> refund: edit
 * distance counts a swap as 2), plus prefix matching for the word still being typed. Bounding fuzzy
 * lookups this way also bounds their cost: MiniSearch's fuzzy search walks the whole term tree.
 */
import type { Concept } from './query.js';
import { stem } from './tokenize.js';

/** MiniSearch's weight for fuzzy and prefix matches, relative to an exact match. */
export const TYPO_WEIGHT = { fuzzy: 0.6, prefix: 0.5, swap: 0.8 } as const;

/** Fuzzy lookups walk the term tree; a long question with many unknown words gets them for its longest few only. */
const MAX_FUZZY_WORDS = 4;

export function addTypoLeaves(concepts: Concept[], known: (term: string) => boolean, typing: boolean): void {
  const fuzzy: Array<{ fuzzy?: number; term: string }> = [];
  concepts.forEach((concept, ci) => {
    for (const alt of concept.alts) {
      if (alt.synonym) continue;
      for (const leaf of [...alt.leaves]) {
        if (leaf.gram || !leaf.raw || !/^[a-z]+$/.test(leaf.term) || known(leaf.term)) continue;
        if (leaf.term.length >= 8) leaf.fuzzy = 2;
        else if (leaf.term.length >= 5) leaf.fuzzy = 1;
        if (leaf.fuzzy) fuzzy.push(leaf);
        if (typing && ci === concepts.length - 1 && leaf.raw.length >= 3) leaf.prefix = true;
        const raw = leaf.raw;
        if (raw.length < 4) continue;
        const seen = new Set<string>();
        for (let i = 0; i + 1 < raw.length; i++) {
          if (raw[i] === raw[i + 1]) continue;
          const swapped = stem(raw.slice(0, i) + raw[i + 1] + raw[i] + raw.slice(i + 2));
          if (seen.has(swapped) || !known(swapped)) continue;
          seen.add(swapped);
          alt.leaves.push({ term: swapped, gram: false, from: leaf.from, to: leaf.to, boost: leaf.boost * TYPO_WEIGHT.swap, swap: true });
        }
      }
    }
  });
  fuzzy
    .sort((a, b) => b.term.length - a.term.length)
    .slice(MAX_FUZZY_WORDS)
    .forEach((leaf) => delete leaf.fuzzy);
}
