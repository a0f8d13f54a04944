/**
 * The knowledge-base search engine: one in-memory index per site, used by the help center, the bot and
 * the console, identical on PGlite and PostgreSQL because the database only stores the articles.
 *
 * What it is built from, and why:
 * - MiniSearch 7 (maintained, pure JS): its radix tree (`SearchableMap`) holds each locale's vocabulary
 *   and answers the bounded fuzzy and prefix lookups of typo tolerance; scoring is its BM25+ formula
 *   with its defaults. Its `search()` itself is not used: measured at 5,000 articles it put p99 at
 *   65 ms against a 20 ms budget (postings.ts says why); the same BM25+ over typed-array postings stays
 *   well within budget. FlexSearch does not expose scores (the confidence rule needs them) and its
 *   CJK support is per character; Orama is heavier and asynchronous.
 * - Our own language work: folding (normalize.ts), tokenizing with jieba, bigrams and Porter stems
 *   (tokenize.ts), question concepts with synonyms (query.ts), per-concept scoring (scoring.ts) and the
 *   confidence rule (confidence.ts).
 * - This file: one TermIndex per locale (document frequencies and average lengths differ a lot between
 *   bigrams and English words), one hit per article group, locale preference, excerpts.
 */
import { SUPPORTED_LOCALES } from '@parley/protocol';
import type { Locale } from '@parley/protocol';
import { decide } from './confidence.js';
import type { Signals } from './confidence.js';
import { excerptAt, firstMatch, plainText } from './excerpt.js';
import { clean, fold } from './normalize.js';
import { LocaleIndex, idf, mass } from './locale-index.js';
import { EMPTY } from './postings.js';
import type { LookupOptions, PostingList } from './postings.js';
import { analyzeQuery, MAX_CONCEPTS } from './query.js';
import type { Alt, Concept, Leaf } from './query.js';
import { rank } from './rank.js';
import type { Ranked } from './rank.js';
import { scoreArticles } from './scoring.js';
import { DEFAULT_ANALYZER, analyzeDoc } from './tokenize.js';
import type { AnalyzerOptions } from './tokenize.js';
import { addTypoLeaves, TYPO_WEIGHT } from './typos.js';

export interface IndexedArticle {
  id: string;
  groupId: string;
  locale: Locale;
  title: string;
  /** Markdown. */
  body: string;
  keywords: string[];
}
export interface EngineHit {
  id: string;
  groupId: string;
  locale: Locale;
  score: number;
  excerpt: string;
}
export interface EngineResult {
  hits: EngineHit[];
  confident: boolean;
}
export interface SearchOptions {
  /** Preference order of the locale versions to return; other locales are not searched. Empty = all. */
  locales: Locale[];
  /** Hits to return, 1..50; default 10. */
  limit?: number;
}

/** Tuning knobs, for the evaluation's comparisons; production uses the defaults. */
export interface EngineOptions {
  analyzer?: Partial<AnalyzerOptions>;
  /** Field weights: a title match says more about what an article is about than a body match. */
  boost?: { title: number; keywords: number; body: number };
}

const MAX_QUERY = 500;
const MAX_TITLE = 500;
const MAX_BODY = 100_000;
const MAX_KEYWORDS = 50;
const DEFAULT_BOOST = { title: 3, keywords: 2, body: 1 };
/** Field slots of a TermIndex: words, then bigrams (bigrams only in the `search+bigrams` segmentation). */
const WORD_FIELDS = [0, 1, 2];
const GRAM_FIELDS = [3, 4, 5];
/** Prefix expansion of the word being typed stops after this many terms. */
const MAX_PREFIX_TERMS = 50;

interface Doc {
  id: string;
  groupId: string;
  locale: Locale;
  plain: string;
  /** Folded title, keywords and body, for phrase checks and excerpts. */
  foldedTitle: string;
  foldedKeywords: string;
  foldedBody: string;
  /** Whether foldedBody has the same length as plain, so an offset in one is an offset in the other. */
  aligned: boolean;
}

