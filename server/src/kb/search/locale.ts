/**
 * Which locale versions a question should be answered from, and the key that groups repeats of the
 * same unanswered question for the gap report.
 */
import { SUPPORTED_LOCALES } from '@parley/protocol';
import type { Locale } from '@parley/protocol';
import { clean, fold, scriptVotes } from './normalize.js';
import { tokens } from './tokenize.js';

const HAN_G = /\p{Script=Han}/gu;
const LATIN_WORD_G = /\p{Script=Latin}+/gu;

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Locale preference for answering `text` in a conversation held in `conversationLocale`.
 *
 * The script decides the language family only when it is clear: Chinese when the text has at least
 * as many Han characters as Latin words (a Han character is about a morpheme, so "PayPal 可以用吗"
 * is Chinese and "How do I reach 王先生" is English); Latin when there are Latin words and no more Han
 * than that. Otherwise (digits, emoji, empty) the conversation locale leads.
 * Within Chinese the conversation locale decides 简/繁; on an English conversation, characters that
 * exist only in the traditional script, when they outnumber simplified-only ones, pick zh-TW.
 * The other locales follow as fallbacks, so an article that exists only in one language is still found.
 */
export function queryLocales(conversationLocale: Locale, text: string): Locale[] {
  const conv: Locale = isLocale(conversationLocale) ? conversationLocale : 'en';
  const sample = clean(typeof text === 'string' ? text : '', 500);
  const han = sample.match(HAN_G)?.length ?? 0;
  const latinWords = sample.match(LATIN_WORD_G)?.length ?? 0;
  let first: Locale;
  if (han > 0 && han >= latinWords) {
    if (conv !== 'en') first = conv;
    else {
      const votes = scriptVotes(sample);
      first = votes.traditional > votes.simplified ? 'zh-TW' : 'zh-CN';
    }
  } else if (latinWords > 0) first = 'en';
  else first = conv;
  const order: Locale[] = [first];
  // Chinese falls back to the other Chinese script before English; English to the conversation's Chinese.
  const second: Locale = first === 'en' ? (conv === 'zh-TW' ? 'zh-TW' : 'zh-CN') : first === 'zh-CN' ? 'zh-TW' : 'zh-CN';
  order.push(second);
  for (const l of SUPPORTED_LOCALES) if (!order.includes(l)) order.push(l);
  return order;
}

/**
 * Folded content words of a question, in order: "How do I get a REFUND?", "how to get refunds" and
 * "ＲＥＦＵＮＤ" share a key, as do 怎么退款 and 怎麼退款？. Stop words, punctuation, case, width and
 * script variants are gone; stems stay stems (this is a grouping key, not display text). A question
 * with no content word keeps its folded text, so "hello?" does not group with "hi!".
 */
export function normalizeQuestion(text: string): string {
  const folded = fold(clean(typeof text === 'string' ? text : '', 500));
  const content = tokens(folded, false).filter((t) => !t.stop);
  const key = content.length ? content.map((t) => t.term).join(' ') : folded.replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
  return key.slice(0, 200);
}
