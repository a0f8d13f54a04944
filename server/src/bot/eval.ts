/**
 * The bot's decisions over the search evaluation set: how often it answers right, answers wrong,
 * refuses, and whether its suggestions hold the right article. The figures quoted in builtin.ts come
 * from here; re-run it after changing the engine, the confidence rule or SUGGESTION_FLOOR:
 *
 *   cd server && node --import tsx src/bot/eval.ts
 *
 * Same engine as production (KbIndex over the demo articles, queryLocales); no database needed.
 */
import { EVAL_SET } from '../../../test/search/eval-set.js';
import { DEMO_KB_ARTICLES } from '../kb/demo-content.js';
import { KbIndex, queryLocales } from '../kb/search/index.js';
import type { Locale, SearchHit } from '@parley/protocol';
import { SUGGESTION_FLOOR, suggestionsFor } from './builtin.js';

const articles = DEMO_KB_ARTICLES.flatMap((a) =>
  (Object.entries(a.versions) as Array<[Locale, { title: string; body: string; keywords?: string[] }]>).map(([locale, v]) => ({
    id: `${a.key}:${locale}`,
    groupId: a.key,
    locale,
    title: v.title,
    body: v.body,
    keywords: v.keywords ?? [],
  })),
);
const titles = new Map(articles.map((a) => [a.id, a.title]));
const index = KbIndex.build(articles);

const figures = { answerable: 0, right: 0, wrong: 0, refused: 0, refusedRightSuggested: 0, unanswerable: 0, unanswerableAnswered: 0, unanswerableNothingSuggested: 0 };
const wrong: string[] = [];
for (const q of EVAL_SET) {
  const result = index.search(q.q, { locales: queryLocales(q.lang, q.q), limit: 6 });
  const hits: SearchHit[] = result.hits.map((h) => ({ ...h, title: titles.get(h.id) ?? '', categoryId: null, updatedAt: '' }));
  const suggested = suggestionsFor(hits).map((s) => hits.find((h) => h.id === s.id)!.groupId);
  if (q.kind === 'no-answer') {
    figures.unanswerable++;
    if (result.confident) {
      figures.unanswerableAnswered++;
      wrong.push(`answered the unanswerable "${q.q}" with ${hits[0]!.groupId}`);
    } else if (suggested.length === 0) figures.unanswerableNothingSuggested++;
    continue;
  }
  figures.answerable++;
  if (!result.confident) {
    figures.refused++;
    if (suggested.some((g) => q.expect.includes(g))) figures.refusedRightSuggested++;
  } else if (q.expect.includes(hits[0]!.groupId)) figures.right++;
  else {
    figures.wrong++;
    wrong.push(`answered "${q.q}" with ${hits[0]!.groupId}, expected ${q.expect.join(' or ')}`);
  }
}
console.log(`suggestion floor ${SUGGESTION_FLOOR}`);
console.log(figures);
for (const line of wrong) console.log(line);
