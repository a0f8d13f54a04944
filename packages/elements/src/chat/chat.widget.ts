/**
 * The site's launcher settings (console Site tab: colour, side, offset), applied to a chat or messenger
 * host once its site info arrives. What the host page set itself in CSS wins: a property is only set
 * when the page left it unset, or when it was set here before.
 */
import type { Locale, LocaleTexts, SiteWidget } from '@parley/protocol';

const OURS = 'parleyWidget';

export function applyWidget(host: HTMLElement, widget: SiteWidget | undefined): void {
  if (!widget) return;
  const key = `${widget.colour}|${widget.position}|${widget.offset}`;
  if (host.dataset[OURS] === key) return;
  const ours = host.dataset[OURS] !== undefined;
  const computed = getComputedStyle(host);
  const props: Array<[string, string]> = [
    ['--parley-accent', widget.colour],
    // The console warns when white text on the colour is hard to read; the dark theme's default text colour would not fit it.
    ['--parley-accent-contrast', '#fff'],
    ['--parley-offset', `${widget.offset}px`],
  ];
  for (const [prop, value] of props) {
    if (ours || !computed.getPropertyValue(prop).trim()) host.style.setProperty(prop, value);
  }
  if (ours || !host.hasAttribute('position')) host.setAttribute('position', widget.position);
  host.dataset[OURS] = key;
}

/**
 * The site's text for this language, the other Chinese script before nothing; never English for a
 * Chinese reader (the built-in text in their language reads better than someone else's language).
 */
export function widgetText(texts: LocaleTexts | undefined, locale: Locale): string | undefined {
  if (!texts) return undefined;
  if (locale === 'zh-CN') return texts['zh-CN'] ?? texts['zh-TW'];
  if (locale === 'zh-TW') return texts['zh-TW'] ?? texts['zh-CN'];
  return texts.en;
}