function isLocale(l: unknown): l is Locale {
  return typeof l === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(l);
}

export class KbIndex {
  private readonly docs = new Map<string, Doc>();
  private readonly groups = new Map<string, Map<Locale, string>>();
  /** Group ids numbered for the ranking's arrays (numbers are never reused). */
  private readonly groupNumbers = new Map<string, number>();
  private readonly groupIds: string[] = [];
  private readonly byLocale = new Map<Locale, LocaleIndex>();
  private readonly analyzer: AnalyzerOptions;
  private readonly boosts: number[];

  constructor(options: EngineOptions = {}) {
    this.analyzer = { ...DEFAULT_ANALYZER, ...options.analyzer };
    const b = { ...DEFAULT_BOOST, ...options.boost };
    this.boosts = [b.title, b.keywords, b.body];
    for (const l of SUPPORTED_LOCALES) this.byLocale.set(l, new LocaleIndex());
  }

  static build(articles: Iterable<IndexedArticle>, options?: EngineOptions): KbIndex {
    const index = new KbIndex(options);
    for (const a of articles) index.add(a);
    return index;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Adds an article version, or replaces the one with the same id. Invalid input is ignored, never thrown. */
  add(a: IndexedArticle): void {
    if (!a || typeof a.id !== 'string' || !a.id || typeof a.groupId !== 'string' || !isLocale(a.locale)) return;
    this.remove(a.id);
    const plain = plainText(clean(typeof a.body === 'string' ? a.body : '', MAX_BODY));
    const title = clean(typeof a.title === 'string' ? a.title : '', MAX_TITLE).trim();
    const keywords = (Array.isArray(a.keywords) ? a.keywords : [])
      .filter((k): k is string => typeof k === 'string')
      .slice(0, MAX_KEYWORDS)
      .map((k) => clean(k, 100))
      .join('\n');
    const foldedBody = fold(plain);
    const doc: Doc = { id: a.id, groupId: a.groupId, locale: a.locale, plain, foldedTitle: fold(title), foldedKeywords: fold(keywords), foldedBody, aligned: foldedBody.length === plain.length };
    const li = this.byLocale.get(a.locale)!;
    li.terms.add(a.id, this.fields(doc));
    let number = this.groupNumbers.get(a.groupId);
    if (number === undefined) {
      number = this.groupIds.push(a.groupId) - 1;
      this.groupNumbers.set(a.groupId, number);
    }
    li.setGroup(li.terms.slotOf(a.id)!, number);
    this.docs.set(a.id, doc);
    let group = this.groups.get(a.groupId);
    if (!group) this.groups.set(a.groupId, (group = new Map()));
    group.set(a.locale, a.id);
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    // Analysis is deterministic: the same terms come out as went in, and the index subtracts them.
    const li = this.byLocale.get(doc.locale)!;
    li.setGroup(li.terms.slotOf(id)!, -1);
    li.terms.remove(id, this.fields(doc));
    this.docs.delete(id);
    const group = this.groups.get(doc.groupId);
    if (group?.get(doc.locale) === id) group.delete(doc.locale);
    if (group && group.size === 0) this.groups.delete(doc.groupId);
  }

  /** The terms of each field slot (see WORD_FIELDS, GRAM_FIELDS). */
  private fields(doc: Doc): string[][] {
    const title = analyzeDoc(doc.foldedTitle, this.analyzer);
    const keywords = analyzeDoc(doc.foldedKeywords, this.analyzer);
    const body = analyzeDoc(doc.foldedBody, this.analyzer);
    return [title.words, keywords.words, body.words, title.grams, keywords.grams, body.grams];
  }

  search(query: string, opts: SearchOptions): EngineResult {
    try {
      const { hits, confident } = this.run(query, opts);
      return { hits, confident };
    } catch {
      // The engine must never take a request down; an input we did not foresee finds nothing.
      return { hits: [], confident: false };
    }
  }

  /** For the evaluation: the signals behind a search's confidence as well as its hits. */
  explain(query: string, opts: SearchOptions): EngineResult & { signals: Signals | null; concepts: string[] } {
    return this.run(query, opts);
  }

  /**
   * Every matching group, best first, with its score and no excerpt: for a caller that filters the
   * matches by rules the index does not know (the ticket inbox: who may see what, the view) before it
   * takes a page, so the 50-hit cap of `search` must not apply. `missing` counts the question's
   * concepts a group covers less than half of (0: it matches every word, in some form).
   */
  rankGroups(query: string, opts: Pick<SearchOptions, 'locales'>): Array<{ groupId: string; score: number; missing: number }> {
    try {
      return (this.match(query, opts)?.ranked ?? []).map((r) => ({ groupId: r.groupId, score: r.score, missing: r.missing }));
    } catch {
      return [];
    }
  }

  private run(query: string, opts: SearchOptions): EngineResult & { signals: Signals | null; concepts: string[] } {
    const none = { hits: [], confident: false, signals: null, concepts: [] };
    const limit = Math.max(1, Math.min(50, Math.floor(Number(opts?.limit) || 10)));
    const m = this.match(query, opts);
    if (!m) return none;
    const { ranked, concepts, locales, perLocale } = m;
    const [top, second] = ranked;
    const signals: Signals | null = top
      ? {
          coverage: top.coverage,
          titleCoverage: top.titleCoverage,
          score: top.score,
          secondScore: second?.score ?? 0,
          secondCoverage: second?.coverage ?? 0,
          secondTitleCoverage: second?.titleCoverage ?? 0,
          concepts: concepts.filter((c) => !c.weak).length,
        }
      : null;
    const lists = new Map(perLocale.map(({ li, lists }) => [li, lists]));
    return {
      hits: ranked.slice(0, limit).map((r) => this.hit(r, locales, lists)),
      confident: signals && !top!.browse ? decide(signals) : false,
      signals,
      concepts: concepts.map((c) => c.label),
    };
  }

  /** The query's concepts and every group that matches them, ranked; null when nothing can match. */
  private match(query: string, opts: Pick<SearchOptions, 'locales'>) {
    const wanted = (Array.isArray(opts?.locales) ? opts.locales : []).filter(isLocale);
    const locales = [...new Set(wanted.length ? wanted : SUPPORTED_LOCALES)];
    const text = clean(typeof query === 'string' ? query : '', MAX_QUERY);
    let concepts = analyzeQuery(fold(text), this.analyzer);
    const indexes = locales.map((l) => this.byLocale.get(l)!).filter((li) => li.count > 0);
    if (!concepts.length || !indexes.length) return null;

    addTypoLeaves(concepts, (term) => indexes.some((li) => li.terms.has(term)), !/[\s\p{P}\p{S}]$/u.test(text));
    if (concepts.length > MAX_CONCEPTS) {
      // Keep the rarest: they say the most about what is asked.
      const pooled = (c: Concept) => Math.max(...indexes.map((li) => mass(c, li) ?? idf(0, li.count)));
      concepts = concepts
        .map((c) => ({ c, m: pooled(c) }))
        .sort((a, b) => b.m - a.m)
        .slice(0, MAX_CONCEPTS)
        .map((x) => x.c);
    }

    const perLocale = indexes.map((li) => {
      const lists = this.lookup(li, concepts);
      const set = scoreArticles(concepts, li.terms.capacity, (leaf) => lists.get(leafKey(leaf)) ?? EMPTY, (slot, alt) => this.together(li, slot, alt), matchedCount(lists.values(), li.terms.capacity));
      return { li, lists, set };
    });
    const ranked = rank(concepts, indexes, perLocale, this.groupIds.length, (g) => this.groupIds[g]!);
    return { ranked, concepts, locales, perLocale };
  }

  /**
   * The postings of every distinct term of the question in one locale. A broad term (a character
   * such as 品 in more than 3% of the articles, a word such as "order" in more than a quarter) adds to
   * the scores of the articles narrower terms matched and of its own 100 best-scoring articles, but
   * does not make every article that contains it a candidate: scoring and ranking thousands of
   * candidates per term is what made long questions slow on a large knowledge base (p99 35 ms -> 15 ms
   * at 5,000 articles, with precision at 3 on the evaluation questions unchanged or better there).
   */
  private lookup(li: LocaleIndex, concepts: Concept[]): Map<string, PostingList> {
    const leaves = new Map<string, Leaf>();
    for (const c of concepts) for (const alt of c.alts) for (const l of alt.leaves) if (!leaves.has(leafKey(l))) leaves.set(leafKey(l), l);
    const broadChar = Math.max(BROAD_MIN, li.count * BROAD_CHAR_SHARE);
    const broadTerm = Math.max(BROAD_MIN, li.count * BROAD_TERM_SHARE);
    const isBroad = (l: Leaf) => li.terms.df(l.term) > (l.uni ? broadChar : broadTerm);
    const lists = new Map<string, PostingList>();
    for (const [key, l] of leaves) lists.set(key, this.postings(li, l));
    const broad = new Set([...leaves].filter(([, l]) => isBroad(l)).map(([key]) => key));
    if (broad.size === leaves.size || !broad.size) return lists;
    // Candidates: every article a narrow term matched, plus each broad term's best-scoring articles
    // (where it is in the title, or frequent), so an article found by a broad word alone still competes.
    const among = new Uint8Array(li.terms.capacity);
    for (const [key, list] of lists) if (!broad.has(key)) for (let i = 0; i < list.n; i++) among[list.docs[i]!] = 1;
    for (const key of broad) {
      const list = lists.get(key)!;
      const floor = list.n > CHAMPIONS ? kthLargest(list.scores, list.n, CHAMPIONS) : 0;
      for (let i = 0; i < list.n; i++) if (list.scores[i]! >= floor) among[list.docs[i]!] = 1;
    }
    for (const key of broad) lists.set(key, keep(lists.get(key)!, among));
    return lists;
  }

  private postings(li: LocaleIndex, leaf: Leaf): PostingList {
    const opts: LookupOptions = { fields: leaf.gram ? GRAM_FIELDS : WORD_FIELDS, boosts: this.boosts };
    if (leaf.prefix || leaf.fuzzy) {
      // Only out-of-vocabulary words get here (typos.ts), so there is no exact match to add.
      const lists: PostingList[] = [];
      if (leaf.fuzzy) lists.push(li.terms.fuzzy(leaf.term, leaf.fuzzy, TYPO_WEIGHT.fuzzy, opts));
      if (leaf.prefix) lists.push(li.terms.prefix(leaf.term, TYPO_WEIGHT.prefix, MAX_PREFIX_TERMS, opts));
      return lists.length === 1 || !lists[1]!.n ? lists[0]! : lists[0]!.n ? concat(lists[0]!, lists[1]!) : lists[1]!;
    }
    return li.terms.lookup(leaf.term, opts);
  }

  /** Whether an article has the words of a several-word alternative together (see `Alt.phrase`). */
  private together(li: LocaleIndex, slot: number, alt: Alt): boolean {
    const doc = this.docs.get(li.terms.idOf(slot) ?? '');
    const phrase = alt.phrase;
    if (!doc || !phrase) return false;
    return [doc.foldedTitle, doc.foldedKeywords, doc.foldedBody].some((t) => ('han' in phrase ? t.includes(phrase.han) : phrase.latin.test(t)));
  }

  private hit(r: Ranked, locales: Locale[], lists: Map<LocaleIndex, Map<string, PostingList>>): EngineHit {
    const versions = this.groups.get(r.groupId);
    const bestId = r.bestIn.terms.idOf(r.bestSlot)!;
    // The preferred locale's version, even when another version matched best.
    const id = locales.map((l) => versions?.get(l)).find((v): v is string => !!v) ?? bestId;
    const doc = this.docs.get(id)!;
    // The terms the shown version matched; or, when it matched nothing itself, the best version's
    // (folded terms are the same in zh-CN and zh-TW).
    let terms = this.matchedTerms(this.byLocale.get(doc.locale)!, doc.id, lists);
    if (!terms.size) terms = this.matchedTerms(r.bestIn, bestId, lists);
    const at = firstMatch(doc.plain, doc.aligned ? doc.foldedBody : null, terms);
    return { id: doc.id, groupId: r.groupId, locale: doc.locale, score: Math.round(r.score * 1000) / 1000, excerpt: excerptAt(doc.plain, Math.max(0, at)) };
  }

  private matchedTerms(li: LocaleIndex, id: string, lists: Map<LocaleIndex, Map<string, PostingList>>): Set<string> {
    const terms = new Set<string>();
    const slot = li.terms.slotOf(id);
    if (slot === undefined) return terms;
    for (const [key, list] of lists.get(li) ?? []) {
      const i = list.docs.indexOf(slot);
      if (i >= 0 && i < list.n) terms.add(list.terms?.[i] ?? key.slice(key.indexOf(':') + 1));
    }
    return terms;
  }
}

/**
 * A single character in more than 3% of the articles, or any term in more than a quarter of them (and
 * in more than 50), only scores articles that other terms found; see `lookup`. Below 50 articles
 * nothing is restricted, so small knowledge bases rank exactly.
 */
const BROAD_MIN = 50;
const BROAD_CHAR_SHARE = 0.03;
const BROAD_TERM_SHARE = 0.25;

/** Distinct articles in some lists. */
function matchedCount(lists: Iterable<PostingList>, capacity: number): number {
  const seen = new Uint8Array(capacity);
  let count = 0;
  for (const list of lists)
    for (let i = 0; i < list.n; i++) {
      if (seen[list.docs[i]!]) continue;
      seen[list.docs[i]!] = 1;
      count++;
    }
  return count;
}

/** How many of a broad term's best-scoring articles stay candidates. */
const CHAMPIONS = 100;

let selectBuffer = new Float64Array(1024);

/** The k-th largest of the first n scores (quickselect on a copy). */
function kthLargest(scores: Float64Array, n: number, k: number): number {
  if (selectBuffer.length < n) selectBuffer = new Float64Array(n);
  const a = selectBuffer;
  a.set(scores.subarray(0, n));
  const target = n - k;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target]!;
}

