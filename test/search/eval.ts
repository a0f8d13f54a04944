/**
 * Search quality on the demo knowledge base: every question of the evaluation set against the engine
 * the help center and the bot use, with the figures the issue sets targets for.
 *
 *   pnpm eval:search                      # table, misses, exit 1 when a target is missed
 *   pnpm eval:search -- --verbose         # every question with its top 3
 *   pnpm eval:search -- --compare         # the same figures for each Chinese segmentation
 *
 * The index is built from DEMO_KB_ARTICLES (id `${key}:${locale}`, group = key). Each question is
 * searched the way the product searches it: locales from `queryLocales(question's locale, text)`.
 */
import type { Locale } from '../../packages/protocol/src/index.js';
import { DEMO_KB_ARTICLES } from '../../server/src/kb/demo-content.js';
import { KbIndex, queryLocales } from '../../server/src/kb/search/index.js';
import type { EngineOptions, IndexedArticle } from '../../server/src/kb/search/index.js';
import { EVAL_SET } from './eval-set.js';

const TARGET = { precisionAt3: 0.9, refused: 0.9 } as const;

interface Case {
  q: string;
  lang: Locale;
  kind: string;
  expect: readonly string[];
}

interface Outcome {
  c: Case;
  top: Array<{ groupId: string; score: number }>;
  confident: boolean;
  signals: unknown;
}

const args = new Set(process.argv.slice(2));

function demoArticles(): IndexedArticle[] {
  const out: IndexedArticle[] = [];
  for (const a of DEMO_KB_ARTICLES as ReadonlyArray<{ key: string; versions: Partial<Record<Locale, { title: string; body: string; keywords?: readonly string[] }>> }>) {
    for (const [locale, v] of Object.entries(a.versions) as Array<[Locale, { title: string; body: string; keywords?: readonly string[] }]>) {
      if (!v) continue;
      out.push({ id: `${a.key}:${locale}`, groupId: a.key, locale, title: v.title, body: v.body, keywords: [...(v.keywords ?? [])] });
    }
  }
  return out;
}

function run(options: EngineOptions = {}): Outcome[] {
  const index = KbIndex.build(demoArticles(), options);
  return (EVAL_SET as readonly Case[]).map((c) => {
    const r = index.explain(c.q, { locales: queryLocales(c.lang, c.q), limit: 10 });
    return { c, top: r.hits.slice(0, 3).map((h) => ({ groupId: h.groupId, score: h.score })), confident: r.confident, signals: r.signals };
  });
}

const answerable = (o: Outcome) => o.c.expect.length > 0;
const right = (o: Outcome, k: number) => o.top.slice(0, k).some((h) => o.c.expect.includes(h.groupId));

interface Row {
  label: string;
  n: number;
  p3: number;
  top1: number;
  confident: number;
  wrong: number;
  none: number;
  refused: number;
}

