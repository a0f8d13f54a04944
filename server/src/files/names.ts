/**
 * File names as people gave them, made safe to store, to show and to put in a Content-Disposition
 * header: only the last path segment, no control or direction-override characters, no characters
 * Windows refuses in a saved file, bounded length with the extension kept.
 */
import { FILE_LIMITS, TYPE_EXTENSIONS } from './limits.js';

// C0/C1 controls (CR, LF, NUL, tab...), line/paragraph separators, and bidi controls: the last make
// "photo\u202Egnp.exe" read as "photoexe.png".
const INVISIBLE = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WINDOWS_RESERVED = /[<>:"|?*]/g;
/** Longer "extensions" are just a dotted name, not something to keep. */
const MAX_EXTENSION_CHARS = 16;
const FALLBACK = 'file';

/** The name to store: see the module comment. Idempotent; never empty. */
export function cleanFileName(raw: string, maxChars: number = FILE_LIMITS.nameChars): string {
  const segments = String(raw)
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .split(/[/\\]/)
    .map((s) => tidy(s))
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  const last = tidy(segments.at(-1) ?? '');
  return shortenName(last === '' ? FALLBACK : last, maxChars);
}

function tidy(segment: string): string {
  return (
    segment
      .replace(INVISIBLE, '')
      .replace(WINDOWS_RESERVED, '_')
      .replace(/\s+/gu, ' ')
      // Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows.
      .replace(/^[\s.]+|[\s.]+$/gu, '')
  );
}

/** `.ext` (lower case, with the dot) when the name has a plausible extension, else ''. */
export function extensionOf(name: string): string {
  return rawExtension(name).toLowerCase();
}

function rawExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return '';
  const ext = name.slice(dot);
  return Array.from(ext).length <= MAX_EXTENSION_CHARS && !/\s/u.test(ext) ? ext : '';
}

/** At most `maxChars` code points, cutting the base and keeping the extension. */
export function shortenName(name: string, maxChars: number = FILE_LIMITS.nameChars): string {
  const chars = Array.from(name);
  if (chars.length <= maxChars) return name;
  const ext = Array.from(rawExtension(name));
  const base = chars.slice(0, chars.length - ext.length);
  const kept = base
    .slice(0, Math.max(1, maxChars - ext.length))
    .join('')
    .replace(/[\s.]+$/u, '');
  return (kept === '' ? FALLBACK : kept) + ext.join('');
}

/**
 * The name with an extension that matches what the bytes are, appending the sniffed one when it does
 * not: a PNG named `invoice.html`, saved and opened from disk, must not open in a browser as a page.
 */
export function nameForType(name: string, type: string, sniffedExt: string, maxChars: number = FILE_LIMITS.nameChars): string {
  const ext = extensionOf(name).slice(1);
  const accepted = TYPE_EXTENSIONS[type] ?? [sniffedExt];
  if (accepted.includes(ext)) return name;
  return shortenName(`${name}.${sniffedExt}`, maxChars);
}

/** RFC 6266 / 5987: an ASCII `filename` for old clients and the exact UTF-8 name in `filename*`. */
export function contentDisposition(name: string): string {
  const clean = cleanFileName(name);
  // `%` too: some browsers percent-decode the plain parameter.
  const ascii = clean.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
