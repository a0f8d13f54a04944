import { and, eq, inArray } from 'drizzle-orm';
import { HANDOFF_WORDS } from '@parley/protocol';
import type { Locale, MessageMeta } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { faqEntries } from '../db/schema.js';
import { BOT_TEXT } from './text.js';
import { isHan, tokenize, words } from './tokenize.js';

/** Misses in a row after which the bot gives up and queues the visitor for a person. */
export const MAX_BOT_MISSES = 2;
/** One keyword hit is enough; question words alone need to overlap more. */
const CONFIDENT_SCORE = 3;

export type BotDecision =
  | { kind: 'answer'; body: string; meta: MessageMeta }
  | { kind: 'miss'; body: string; meta: MessageMeta }
  | { kind: 'handoff' };

export function asksForPerson(text: string): boolean {
  const lower = text.normalize('NFKC').toLowerCase();
  const latin = new Set(words(lower));
  return HANDOFF_WORDS.some((w) => (isHan(w) ? lower.includes(w) : latin.has(w)));
}

/**
 * Visitors write in the language they think in, whatever the page's language is: a Chinese question on
 * an English page must still find the Chinese FAQ and be answered in Chinese. So the text's script picks
 * the entries to search; the conversation's locale only breaks ties (and picks 简体 vs 繁體).
 */
export function searchLocales(locale: Locale, text: string): Locale[] {
  if (isHan(text)) return locale === 'zh-TW' ? ['zh-TW', 'zh-CN'] : ['zh-CN', 'zh-TW'];
  if (/\p{Script=Latin}/u.test(text)) return ['en'];
  return [locale];
}

interface Scored {
  id: string;
  locale: Locale;
  question: string;
  answer: string;
  score: number;
}

export async function scoreFaq(db: Executor, siteId: string, locales: Locale[], text: string): Promise<Scored[]> {
  const query = new Set(tokenize(text));
  if (query.size === 0) return [];
  const entries = await db
    .select()
    .from(faqEntries)
    .where(and(eq(faqEntries.siteId, siteId), inArray(faqEntries.locale, locales), eq(faqEntries.published, true)));
  const preference = (l: Locale) => locales.indexOf(l);
  return entries
    .map((e) => {
      let score = 0;
      for (const keyword of e.keywords) {
        const tokens = tokenize(keyword);
        if (tokens.length > 0 && tokens.every((t) => query.has(t))) score += CONFIDENT_SCORE;
      }
      for (const t of new Set(tokenize(e.question))) if (query.has(t)) score += 1;
      return { id: e.id, locale: e.locale as Locale, question: e.question, answer: e.answer, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || preference(a.locale) - preference(b.locale));
}

/** What the built-in bot does with one visitor message; the conversation service applies it. */
export async function decide(db: Executor, input: { siteId: string; locale: Locale; text: string }): Promise<BotDecision> {
  if (asksForPerson(input.text)) return { kind: 'handoff' };
  const locales = searchLocales(input.locale, input.text);
  const scored = await scoreFaq(db, input.siteId, locales, input.text);
  // One language per answer: the best entry's. Its siblings in the other script are the same entries.
  const replyIn = scored[0]?.locale ?? locales[0]!;
  const ranked = scored.filter((r) => r.locale === replyIn);
  const best = ranked[0];
  if (best && best.score >= CONFIDENT_SCORE) {
    return {
      kind: 'answer',
      body: best.answer,
      // Related entries only when nearly as relevant as the answer; a stray shared word is noise.
      meta: { articles: ranked.filter((r) => r.score * 2 >= best.score).slice(0, 3).map((r) => ({ id: r.id, title: r.question })), actions: ['handoff'] },
    };
  }
  const meta: MessageMeta = { actions: ['handoff'] };
  if (ranked.length > 0) meta.articles = ranked.slice(0, 3).map((r) => ({ id: r.id, title: r.question }));
  return { kind: 'miss', body: BOT_TEXT.notSure[replyIn], meta };
}
