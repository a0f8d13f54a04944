/**
 * The banner's language, without the shared LocaleController (internal/i18n.ts): the banner is built on
 * its own (`vite build --mode banner`, a 15 KB gzip budget) and needs only this much of it. Same rules
 * as matchLocale there: Traditional Chinese tags (zh-TW, zh-HK, zh-MO, zh-Hant*) to zh-TW, other
 * Chinese to zh-CN, English to en, anything else null.
 */
import type { Locale } from '@parley/protocol';

export function matchLocale(tag: string | null | undefined): Locale | null {
  const t = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (t === 'zh' || t.startsWith('zh-')) return /^zh-(tw|hk|mo)\b/.test(t) || t.includes('-hant') ? 'zh-TW' : 'zh-CN';
  return t === 'en' || t.startsWith('en-') ? 'en' : null;
}

/**
 * The page's language as seen from `el`: the closest `lang` (crossing shadow roots; an unsupported one
 * still wins, as English: the page said what it is), else the browser's first supported language.
 */
export function pageLocale(el: Element): Locale {
  for (let node: Node | null = el; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return matchLocale(lang) ?? 'en';
  }
  for (const l of navigator.languages ?? [navigator.language]) {
    const m = matchLocale(l);
    if (m) return m;
  }
  return 'en';
}
