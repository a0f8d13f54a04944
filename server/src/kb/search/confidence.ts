/**
 * When the bot may answer with the top hit. Raw BM25 magnitudes say little on their own (they grow with
 * the length of the question and shrink as the knowledge base grows), so the rule reads shares and
 * ratios that mean the same on any knowledge base (computed in rank.ts):
 *
 * - coverage: the share of the question's IDF-weighted content concepts that the top article matches
 *   (a typo match counts 0.85, a one-character match 0.6, a synonym fully). An unknown word weighs the
 *   most, so an article that matches "return" covers little of "can I return a jet ski".
 *   Interrogatives (where, 哪里) weigh nothing.
 * - titleCoverage: the same, counting only matches in the title or keywords: an article whose title
 *   names part of what was asked is about it, not just mentioning it in passing.
 * - margin: the top score over the second group's. Two articles scoring alike mean the question could
 *   be about either, and the bot should offer both rather than pick one, unless the top article
 *   covers clearly more of the question (lead).
 *
 * Confident = coverage >= 0.5 AND titleCoverage >= 0.1 AND (margin >= 1.5 OR coverage lead >= 0.2).
 * Round thresholds, chosen on the evaluation set: requiring some title match took wrong confident
 * answers from 8 to 3 at the cost of 1 right one; the margin-or-lead clause took them to 1.
 */
export interface Signals {
  coverage: number;
  titleCoverage: number;
  score: number;
  secondScore: number;
  secondCoverage: number;
  secondTitleCoverage: number;
  concepts: number;
}

export const RULE = { minCoverage: 0.5, minTitle: 0.1, minMargin: 1.5, minLead: 0.2 } as const;

export function decide(s: Signals): boolean {
  if (s.coverage < RULE.minCoverage || s.titleCoverage < RULE.minTitle) return false;
  const margin = s.secondScore > 0 ? s.score / s.secondScore : Number.POSITIVE_INFINITY;
  // Close scores mean two articles could be meant, unless the top one covers clearly more of the question.
  return margin >= RULE.minMargin || s.coverage >= s.secondCoverage + RULE.minLead;
}
