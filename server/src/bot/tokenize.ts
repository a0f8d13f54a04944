/**
 * Search tokens for mixed Chinese and English text. CJK has no spaces, so Han runs become character
 * bigrams (a single character stays a unigram); Latin runs become lower-cased words with a crude
 * plural strip. Good enough for a short FAQ; swap in pg_trgm or a real search engine for more.
 */
const RUN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

const STOP = new Set([
  'a', 'an', 'the', 'is', 'are', 'am', 'do', 'does', 'did', 'i', 'you', 'we', 'my', 'your', 'our', 'to', 'of', 'in', 'on', 'for', 'and',
  'or', 'it', 'can', 'how', 'what', 'which', 'me', 'be', 'with', 'at', 'this', 'that', 'there', 'hi', 'hello', 'please', 'get',
  // Frequent bigrams of Chinese questions that say nothing about the topic.
  '如何', '怎么', '怎麼', '什么', '什麼', '需要', '多久', '你们', '你們', '我的', '哪些', '哪里', '哪裡', '可以', '请问', '請問', '我想', '一下',
]);

export function isHan(text: string): boolean {
  return HAN.test(text);
}

/** Lower-cased Latin words (no stemming) of a text: for whole-word checks such as handoff words. */
export function words(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(RUN) ?? []).filter((w) => !isHan(w));
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().match(RUN) ?? []) {
    if (isHan(run)) {
      const chars = [...run];
      if (chars.length === 1) out.push(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else {
      const word = run.length > 3 && run.endsWith('s') && !run.endsWith('ss') ? run.slice(0, -1) : run;
      if (word.length > 1) out.push(word);
    }
  }
  return out.filter((t) => !STOP.has(t));
}
