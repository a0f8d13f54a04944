/**
 * Tokenizer for folded text (see normalize.ts). Latin runs become Porter stems; Han runs are segmented
 * by jieba and indexed as words and/or character bigrams, depending on `Segmentation`.
 *
 * Measured on the evaluation set's 154 Chinese questions (`pnpm eval:search -- --compare`), precision
 * at 3 / top 1: jieba words 88.7% / 76.6%, jieba search mode 91.9 / 80.6, bigrams 91.1 / 80.6,
 * search mode + bigrams 92.7 / 81.5, bigrams + single characters 97.6 / 87.1 (HMM on changes little).
 * Words fail when a question and an article segment the same text differently (退货运费 comes out
 * 退/货运费); bigrams do not depend on segmentation, and single characters let colloquial one-character
 * words (改, 退, 丢) reach the two-character words articles use. So articles are indexed as bigrams and
 * characters, and jieba still does what it is good at: finding stop words and synonym words in a
 * question, which become its concepts (query.ts).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { stemmer } from 'stemmer';
import { fold } from './normalize.js';
import { EN_STOP, WEAK, ZH_STOP } from './stopwords.js';
import { SYNONYM_GROUPS } from './synonyms.js';

/**
 * - `words`: jieba's words only (precise mode).
 * - `search`: jieba's search mode: a long word also yields its dictionary sub-words (优惠券 -> 优惠, 优惠券).
 * - `bigrams`: overlapping character bigrams of the content between stop words (the default).
 * - `search+bigrams`: search-mode words, plus bigrams in separate, lower-weighted fields.
 */
export type Segmentation = 'words' | 'search' | 'bigrams' | 'search+bigrams';

export interface AnalyzerOptions {
  segmentation: Segmentation;
  /** jieba's HMM guesses unknown words; off by default: it glues filler to content (我想, 我查) in questions. */
  hmm: boolean;
  /**
   * Also index single Han characters, so a one-character word of a question (改, 退, 丢) can match
   * the two-character words articles use (修改, 退货, 丢失), at a lower weight and credit.
   */
  unigrams: boolean;
}

export const DEFAULT_ANALYZER: AnalyzerOptions = { segmentation: 'bigrams', hmm: false, unigrams: true };

/** Longest Latin token kept: longer "words" are junk (hashes, 10 kB of one letter) and would make fuzzy matching slow. */
const MAX_WORD = 32;
/** A Han run, or a word of any other script (letters, digits, inner apostrophes and hyphens). */
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+(?:['’\-](?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)*/gu;
const HAN_START = /^\p{Script=Han}/u;
const ASCII_WORD = /^[a-z]+$/;

/**
 * Frequency given to the synonym table's Chinese forms in jieba's dictionary. jieba knows 寄回 with a
 * frequency of 3, so it cuts 寄回去 as 寄/回去 and the synonym never matches; as a domain word of its
 * own it comes out whole in questions and articles alike. Search mode still yields the sub-words.
 */
const DOMAIN_WORD_FREQ = 20_000;

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (jieba) return jieba;
  jieba = Jieba.withDict(dict);
  const words = new Set<string>();
  for (const group of SYNONYM_GROUPS) for (const form of group) if (/^\p{Script=Han}{2,}$/u.test(form)) words.add(fold(form));
  jieba.loadDict(Buffer.from([...words].map((w) => `${w} ${DOMAIN_WORD_FREQ}`).join('\n')));
  return jieba;
}

const stems = new Map<string, string>();
/** Bounds the memo of stems (articles and questions reuse a small vocabulary; junk must not grow it forever). */
const MAX_STEMS = 50_000;

/** Porter stem of an ASCII word; other words (digits, accents, other scripts) stay as they are. */
export function stem(word: string): string {
  if (word.length <= 2 || !ASCII_WORD.test(word)) return word;
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, (s = stemmer(word)));
  }
  return s;
}

