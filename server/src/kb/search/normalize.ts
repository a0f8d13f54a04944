/**
 * Text folding shared by indexing and querying: whatever a visitor types and whatever an author wrote
 * must land on the same characters before tokenizing, or the index cannot match them.
 *
 * - NFKC turns full-width Latin and digits (ＲＥＦＵＮＤ１２) and compatibility forms into plain ones.
 * - Case folding by `toLowerCase`.
 * - 简体 and 繁體 fold to one script with opencc-js. Measured on 48 CN/TW word pairs of support
 *   vocabulary (帳號/账号, 軟體/软件, 簡訊/短信, 登入/登录, 查詢/查询, 資料/资料 ...): plain
 *   character conversion (`tw`, `t` or `hk` -> `cn`) folds 19 of them together, because Taiwan uses
 *   different *words* (軟體 -> 软体, not 软件). Taiwan-phrase conversion alone (`twp` -> `cn`) folds 34
 *   but breaks words that zh-CN text also uses (查詢 -> 查找 while zh-CN writes 查询). A round trip,
 *   simplified -> Taiwan phrases -> simplified, applied to every text whatever its script, folds 39:
 *   both versions go through the same phrase table, so they meet even where the table is odd. The
 *   remaining pairs are different words (保固/保修, 點數/积分) and belong to the synonym table.
 * - 帐 -> 账: Taiwan's 帳號/帳戶/結帳 come back as 帐号/帐户/结帐 while zh-CN writes 账号/账户/结账; in a
 *   support knowledge base 帐 (tent, curtain) is far rarer than the misuse, so the character folds.
 */
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;
let toTaiwan: Convert | undefined;
let toSimplified: Convert | undefined;
let traditionalChars: Convert | undefined;
let simplifiedChars: Convert | undefined;

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;
/** C0/C1 controls, lone surrogates, private use and unassigned code points: never content, sometimes hostile. */
const JUNK = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * At most `max` code points of `text` (never splits a surrogate pair), with control and invisible
 * characters turned into spaces.
 */
export function clean(text: string, max: number): string {
  let s = typeof text === 'string' ? text : '';
  // Cut on UTF-16 length first so a 10 MB string costs nothing; 2 units per code point at most.
  if (s.length > max * 2) s = s.slice(0, max * 2);
  s = s.replace(JUNK, ' ');
  const points = Array.from(s);
  return points.length > max ? points.slice(0, max).join('') : s;
}

/** NFKC, lower case, one Chinese script (see the file comment). Latin-only text skips OpenCC. */
export function fold(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (!HAN.test(s)) return s;
  toTaiwan ??= OpenCC.Converter({ from: 'cn', to: 'twp' });
  toSimplified ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  s = toSimplified(toTaiwan(s));
  return s.replace(/帐/g, '账');
}

/**
 * The text as typed, in 简体 and in 繁體 (Latin text: just itself): for plain substring search over text
 * stored as written (tickets), where a 简体 query must still find a 繁體 message and the reverse.
 */
export function scriptVariants(text: string): string[] {
  if (!HAN.test(text)) return [text];
  toTaiwan ??= OpenCC.Converter({ from: 'cn', to: 'twp' });
  toSimplified ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  return [...new Set([text, toSimplified(text), toTaiwan(text)])];
}

/**
 * Han characters of `text` that exist only in the traditional script, and those that exist only in
 * the simplified one (characters common to both count for neither). Decides zh-TW vs zh-CN when the
 * conversation locale cannot.
 */
export function scriptVotes(text: string): { traditional: number; simplified: number } {
  traditionalChars ??= OpenCC.Converter({ from: 't', to: 'cn' });
  simplifiedChars ??= OpenCC.Converter({ from: 'cn', to: 't' });
  let traditional = 0;
  let simplified = 0;
  for (const ch of text.match(HAN_G) ?? []) {
    if (traditionalChars(ch) !== ch) traditional++;
    else if (simplifiedChars(ch) !== ch) simplified++;
  }
  return { traditional, simplified };
}
