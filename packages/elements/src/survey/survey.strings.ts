import type { Catalogs } from '../internal/i18n.js';

/** What <parley-survey> says around the server's question (which arrives in the invitation's language). */
export interface SurveyStrings {
  title: string;
  loading: string;
  /** Spoken labels of the CSAT scale, 1 to 5. */
  csat: readonly [string, string, string, string, string];
  npsLow: string;
  npsHigh: string;
  commentCsat: string;
  commentNps: string;
  commentHint: string;
  send: string;
  sending: string;
  chooseScore: string;
  thanks: string;
  yourScore: (label: string) => string;
  yourComment: string;
  changeUntil: (time: string) => string;
  change: string;
  cancel: string;
  gone: string;
  loadError: string;
  retry: string;
  network: string;
  rateLimited: string;
  serverDown: string;
  missing: string;
}

export const surveyStrings: Catalogs<SurveyStrings> = {
  en: {
    title: 'Your feedback',
    loading: 'Loading…',
    csat: ['1 – Very dissatisfied', '2 – Dissatisfied', '3 – Neutral', '4 – Satisfied', '5 – Very satisfied'],
    npsLow: '0 – Not at all likely',
    npsHigh: '10 – Extremely likely',
    commentCsat: 'Anything you would like to add? (optional)',
    commentNps: 'What is the main reason for your score? (optional)',
    commentHint: 'Up to 2,000 characters.',
    send: 'Send',
    sending: 'Sending…',
    chooseScore: 'Please choose a score.',
    thanks: 'Thank you for your answer!',
    yourScore: (l) => `Your answer: ${l}`,
    yourComment: 'Your comment:',
    changeUntil: (t) => `You can change it until ${t}.`,
    change: 'Change my answer',
    cancel: 'Cancel',
    gone: 'This survey link is unknown or has expired.',
    loadError: 'The survey could not be loaded.',
    retry: 'Try again',
    network: 'Cannot reach the server. Please check your connection and try again.',
    rateLimited: 'Too many requests. Please wait a moment and try again.',
    serverDown: 'Something went wrong on our side. Please try again later.',
    missing: 'This survey needs a token, or type="nps" with a site key.',
  },
  'zh-CN': {
    title: '您的反馈',
    loading: '加载中…',
    csat: ['1 – 非常不满意', '2 – 不满意', '3 – 一般', '4 – 满意', '5 – 非常满意'],
    npsLow: '0 – 完全不可能',
    npsHigh: '10 – 极有可能',
    commentCsat: '还有什么想补充的吗？（选填）',
    commentNps: '您给出这个分数的主要原因是什么？（选填）',
    commentHint: '最多 2,000 个字符。',
    send: '提交',
    sending: '提交中…',
    chooseScore: '请选择一个分数。',
    thanks: '感谢您的回答！',
    yourScore: (l) => `您的回答：${l}`,
    yourComment: '您的留言：',
    changeUntil: (t) => `您可以在 ${t} 之前修改。`,
    change: '修改我的回答',
    cancel: '取消',
    gone: '此调查链接无效或已过期。',
    loadError: '无法加载调查。',
    retry: '重试',
    network: '无法连接服务器，请检查网络后重试。',
    rateLimited: '请求过于频繁，请稍后再试。',
    serverDown: '我们这边出了点问题，请稍后再试。',
    missing: '此调查需要 token，或 type="nps" 并提供站点密钥。',
  },
  'zh-TW': {
    title: '您的意見',
    loading: '載入中…',
    csat: ['1 – 非常不滿意', '2 – 不滿意', '3 – 普通', '4 – 滿意', '5 – 非常滿意'],
    npsLow: '0 – 完全不可能',
    npsHigh: '10 – 極有可能',
    commentCsat: '還有什麼想補充的嗎？（選填）',
    commentNps: '您給出這個分數的主要原因是什麼？（選填）',
    commentHint: '最多 2,000 個字元。',
    send: '送出',
    sending: '送出中…',
    chooseScore: '請選擇一個分數。',
    thanks: '感謝您的回答！',
    yourScore: (l) => `您的回答：${l}`,
    yourComment: '您的留言：',
    changeUntil: (t) => `您可以在 ${t} 之前修改。`,
    change: '修改我的回答',
    cancel: '取消',
    gone: '此調查連結無效或已過期。',
    loadError: '無法載入調查。',
    retry: '重試',
    network: '無法連線到伺服器，請檢查網路後重試。',
    rateLimited: '請求過於頻繁，請稍後再試。',
    serverDown: '我們這邊出了點問題，請稍後再試。',
    missing: '此調查需要 token，或 type="nps" 並提供網站金鑰。',
  },
};

/** The label a score is read with: the CSAT words, or the NPS end labels (plain numbers between). */
export function scoreLabel(s: SurveyStrings, kind: 'csat' | 'nps', score: number): string {
  if (kind === 'csat') return s.csat[score - 1] ?? String(score);
  return score === 0 ? s.npsLow : score === 10 ? s.npsHigh : String(score);
}
