/**
 * Per-element localisation.
 *
 * Decision: we do NOT use @lit/localize's runtime. Its locale is global to the page, but an embedded
 * widget must follow its own `lang` attribute, independent of the host page (which may be in another
 * language or use its own i18n) and of other Parley elements on the same page (a console in English
 * beside a chat preview in 繁體中文). So each element owns a small typed catalog
 * (`chat/chat.strings.ts`, `console/console.strings.ts`) and a {@link LocaleController} picks one per
 * element instance. This file holds only the mechanism plus strings both sides render: system
 * events, delivery states and relative times. Catalogs are plain objects of strings and arrow
 * functions, so they tree-shake and cost a few hundred bytes gzip each.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale, LocalizedText, SystemEvent } from '@parley/protocol';

export type { Locale };

/** One locale's strings: plain text, or a function for text with parameters. */
export type Catalog<K extends string = string> = Record<K, string | ((...args: never[]) => string)>;

/** The same keys and signatures in every supported locale (the English catalog defines the shape). */
export type Catalogs<S> = Record<Locale, S>;

/** Arguments of a catalog entry: the function's parameters, or none for plain text. */
export type StringArgs<V> = V extends (...args: infer A) => string ? A : [];

const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'zh-TW'];

/**
 * Maps a BCP 47 tag to a supported locale: Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant*) to
 * zh-TW, any other Chinese to zh-CN, English to en. Returns null for anything else so callers can
 * keep looking (navigator.languages) before falling back to English.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'zh' || t.startsWith('zh-')) {
    if (/^zh-(tw|hk|mo)\b/.test(t) || t.includes('-hant')) return 'zh-TW';
    return 'zh-CN';
  }
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return null;
}

/** Browser preference: first of navigator.languages we support, else English. */
export function navigatorLocale(): Locale {
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const l of langs) {
    const m = matchLocale(l);
    if (m) return m;
  }
  return 'en';
}

/** Closest element carrying a `lang` attribute, the element itself included, crossing shadow roots. */
function closestLang(el: Element): Element | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return null;
}

/**
 * Resolves an element's locale: its own `lang`, else the closest ancestor's `lang` (an unsupported
 * language there still wins over the browser preference: the page said what it is, so English),
 * else navigator.languages.
 */
export function resolveLocale(el: Element): Locale {
  const carrier = closestLang(el);
  const lang = carrier?.getAttribute('lang');
  if (carrier && lang) return matchLocale(lang) ?? 'en';
  return navigatorLocale();
}

/** Picks the best text of a LocalizedText; zh-TW and zh-CN fall back to each other before English. */
export function localized(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  if (locale === 'zh-TW') return text['zh-TW'] ?? text['zh-CN'] ?? text.en;
  if (locale === 'zh-CN') return text['zh-CN'] ?? text['zh-TW'] ?? text.en;
  return text.en;
}

/**
 * ReactiveController giving an element its strings. Re-renders the host when its `lang` (or the
 * ancestor it inherits from) changes, and when the browser's languages change.
 */
export class LocaleController<S extends object> implements ReactiveController {
  private current: Locale = 'en';
  private observer: MutationObserver | null = null;
  private observed: Element | null = null;
  private readonly onLanguageChange = (): void => this.refresh();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly catalogs: Catalogs<S>,
    /**
     * What wins over the browser's languages when nothing on the page names one (`lang` absent or
     * empty): e.g. the ticket page reads in the language the request was written in.
     */
    private readonly fallback: () => Locale | null = () => null,
  ) {
    host.addController(this);
  }

  /** The resolved locale: use it for Intl formatting and for LocalizedText. */
  get locale(): Locale {
    return this.current;
  }

  /** The current catalog, e.g. `this.l10n.s.send` or `this.l10n.s.queuePosition(2, 5)`. */
  get s(): S {
    return this.catalogs[this.current] ?? this.catalogs.en;
  }

  /** Same as reading `s`, for call sites that pick the key dynamically. */
  t<K extends keyof S>(key: K, ...args: StringArgs<S[K]>): string {
    const v = this.s[key] as unknown;
    return typeof v === 'function' ? (v as (...a: unknown[]) => string)(...args) : String(v);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.refresh());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    window.addEventListener('languagechange', this.onLanguageChange);
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.observed = null;
    window.removeEventListener('languagechange', this.onLanguageChange);
  }

  /** Re-resolves the locale; call it when the fallback may have changed. */
  refresh(): void {
    // The host is always watched (it may gain a lang); also watch the ancestor we inherit from.
    const carrier = closestLang(this.host);
    const lang = carrier?.getAttribute('lang');
    const next = carrier && lang ? (matchLocale(lang) ?? 'en') : (this.fallback() ?? navigatorLocale());
    const inherited = carrier === this.host ? null : carrier;
    if (this.observer && inherited !== this.observed) {
      this.observer.disconnect();
      this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
      if (inherited) this.observer.observe(inherited, { attributes: true, attributeFilter: ['lang'] });
      this.observed = inherited;
    }
    if (!LOCALES.includes(next) || next === this.current) return;
    this.current = next;
    this.host.requestUpdate();
  }
}

