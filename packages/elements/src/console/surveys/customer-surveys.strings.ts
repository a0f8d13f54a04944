/**
 * Strings of the console's customer surveys panel (CSAT and NPS settings and answers). The English
 * catalog defines the shape; the other two must match it key for key.
 */
import type { Locale, SurveyKind } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export interface CustomerStrings {
  settings: string;
  readOnly: string;
  question: Record<SurveyKind, string>;
  language: Record<Locale, string>;
  frequency: string;
  frequencyHint: string;
  afterDays: string;
  afterDaysHint: string;
  save: string;
  saved: string;
  loading: string;
  failed: (message: string) => string;
  responses: string;
  kind: string;
  allKinds: string;
  kindName: Record<SurveyKind, string>;
  noResponses: string;
  colWhen: string;
  colScore: string;
  colComment: string;
  colAbout: string;
  aboutTicket: string;
  aboutChat: string;
  aboutSite: string;
  loadMore: string;
}

const en: CustomerStrings = {
  settings: 'Questions and frequency',
  readOnly: 'Only an admin can change these.',
  question: { csat: 'CSAT question (after a chat or a ticket)', nps: 'NPS question' },
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  frequency: 'Ask one person NPS at most once in this many days',
  frequencyHint: 'Remembered per contact email, else per browser. Empty question texts use the default shown in grey.',
  afterDays: 'Ask returning visitors NPS after this many days (empty: never)',
  afterDaysHint: 'parley.js checks at most once a day, for visitors who have been here this long; the frequency above still applies.',
  save: 'Save',
  saved: 'Survey settings saved.',
  loading: 'Loading…',
  failed: (message) => `Something went wrong: ${message}`,
  responses: 'Latest answers',
  kind: 'Survey',
  allKinds: 'CSAT and NPS',
  kindName: { csat: 'CSAT', nps: 'NPS' },
  noResponses: 'No answers yet.',
  colWhen: 'Answered',
  colScore: 'Score',
  colComment: 'Comment',
  colAbout: 'About',
  aboutTicket: 'A ticket',
  aboutChat: 'A chat',
  aboutSite: 'The company (NPS)',
  loadMore: 'Show more',
};

const zhCN: CustomerStrings = {
  settings: '问题与频率',
  readOnly: '仅管理员可以修改。',
  question: { csat: 'CSAT 问题（对话或工单结束后）', nps: 'NPS 问题' },
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  frequency: '同一人最多每隔多少天询问一次 NPS',
  frequencyHint: '按联系邮箱记录，没有邮箱则按浏览器。问题留空时使用灰色显示的默认文字。',
  afterDays: '访客首次来访多少天后自动询问 NPS（留空：不自动询问）',
  afterDaysHint: 'parley.js 每天最多检查一次，只针对来访已满这么多天的访客；上面的频率限制依然有效。',
  save: '保存',
  saved: '调查设置已保存。',
  loading: '正在加载…',
  failed: (message) => `出错了：${message}`,
  responses: '最新回答',
  kind: '调查',
  allKinds: 'CSAT 与 NPS',
  kindName: { csat: 'CSAT', nps: 'NPS' },
  noResponses: '还没有回答。',
  colWhen: '回答时间',
  colScore: '分数',
  colComment: '留言',
  colAbout: '对象',
  aboutTicket: '工单',
  aboutChat: '对话',
  aboutSite: '公司整体（NPS）',
  loadMore: '显示更多',
};

const zhTW: CustomerStrings = {
  settings: '問題與頻率',
  readOnly: '僅管理員可以修改。',
  question: { csat: 'CSAT 問題（對話或工單結束後）', nps: 'NPS 問題' },
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  frequency: '同一人最多每隔多少天詢問一次 NPS',
  frequencyHint: '依聯絡信箱記錄，沒有信箱則依瀏覽器。問題留空時使用灰色顯示的預設文字。',
  afterDays: '訪客首次來訪多少天後自動詢問 NPS（留空：不自動詢問）',
  afterDaysHint: 'parley.js 每天最多檢查一次，只針對來訪已滿這麼多天的訪客；上面的頻率限制依然有效。',
  save: '儲存',
  saved: '調查設定已儲存。',
  loading: '正在載入…',
  failed: (message) => `發生錯誤：${message}`,
  responses: '最新回答',
  kind: '調查',
  allKinds: 'CSAT 與 NPS',
  kindName: { csat: 'CSAT', nps: 'NPS' },
  noResponses: '還沒有回答。',
  colWhen: '回答時間',
  colScore: '分數',
  colComment: '留言',
  colAbout: '對象',
  aboutTicket: '工單',
  aboutChat: '對話',
  aboutSite: '公司整體（NPS）',
  loadMore: '顯示更多',
};

export const customerStrings: Catalogs<CustomerStrings> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
