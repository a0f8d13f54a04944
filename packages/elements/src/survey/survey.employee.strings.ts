import type { Catalogs } from '../internal/i18n.js';

/** What <parley-survey>'s employee mode says around the survey's own texts (which the server sends in the employee's language). */
export interface EmployeeSurveyStrings {
  listTitle: string;
  loading: string;
  none: string;
  questions: (n: number) => string;
  closes: (date: string) => string;
  anonymous: string;
  required: string;
  requiredMark: string;
  ratingLow: string;
  ratingHigh: string;
  ratingLabel: (n: number) => string;
  textHint: string;
  send: string;
  sending: string;
  back: string;
  fixErrors: (n: number) => string;
  answerThis: string;
  thanks: string;
  recorded: string;
  already: string;
  gone: string;
  tokenError: string;
  loadError: string;
  retry: string;
  network: string;
  rateLimited: string;
  serverDown: string;
  missing: string;
}

export const employeeSurveyStrings: Catalogs<EmployeeSurveyStrings> = {
  en: {
    listTitle: 'Surveys for you',
    loading: 'Loading…',
    none: 'There is no survey for you to answer right now.',
    questions: (n) => (n === 1 ? '1 question' : `${n} questions`),
    closes: (d) => `open until ${d}`,
    anonymous: 'Your answers are anonymous: they are stored without your name, and results are shown only for groups of at least 5 people. You can answer once.',
    required: 'Required',
    requiredMark: '(required)',
    ratingLow: '1 – Very poor',
    ratingHigh: '5 – Very good',
    ratingLabel: (n) => ['1 – Very poor', '2 – Poor', '3 – Fair', '4 – Good', '5 – Very good'][n - 1] ?? String(n),
    textHint: 'Up to 2,000 characters.',
    send: 'Send my answers',
    sending: 'Sending…',
    back: 'Back to the surveys',
    fixErrors: (n) => (n === 1 ? 'One question needs an answer.' : `${n} questions need an answer.`),
    answerThis: 'Please answer this question.',
    thanks: 'Thank you!',
    recorded: 'Your answers were recorded anonymously.',
    already: 'You have already answered this survey. Thank you!',
    gone: 'This survey is not open for you (it may have closed).',
    tokenError: 'Your intranet sign-in could not be checked. Reload the page to try again.',
    loadError: 'The survey could not be loaded.',
    retry: 'Try again',
    network: 'No connection to the server. Your answers are still here; try again.',
    rateLimited: 'Too many attempts. Please wait a moment and try again.',
    serverDown: 'The server is having trouble. Please try again shortly.',
    missing: 'This survey needs the intranet sign-in (employee-token-url) and a site.',
  },
  'zh-CN': {
    listTitle: '您的调查问卷',
    loading: '加载中…',
    none: '目前没有需要您填写的调查。',
    questions: (n) => `${n} 个问题`,
    closes: (d) => `截止于 ${d}`,
    anonymous: '您的回答是匿名的：保存时不含您的姓名，结果仅在不少于 5 人的群体中显示。每人只能填写一次。',
    required: '必答',
    requiredMark: '（必答）',
    ratingLow: '1 – 很差',
    ratingHigh: '5 – 很好',
    ratingLabel: (n) => ['1 – 很差', '2 – 较差', '3 – 一般', '4 – 较好', '5 – 很好'][n - 1] ?? String(n),
    textHint: '最多 2,000 个字符。',
    send: '提交回答',
    sending: '提交中…',
    back: '返回调查列表',
    fixErrors: (n) => `有 ${n} 个问题需要回答。`,
    answerThis: '请回答此问题。',
    thanks: '谢谢！',
    recorded: '您的回答已匿名记录。',
    already: '您已经填写过此调查。谢谢！',
    gone: '此调查未向您开放（可能已结束）。',
    tokenError: '无法验证您的内网登录。请刷新页面重试。',
    loadError: '无法加载调查。',
    retry: '重试',
    network: '无法连接服务器。您的回答仍保留在此，请重试。',
    rateLimited: '尝试次数过多，请稍后再试。',
    serverDown: '服务器出现问题，请稍后再试。',
    missing: '此调查需要内网登录（employee-token-url）和站点。',
  },
  'zh-TW': {
    listTitle: '您的調查問卷',
    loading: '載入中…',
    none: '目前沒有需要您填寫的調查。',
    questions: (n) => `${n} 個問題`,
    closes: (d) => `截止於 ${d}`,
    anonymous: '您的回答是匿名的：儲存時不含您的姓名，結果僅在不少於 5 人的群體中顯示。每人只能填寫一次。',
    required: '必答',
    requiredMark: '（必答）',
    ratingLow: '1 – 很差',
    ratingHigh: '5 – 很好',
    ratingLabel: (n) => ['1 – 很差', '2 – 較差', '3 – 普通', '4 – 較好', '5 – 很好'][n - 1] ?? String(n),
    textHint: '最多 2,000 個字元。',
    send: '送出回答',
    sending: '送出中…',
    back: '返回調查列表',
    fixErrors: (n) => `有 ${n} 個問題需要回答。`,
    answerThis: '請回答此問題。',
    thanks: '謝謝！',
    recorded: '您的回答已匿名記錄。',
    already: '您已經填寫過此調查。謝謝！',
    gone: '此調查未向您開放（可能已結束）。',
    tokenError: '無法驗證您的內網登入。請重新整理頁面再試。',
    loadError: '無法載入調查。',
    retry: '重試',
    network: '無法連線到伺服器。您的回答仍保留在此，請再試一次。',
    rateLimited: '嘗試次數過多，請稍後再試。',
    serverDown: '伺服器發生問題，請稍後再試。',
    missing: '此調查需要內網登入（employee-token-url）和站點。',
  },
};
