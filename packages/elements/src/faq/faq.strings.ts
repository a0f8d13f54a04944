/**
 * <parley-faq>'s catalog. English accessible names are a contract: tests (and the messenger) locate
 * controls by them.
 */
import type { Catalogs } from '../internal/i18n.js';

export interface FaqStrings {
  homeTitle: string;
  searchLabel: string;
  searchPlaceholder: string;
  clearSearch: string;
  topics: string;
  articleCount: (n: number) => string;
  resultsTitle: string;
  results: (n: number) => string;
  noResults: (q: string) => string;
  noResultsHint: string;
  back: string;
  loading: string;
  searching: string;
  emptyKb: string;
  emptyCategory: string;
  loadError: string;
  retry: string;
  notFound: string;
  updated: (date: string) => string;
  otherLanguages: string;
  helpfulQuestion: string;
  yes: string;
  no: string;
  commentLabel: string;
  send: string;
  thanks: string;
  voteFailed: string;
  stillNeedHelp: string;
  chatWithUs: string;
  missingSite: string;
}

export const faqStrings: Catalogs<FaqStrings> = {
  en: {
    homeTitle: 'How can we help?',
    searchLabel: 'Search the help center',
    searchPlaceholder: 'Search for answers',
    clearSearch: 'Clear search',
    topics: 'Browse by topic',
    articleCount: (n) => (n === 1 ? '1 article' : `${n} articles`),
    resultsTitle: 'Search results',
    results: (n) => (n === 1 ? '1 result' : `${n} results`),
    noResults: (q) => `No results for “${q}”`,
    noResultsHint: 'Try other words, or ask us directly.',
    back: 'Back',
    loading: 'Loading…',
    searching: 'Searching…',
    emptyKb: 'There are no help articles yet.',
    emptyCategory: 'There are no articles in this topic yet.',
    loadError: 'This could not be loaded. Check your connection and try again.',
    retry: 'Retry',
    notFound: 'This article is not available.',
    updated: (d) => `Updated ${d}`,
    otherLanguages: 'Also available in',
    helpfulQuestion: 'Was this helpful?',
    yes: 'Yes',
    no: 'No',
    commentLabel: 'What were you looking for? (optional)',
    send: 'Send',
    thanks: 'Thanks for your feedback',
    voteFailed: 'Your feedback was not sent. Please try again.',
    stillNeedHelp: 'Still need help?',
    chatWithUs: 'Chat with us',
    missingSite: 'Missing site key (set the site attribute).',
  },
  'zh-CN': {
    homeTitle: '有什么可以帮您？',
    searchLabel: '搜索帮助中心',
    searchPlaceholder: '搜索答案',
    clearSearch: '清除搜索',
    topics: '按主题浏览',
    articleCount: (n) => `${n} 篇文章`,
    resultsTitle: '搜索结果',
    results: (n) => `${n} 条结果`,
    noResults: (q) => `没有找到与“${q}”相关的结果`,
    noResultsHint: '换个说法试试，或直接问我们。',
    back: '返回',
    loading: '加载中…',
    searching: '搜索中…',
    emptyKb: '暂时还没有帮助文章。',
    emptyCategory: '这个主题下暂时还没有文章。',
    loadError: '加载失败，请检查网络后重试。',
    retry: '重试',
    notFound: '这篇文章不存在或已下线。',
    updated: (d) => `更新于 ${d}`,
    otherLanguages: '其他语言版本',
    helpfulQuestion: '这篇文章对您有帮助吗？',
    yes: '有帮助',
    no: '没帮助',
    commentLabel: '您想找的是什么？（选填）',
    send: '发送',
    thanks: '感谢您的反馈',
    voteFailed: '反馈没有发送成功，请重试。',
    stillNeedHelp: '还需要帮助？',
    chatWithUs: '联系客服',
    missingSite: '缺少站点密钥（请设置 site 属性）。',
  },
  'zh-TW': {
    homeTitle: '有什麼可以幫您？',
    searchLabel: '搜尋說明中心',
    searchPlaceholder: '搜尋答案',
    clearSearch: '清除搜尋',
    topics: '依主題瀏覽',
    articleCount: (n) => `${n} 篇文章`,
    resultsTitle: '搜尋結果',
    results: (n) => `${n} 筆結果`,
    noResults: (q) => `找不到與「${q}」相關的結果`,
    noResultsHint: '換個說法試試，或直接問我們。',
    back: '返回',
    loading: '載入中…',
    searching: '搜尋中…',
    emptyKb: '目前還沒有說明文章。',
    emptyCategory: '這個主題下目前還沒有文章。',
    loadError: '載入失敗，請檢查網路後重試。',
    retry: '重試',
    notFound: '這篇文章不存在或已下架。',
    updated: (d) => `更新於 ${d}`,
    otherLanguages: '其他語言版本',
    helpfulQuestion: '這篇文章對您有幫助嗎？',
    yes: '有幫助',
    no: '沒幫助',
    commentLabel: '您想找的是什麼？（選填）',
    send: '送出',
    thanks: '感謝您的回饋',
    voteFailed: '回饋沒有送出成功，請重試。',
    stillNeedHelp: '還需要協助？',
    chatWithUs: '聯絡客服',
    missingSite: '缺少網站金鑰（請設定 site 屬性）。',
  },
};

/** Each language named in itself, for the links to an article's other versions. */
export const LANGUAGE_NAMES = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' } as const;
