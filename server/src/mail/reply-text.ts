/**
 * The new part of an emailed reply: what the customer wrote, without the history their mail client
 * quoted below (or above) it. Works on the plain-text part, line by line, and knows the markers of the
 * common clients in English and Chinese:
 *
 *   Gmail, Apple Mail, Thunderbird   On <date>, <name> wrote:            then "> " lines
 *   Outlook                          -----Original Message-----          then the old mail, unmarked
 *   Outlook (newer), Foxmail         From: ... / Sent: ...  (发件人: / 发送时间:, 寄件者: / 寄件日期:)
 *   QQ Mail, NetEase                 ------------------ 原始邮件 ------------------
 *   Chinese clients                  在 <date>，<name> 写道：  /  於 <date>，<name> 寫道：
 *
 * An attribution followed by "> " lines is removed with those lines, keeping anything written after
 * them (bottom posting); a marker whose history is not prefixed cuts everything below it.
 */

export const MAX_REPLY_CHARS = 20_000;

/** "On Tue, 1 Dec 2026 at 10:00, Parley <support@x> wrote:" may be wrapped over up to three lines. */
const ATTRIBUTION_END = /(wrote|writes|a écrit|schrieb|escribió|写道|寫道|來信|来信)\s*[:：]\s*$/i;
const ATTRIBUTION_START = /^\s*(On\s|Le\s|Am\s|El\s|在|於|于|\d{4}\s*[-/年.]|\d{1,2}\s*[/.]|(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s)/i;

/** Lines that start the old mail outright, with no ">" on what follows. */
const SEPARATORS = [
  /^\s*-{2,}\s*(Original Message|Forwarded message|原始邮件|原始郵件|原始信件|原邮件|原郵件|转发邮件|轉寄郵件)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
];

/** Outlook's header block: a From line followed closely by a Sent/Date line. */
const HEADER_FROM = /^\s*\*?(From|发件人|發件人|寄件者|寄件人)\s*\*?\s*[:：]/i;
const HEADER_SENT = /^\s*\*?(Sent|Date|发送时间|發送時間|傳送時間|寄件日期|日期|时间|時間)\s*\*?\s*[:：]/i;

const isQuoted = (line: string) => /^\s*>/.test(line);
const isBlank = (line: string) => line.trim() === '';

/** If an attribution starts at line i, the index of its last line; otherwise -1. */
function attributionEnd(lines: string[], i: number): number {
  // A line ending in "wrote:" alone could be the customer's own words; a date or an address says otherwise.
  if (!ATTRIBUTION_START.test(lines[i]!) && !(ATTRIBUTION_END.test(lines[i]!) && /@|\d{4}/.test(lines[i]!))) return -1;
  let joined = '';
  for (let j = i; j < Math.min(lines.length, i + 3); j++) {
    if (j > i && isBlank(lines[j]!)) break;
    joined += (j > i ? ' ' : '') + lines[j]!.trim();
    if (joined.length > 400) break;
    if (ATTRIBUTION_END.test(joined)) return j;
  }
  return -1;
}

function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!)) return false;
  for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (HEADER_SENT.test(lines[j]!)) return true;
  return false;
}

/** The reply's own text: history removed, blank runs squeezed, trimmed, at most 20,000 characters. */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SEPARATORS.some((re) => re.test(line)) || isHeaderBlock(lines, i)) break;
    const end = attributionEnd(lines, i);
    if (end >= 0) {
      let k = end + 1;
      while (k < lines.length && isBlank(lines[k]!)) k++;
      // Unmarked history under the attribution (some clients): nothing after it is the customer's.
      if (k < lines.length && !isQuoted(lines[k]!)) break;
      i = end;
      continue;
    }
    if (isQuoted(line)) continue;
    kept.push(line);
  }
  const squeezed = kept
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return squeezed.length <= MAX_REPLY_CHARS ? squeezed : squeezed.slice(0, MAX_REPLY_CHARS).trimEnd();
}