function row(label: string, outcomes: Outcome[]): Row {
  const ans = outcomes.filter(answerable);
  const no = outcomes.filter((o) => !answerable(o));
  const share = (xs: Outcome[], f: (o: Outcome) => boolean) => (xs.length ? xs.filter(f).length / xs.length : NaN);
  return {
    label,
    n: outcomes.length,
    p3: share(ans, (o) => right(o, 3)),
    top1: share(ans, (o) => right(o, 1)),
    confident: share(ans, (o) => o.confident),
    wrong: ans.filter((o) => o.confident && !right(o, 1)).length,
    none: no.length,
    refused: share(no, (o) => !o.confident),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '    -' : `${(x * 100).toFixed(1).padStart(5)}`);

function table(outcomes: Outcome[]): Row {
  const kinds = [...new Set(outcomes.map((o) => o.c.kind))];
  const langs = [...new Set(outcomes.map((o) => o.c.lang))];
  const rows = [...kinds.map((k) => row(`kind ${k}`, outcomes.filter((o) => o.c.kind === k))), ...langs.map((l) => row(`lang ${l}`, outcomes.filter((o) => o.c.lang === l)))];
  const all = row('OVERALL', outcomes);
  console.log(`${'group'.padEnd(22)} ${'n'.padStart(4)} | ${'P@3%'.padStart(5)} ${'top1%'.padStart(5)} ${'conf%'.padStart(5)} ${'wrong'.padStart(5)} | ${'no-ans'.padStart(6)} ${'refd%'.padStart(5)}`);
  for (const r of [...rows, all]) {
    console.log(`${r.label.padEnd(22)} ${String(r.n).padStart(4)} | ${pct(r.p3)} ${pct(r.top1)} ${pct(r.confident)} ${String(r.wrong).padStart(5)} | ${String(r.none).padStart(6)} ${pct(r.refused)}`);
  }
  return all;
}

function describe(o: Outcome): string {
  const top = o.top.map((h) => `${h.groupId} (${h.score.toFixed(2)})`).join(', ') || '(no hits)';
  return `  [${o.c.kind}/${o.c.lang}] ${JSON.stringify(o.c.q)}\n      expect: ${o.c.expect.join(' | ') || '(no answer)'}  confident: ${o.confident}\n      top 3: ${top}\n      signals: ${JSON.stringify(o.signals, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}`;
}

if (args.has('--compare')) {
  // Chinese questions only (English ones do not depend on the segmentation).
  const variants: Array<[string, EngineOptions]> = [
    ['jieba words', { analyzer: { segmentation: 'words', unigrams: false } }],
    ['jieba words +HMM', { analyzer: { segmentation: 'words', hmm: true, unigrams: false } }],
    ['jieba search mode', { analyzer: { segmentation: 'search', unigrams: false } }],
    ['bigrams', { analyzer: { segmentation: 'bigrams', unigrams: false } }],
    ['bigrams + unigrams', { analyzer: { segmentation: 'bigrams', unigrams: true } }],
    ['search + bigrams', { analyzer: { segmentation: 'search+bigrams', unigrams: false } }],
    ['search + bigrams +HMM', { analyzer: { segmentation: 'search+bigrams', hmm: true, unigrams: false } }],
    ['search + bigrams + unigrams', { analyzer: { segmentation: 'search+bigrams', unigrams: true } }],
  ];
  for (const [label, options] of variants) {
    const started = performance.now();
    const outcomes = run(options);
    const zh = outcomes.filter((o) => o.c.lang !== 'en');
    const r = row('', zh);
    console.log(`${label.padEnd(28)} P@3 ${pct(r.p3)}%  top1 ${pct(r.top1)}%  confident ${pct(r.confident)}%  wrong ${r.wrong}  refused ${pct(r.refused)}%  (${zh.length} Chinese questions, ${(performance.now() - started).toFixed(0)} ms)`);
  }
  process.exit(0);
}

const started = performance.now();
const outcomes = run();
const ms = performance.now() - started;
console.log(`Search evaluation: ${outcomes.length} questions (${outcomes.filter(answerable).length} answerable, ${outcomes.filter((o) => !answerable(o)).length} with no answer) over ${demoArticles().length} article versions, in ${ms.toFixed(0)} ms.`);
console.log(`P@3   precision at 3: share of answerable questions with a right article among the first 3 hits.
top1  share of answerable questions whose first hit is a right article.
conf  share of answerable questions answered confidently (the bot would reply with the first hit).
wrong answerable questions answered confidently with a wrong first hit (the bot would say something wrong).
refd  share of no-answer questions refused (not confident: the bot offers articles and a person instead).\n`);
const all = table(outcomes);

const misses = outcomes.filter((o) => answerable(o) && !right(o, 3));
const wrong = outcomes.filter((o) => answerable(o) && o.confident && !right(o, 1));
const answeredNoAnswer = outcomes.filter((o) => !answerable(o) && o.confident);
if (args.has('--verbose')) {
  console.log('\nAll questions:');
  for (const o of outcomes) console.log(describe(o));
}
if (misses.length) console.log(`\nNot in the top 3 (${misses.length}):\n${misses.map(describe).join('\n')}`);
if (wrong.length) console.log(`\nConfident and wrong (${wrong.length}):\n${wrong.map(describe).join('\n')}`);
if (answeredNoAnswer.length) console.log(`\nNo-answer questions answered confidently (${answeredNoAnswer.length}):\n${answeredNoAnswer.map(describe).join('\n')}`);

const failed: string[] = [];
if (!(all.p3 >= TARGET.precisionAt3)) failed.push(`precision at 3 ${all.p3.toFixed(3)} < ${TARGET.precisionAt3}`);
if (!(all.refused >= TARGET.refused)) failed.push(`no-answer refused ${all.refused.toFixed(3)} < ${TARGET.refused}`);
console.log(failed.length ? `\nTARGET MISSED: ${failed.join('; ')}` : `\nTargets met: precision at 3 >= ${TARGET.precisionAt3}, no-answer refused >= ${TARGET.refused}.`);
process.exit(failed.length ? 1 : 0);