// ---------- strings shared by the chat and the console ----------

export interface SharedStrings {
  sysQueued: (department: string) => string;
  sysAgentJoined: (name: string) => string;
  sysTransferred: (to: string) => string;
  sysTransferredSomeone: string;
  sysClosedByVisitor: string;
  /** The same event, to the visitor who ended it. */
  sysClosedByYou: string;
  sysClosedByAgent: string;
  sysClosed: string;
  sysRequeued: string;
  /** The visitor came from the help center; either part may be empty. */
  sysFromHelp: (article: string, query: string) => string;
  sysTicketOpened: (number: string, viewer: 'visitor' | 'agent') => string;
  deliverySending: string;
  deliverySent: string;
  deliveryFailed: string;
  /** A message still pending after a few seconds (server slow or unreachable). */
  deliveryDelayed: string;
  justNow: string;
  minutesAgo: (n: number) => string;
  hoursAgo: (n: number) => string;
  daysAgo: (n: number) => string;
}

export const sharedStrings: Catalogs<SharedStrings> = {
  en: {
    sysQueued: (d) => (d ? `Waiting for ${d}` : 'Waiting for a person'),
    sysAgentJoined: (n) => `${n} joined the chat`,
    sysTransferred: (to) => `Transferred to ${to}`,
    sysTransferredSomeone: 'Transferred to a colleague',
    sysClosedByVisitor: 'The visitor ended the chat',
    sysClosedByYou: 'You ended the chat',
    sysClosedByAgent: 'The agent ended the chat',
    sysClosed: 'The chat was closed',
    sysRequeued: 'Back in the queue for the next available person',
    sysFromHelp: (a, q) => `From the help center: ${a ? `“${a}”` : ''}${a && q ? ' · ' : ''}${q ? `searched “${q}”` : ''}`,
    sysTicketOpened: (n, viewer) => (viewer === 'visitor' ? `We opened request ${n} for you: its link is on its way to your email.` : `Ticket ${n} opened from this chat`),
    deliverySending: 'Sending…',
    deliverySent: 'Sent',
    deliveryFailed: 'Not sent',
    deliveryDelayed: 'Sending is delayed; we will keep trying.',
    justNow: 'just now',
    minutesAgo: (n) => `${n} min ago`,
    hoursAgo: (n) => (n === 1 ? '1 hour ago' : `${n} hours ago`),
    daysAgo: (n) => (n === 1 ? 'yesterday' : `${n} days ago`),
  },
  'zh-CN': {
    sysQueued: (d) => (d ? `正在等待${d}` : '正在等待人工客服'),
    sysAgentJoined: (n) => `${n} 加入了对话`,
    sysTransferred: (to) => `已转接给${to}`,
    sysTransferredSomeone: '已转接给其他同事',
    sysClosedByVisitor: '访客结束了对话',
    sysClosedByYou: '您结束了对话',
    sysClosedByAgent: '客服结束了对话',
    sysClosed: '对话已关闭',
    sysRequeued: '已重新排队，等待下一位客服',
    sysFromHelp: (a, q) => `来自帮助中心：${a ? `“${a}”` : ''}${a && q ? ' · ' : ''}${q ? `搜索“${q}”` : ''}`,
    sysTicketOpened: (n, viewer) => (viewer === 'visitor' ? `我们已为您创建工单 ${n}，查看链接已发送到您的邮箱。` : `已从此对话创建工单 ${n}`),
    deliverySending: '发送中…',
    deliverySent: '已发送',
    deliveryFailed: '发送失败',
    deliveryDelayed: '发送延迟，系统会继续重试。',
    justNow: '刚刚',
    minutesAgo: (n) => `${n} 分钟前`,
    hoursAgo: (n) => `${n} 小时前`,
    daysAgo: (n) => (n === 1 ? '昨天' : `${n} 天前`),
  },
  'zh-TW': {
    sysQueued: (d) => (d ? `正在等待${d}` : '正在等待真人客服'),
    sysAgentJoined: (n) => `${n} 加入了對話`,
    sysTransferred: (to) => `已轉接給${to}`,
    sysTransferredSomeone: '已轉接給其他同事',
    sysClosedByVisitor: '訪客結束了對話',
    sysClosedByYou: '您結束了對話',
    sysClosedByAgent: '客服結束了對話',
    sysClosed: '對話已關閉',
    sysRequeued: '已重新排隊，等待下一位客服',
    sysFromHelp: (a, q) => `來自說明中心：${a ? `「${a}」` : ''}${a && q ? ' · ' : ''}${q ? `搜尋「${q}」` : ''}`,
    sysTicketOpened: (n, viewer) => (viewer === 'visitor' ? `我們已為您建立工單 ${n}，查看連結已寄到您的電子郵件。` : `已從此對話建立工單 ${n}`),
    deliverySending: '傳送中…',
    deliverySent: '已傳送',
    deliveryFailed: '傳送失敗',
    deliveryDelayed: '傳送延遲，系統會持續重試。',
    justNow: '剛剛',
    minutesAgo: (n) => `${n} 分鐘前`,
    hoursAgo: (n) => `${n} 小時前`,
    daysAgo: (n) => (n === 1 ? '昨天' : `${n} 天前`),
  },
};

