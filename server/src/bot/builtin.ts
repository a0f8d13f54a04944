/**
 * The built-in bot: what it replies to one visitor message, from the knowledge base.
 *
 * It answers when, and only when, the search engine says it is confident (kb/search/confidence.ts):
 * the top article covers at least 60% of the question's IDF-weighted content words, and either scores
 * 1.2x the next article or, when the two are close, covers 85% of the question with half of it in its
 * title and more than the next one. The bot adds no guard of its own: on the search evaluation set
 * (test/search/eval-set.ts, 237 questions) the engine alone answered 94 of the 191 answerable ones
 * right and 1 wrong, and none of the 46 it cannot answer; a guard tried here (a one-word question must
 * name the article's title) lost 3 right answers and prevented no wrong one.
 *
 * Otherwise it says it is not sure, in the reply language, lists up to three articles scoring at
 * least SUGGESTION_FLOOR (none when nothing does), and offers a person.
 */
import type { Locale, MessageMeta, SearchHit } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { readPublicArticle, searchKb } from '../kb/service.js';
import { queryLocales } from '../kb/search/index.js';
import { summarize } from './answer.js';
import { asksForPerson, smallTalk } from './intent.js';
import { BOT_TEXT } from './text.js';

export type BotDecision =
  /** An answer from an article; the visitor is asked whether it helped. */
  | { kind: 'answer'; locale: Locale; body: string; meta: MessageMeta }
  /** Not confident: "not sure", suggestions, a person. Counts as a miss and is recorded as a gap. */
  | { kind: 'miss'; locale: Locale; body: string; meta: MessageMeta }
  /** A greeting or thanks: a polite reply that is neither a miss nor a gap. */
  | { kind: 'smalltalk'; locale: Locale; body: string; meta: MessageMeta }
  | { kind: 'handoff'; locale: Locale };

const MAX_SUGGESTIONS = 3;

/** The language to reply in: the conversation's, unless the text is plainly in the other script (queryLocales). */
export function replyLocale(conversationLocale: Locale, text: string): Locale {
  return queryLocales(conversationLocale, text)[0] ?? conversationLocale;
}

/**
 * Below this BM25 score an article shares no more than a passing word with the question ("do you sell
 * gift cards" scores 4.6 against the returns article). Measured on the evaluation set over the refused
 * questions: the right article is among the suggestions for 79 of the 96 answerable ones, and 30 of
 * the 46 unanswerable ones get no suggestion at all (no floor: 94% and 20%; 5: 86% and 48%; 12: 73%
 * and 72%).
 * BM25 scores grow with the logarithm of the number of articles, so a much larger knowledge base
 * suggests a little more readily, a tiny one a little less.
 */
export const SUGGESTION_FLOOR = 8;

/** Up to three hits at or above the floor, leaving out the `except` article group. */
export function suggestionsFor(hits: readonly SearchHit[], opts: { except?: string } = {}): Array<{ id: string; title: string }> {
  return hits
    .filter((h) => h.groupId !== opts.except && h.score >= SUGGESTION_FLOOR)
    .slice(0, MAX_SUGGESTIONS)
    .map((h) => ({ id: h.id, title: h.title }));
}

/** What the built-in bot replies to `text` in a conversation held in `locale`. */
export async function decide(ctx: AppContext, input: { siteId: string; locale: Locale; text: string; replyTo?: string }): Promise<BotDecision> {
  const locale = replyLocale(input.locale, input.text);
  const base: MessageMeta = input.replyTo ? { replyTo: input.replyTo } : {};
  if (asksForPerson(input.text)) return { kind: 'handoff', locale };
  const small = smallTalk(input.text);
  if (small) return { kind: 'smalltalk', locale, body: small === 'thanks' ? BOT_TEXT.welcome[locale] : BOT_TEXT.askAway[locale], meta: base };

  const result = await searchKb(ctx, input.siteId, input.text, { locale: input.locale, limit: 6 });
  const top = result.confident ? result.hits[0] : undefined;
  if (top) {
    // The index may be a moment ahead of a delete; a vanished article is simply not an answer.
    const article = await readPublicArticle(ctx, input.siteId, top.id, { countView: false }).catch(() => null);
    const body = article ? summarize(article.body) : '';
    if (article && body) {
      return { kind: 'answer', locale: article.locale, body, meta: { ...base, articles: [{ id: article.id, title: article.title }], feedback: 'ask' } };
    }
  }
  const articles = suggestionsFor(result.hits);
  return {
    kind: 'miss',
    locale,
    body: articles.length ? BOT_TEXT.notSure[locale] : BOT_TEXT.notSureNothing[locale],
    meta: { ...base, ...(articles.length ? { articles } : {}), actions: ['handoff'] },
  };
}