/**
 * The words of a Latin run: apostrophes dropped (don't -> dont, a stop word), hyphenated short
 * prefixes joined (e-mail -> email, log-in -> login), other hyphens split.
 */
export function latinWords(run: string): string[] {
  const parts = run.replace(/['’]/g, '').split('-').filter(Boolean);
  if (parts.length > 1 && parts.some((p) => p.length <= 2) && parts.length <= 3) return [parts.join('')];
  return parts;
}

export interface Token {
  /** The stemmed / segmented term. */
  term: string;
  /** The unstemmed lower-case word (Latin), for typo candidates. */
  raw: string;
  han: boolean;
  stop: boolean;
  /** An interrogative (where, 哪里): searched, but weighs nothing for confidence. */
  weak: boolean;
}

/** A run of Han text split into jieba words (precise mode), stop words marked. */
export function hanWords(run: string, hmm: boolean): Token[] {
  return segmenter()
    .cut(run, hmm)
    .map((w) => ({ term: w, raw: w, han: true, stop: ZH_STOP.has(w), weak: WEAK.has(w) }));
}

/** Every token of a folded text in order, stop words included and marked. */
export function tokens(folded: string, hmm: boolean): Token[] {
  const out: Token[] = [];
  for (const run of folded.match(RUN) ?? []) {
    if (HAN_START.test(run)) {
      out.push(...hanWords(run, hmm));
      continue;
    }
    for (const raw of latinWords(run)) {
      if (raw.length > MAX_WORD) continue;
      if (raw.length < 2 && !/\d/.test(raw)) continue;
      // "how long" asks for a duration like 多久 does; neither names a topic.
      const filler = raw === 'long' && out.at(-1)?.raw === 'how';
      const term = stem(raw);
      out.push({ term, raw, han: false, stop: filler || EN_STOP.has(raw) || EN_STOP.has(term), weak: WEAK.has(raw) });
    }
  }
  return out;
}

/** Overlapping bigrams of a string of Han characters; a single character stays a unigram. */
export function bigrams(chars: string[]): string[] {
  if (chars.length === 1) return [chars[0]!];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * Content pieces of a token list for bigramming: maximal sequences of adjacent non-stop Han words,
 * as character arrays. Stop words split pieces so 怎么退款 gives 退款 and not 么退.
 */
export function hanPieces(toks: Token[]): string[][] {
  const pieces: string[][] = [];
  let cur: string[] = [];
  for (const t of toks) {
    if (t.han && !t.stop) cur.push(...t.term);
    else if (cur.length) {
      pieces.push(cur);
      cur = [];
    }
  }
  if (cur.length) pieces.push(cur);
  return pieces;
}

export interface DocTerms {
  /** Terms for the word fields (title, body, keywords). */
  words: string[];
  /** Han bigrams for the gram fields (only with `search+bigrams`). */
  grams: string[];
}

/** Index-side analysis of one folded field. */
export function analyzeDoc(folded: string, opts: AnalyzerOptions): DocTerms {
  const toks = tokens(folded, opts.hmm);
  const words: string[] = [];
  const grams: string[] = [];
  const seg = opts.segmentation;
  for (const t of toks) {
    if (t.stop) continue;
    if (!t.han) words.push(t.term);
    else if (seg === 'words') words.push(t.term);
    else if (seg === 'search' || seg === 'search+bigrams') {
      for (const w of searchParts(t.term, opts.hmm)) if (!ZH_STOP.has(w)) words.push(w);
    }
  }
  if (seg === 'bigrams' || seg === 'search+bigrams') {
    const target = seg === 'bigrams' ? words : grams;
    for (const piece of hanPieces(toks)) {
      target.push(...bigrams(piece));
      if (opts.unigrams && piece.length > 1) target.push(...piece);
    }
  }
  return { words, grams };
}

/** jieba's search-mode parts of one word: the word plus its dictionary sub-words of 2+ characters. */
export function searchParts(word: string, hmm: boolean): string[] {
  if ([...word].length < 3) return [word];
  return segmenter().cutForSearch(word, hmm);
}