/** Renders a stored system event in the reader's language, from the reader's side (`viewer`). */
export function systemText(s: SharedStrings, event: SystemEvent, locale: Locale, viewer: 'visitor' | 'agent' = 'agent'): string {
  switch (event.kind) {
    case 'queued':
      return s.sysQueued(localized(event.departmentName, locale));
    case 'agent_joined':
      return s.sysAgentJoined(event.name);
    case 'transferred': {
      const to = event.toName ?? localized(event.toDepartment, locale);
      return to ? s.sysTransferred(to) : s.sysTransferredSomeone;
    }
    case 'closed':
      if (event.by === 'visitor') return viewer === 'visitor' ? s.sysClosedByYou : s.sysClosedByVisitor;
      return event.by === 'agent' ? s.sysClosedByAgent : s.sysClosed;
    case 'requeued':
      return s.sysRequeued;
    case 'from_help':
      return s.sysFromHelp(event.articleTitle ?? '', event.query ?? '');
    case 'ticket_opened':
      return s.sysTicketOpened(event.number, viewer);
  }
}

/** Delivery state label for screen readers and the small status under a message. */
export function deliveryText(s: SharedStrings, delivery: 'sending' | 'sent' | 'failed', delayed = false): string {
  if (delivery === 'sending' && delayed) return s.deliveryDelayed;
  return delivery === 'sending' ? s.deliverySending : delivery === 'sent' ? s.deliverySent : s.deliveryFailed;
}

/** "just now", "5 min ago", … relative to `now` (injectable for tests). */
export function relativeTime(s: SharedStrings, iso: string, now: number = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (!(minutes >= 1)) return s.justNow;
  if (minutes < 60) return s.minutesAgo(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return s.hoursAgo(hours);
  return s.daysAgo(Math.floor(hours / 24));
}

/** Clock time of a message in the reader's locale (e.g. "14:05" or "下午2:05"). */
export function clockTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}