/** The postings of a list whose article is in `among`. */
function keep(list: PostingList, among: Uint8Array): PostingList {
  if (!list.n) return list;
  let w = 0;
  for (let i = 0; i < list.n; i++) {
    if (!among[list.docs[i]!]) continue;
    list.docs[w] = list.docs[i]!;
    list.scores[w] = list.scores[i]!;
    list.title[w] = list.title[i]!;
    if (list.terms) list.terms[w] = list.terms[i]!;
    w++;
  }
  list.n = w;
  return list;
}

function leafKey(l: Leaf): string {
  return `${l.gram ? 'g' : 'w'}${l.fuzzy ?? 0}${l.prefix ? 'p' : ''}:${l.term}`;
}

function concat(a: PostingList, b: PostingList): PostingList {
  const n = a.n + b.n;
  const out: PostingList = { n, docs: new Int32Array(n), scores: new Float64Array(n), title: new Uint8Array(n), terms: [...(a.terms ?? []), ...(b.terms ?? [])] };
  out.docs.set(a.docs.subarray(0, a.n));
  out.docs.set(b.docs.subarray(0, b.n), a.n);
  out.scores.set(a.scores.subarray(0, a.n));
  out.scores.set(b.scores.subarray(0, b.n), a.n);
  out.title.set(a.title.subarray(0, a.n));
  out.title.set(b.title.subarray(0, b.n), a.n);
  return out;
}
