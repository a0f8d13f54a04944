/**
 * <parley-feedback>'s catalog. English labels and button names are a contract: tests (and the
 * messenger's) find controls by them.
 */
import type { Catalogs } from '../internal/i18n.js';

export interface FeedbackStrings {
  title: string;
  offlineTitle: string;
  offlineIntro: string;
  employeeIntro: string;
  required: string;
  category: string;
  chooseCategory: string;
  subject: string;
  message: string;
  name: string;
  nameOptional: string;
  email: string;
  emailUpdates: string;
  emailHint: string;
  attachments: string;
  attachmentsHint: string;
  chosenFiles: string;
  remove: (file: string) => string;
  anonymous: string;
  anonymousHint: string;
  send: string;
  sending: string;
  loading: string;
  loadError: string;
  retry: string;
  noCategories: string;
  missingSite: string;
  // field errors
  needCategory: string;
  needSubject: string;
  needMessage: string;
  needEmail: string;
  badEmail: string;
  tooMany: (file: string, max: number) => string;
  tooBig: (file: string, size: string, max: string) => string;
  wrongType: (file: string) => string;
  emptyFile: (file: string) => string;
  checkFields: (n: number) => string;
  // submit errors
  rateLimited: string;
  network: string;
  serverDown: string;
  // success
  received: (number: string) => string;
  aimBy: (by: string, within: string) => string;
  hours: (n: number) => string;
  minutes: (n: number) => string;
  privateLink: string;
  copy: string;
  openLink: string;
  copied: string;
  copyFailed: string;
  emailed: (address: string) => string;
  onlyWayBack: string;
  keepLink: string;
  sendAnother: string;
}

export const feedbackStrings: Catalogs<FeedbackStrings> = {
  en: {
    title: 'Send us feedback',
    offlineTitle: 'Leave us a message',
    offlineIntro: 'Nobody can chat right now. Leave a message and we will answer by email.',
    employeeIntro: 'Your message goes to the team responsible.',
    required: 'required',
    category: 'Topic',
    chooseCategory: 'Choose a topic',
    subject: 'Subject',
    message: 'Message',
    name: 'Name',
    nameOptional: 'Name (optional)',
    email: 'Email',
    emailUpdates: 'Email me updates (optional)',
    emailHint: 'We answer to this address.',
    attachments: 'Attachments (optional)',
    attachmentsHint: 'Up to 5 images (PNG, JPEG, GIF, WebP) or PDFs, 10 MB each.',
    chosenFiles: 'Attached files',
    remove: (f) => `Remove ${f}`,
    anonymous: 'Send anonymously',
    anonymousHint:
      'Nothing that identifies you is kept: not your name, email or account. The private link you get after sending is the only way back to your message and its answers.',
    send: 'Send',
    sending: 'Sending…',
    loading: 'Loading…',
    loadError: 'The form could not be loaded. Check your connection and try again.',
    retry: 'Retry',
    noCategories: 'This form is not available right now.',
    missingSite: 'Missing site key (set the site attribute).',
    needCategory: 'Choose a topic.',
    needSubject: 'Enter a subject.',
    needMessage: 'Write your message.',
    needEmail: 'Enter your email address so we can answer you.',
    badEmail: 'Enter a valid email address, such as name@example.com.',
    tooMany: (f, max) => `“${f}” was not added: at most ${max} files can be attached.`,
    tooBig: (f, size, max) => `“${f}” is ${size}; a file can be at most ${max}.`,
    wrongType: (f) => `“${f}” is not an image (PNG, JPEG, GIF or WebP) or a PDF.`,
    emptyFile: (f) => `“${f}” is empty.`,
    checkFields: (n) => (n === 1 ? 'Please check the highlighted field.' : `Please check the ${n} highlighted fields.`),
    rateLimited: 'Too many requests right now. Please try again later; what you wrote is kept.',
    network: 'We could not reach the server. Nothing you wrote is lost: try again when you are back online.',
    serverDown: 'Something went wrong on our side. Nothing you wrote is lost: please try again.',
    received: (n) => `Your request ${n} was received`,
    aimBy: (by, within) => `We aim to answer by ${by} (within ${within}, counted in business hours).`,
    hours: (n) => (n === 1 ? '1 hour' : `${n} hours`),
    minutes: (n) => (n === 1 ? '1 minute' : `${n} minutes`),
    privateLink: 'Your private link',
    copy: 'Copy',
    openLink: 'Open your request',
    copied: 'Copied',
    copyFailed: 'Could not copy; the link is selected, copy it with your keyboard.',
    emailed: (a) => `We also emailed this link to ${a}.`,
    onlyWayBack: 'Keep this link: it is the only way back to your message. We kept nothing that identifies you, so we cannot send it to you.',
    keepLink: 'Keep this link to follow your request.',
    sendAnother: 'Send another',
  },
  'zh-CN': {
    title: '给我们留言',
    offlineTitle: '给我们留言',
    offlineIntro: '现在没有客服在线。请留言，我们会通过邮件答复您。',
    employeeIntro: '您的留言会送到负责的团队。',
    required: '必填',
    category: '类别',
    chooseCategory: '请选择类别',
    subject: '主题',
    message: '内容',
    name: '姓名',
    nameOptional: '姓名（选填）',
    email: '邮箱',
    emailUpdates: '通过邮件接收进展（选填）',
    emailHint: '我们会回复到这个地址。',
    attachments: '附件（选填）',
    attachmentsHint: '最多 5 个图片（PNG、JPEG、GIF、WebP）或 PDF 文件，每个不超过 10 MB。',
    chosenFiles: '已添加的附件',
    remove: (f) => `移除 ${f}`,
    anonymous: '匿名发送',
    anonymousHint: '我们不会保留任何能识别您身份的信息（姓名、邮箱或账号）。发送后得到的私人链接是查看留言和回复的唯一途径。',
    send: '发送',
    sending: '发送中…',
    loading: '加载中…',
    loadError: '表单加载失败，请检查网络后重试。',
    retry: '重试',
    noCategories: '表单暂时不可用。',
    missingSite: '缺少站点密钥（请设置 site 属性）。',
    needCategory: '请选择类别。',
    needSubject: '请填写主题。',
    needMessage: '请填写内容。',
    needEmail: '请填写邮箱，以便我们答复您。',
    badEmail: '请填写有效的邮箱地址，例如 name@example.com。',
    tooMany: (f, max) => `“${f}”未添加：最多只能添加 ${max} 个附件。`,
    tooBig: (f, size, max) => `“${f}”大小为 ${size}，每个文件不能超过 ${max}。`,
    wrongType: (f) => `“${f}”不是图片（PNG、JPEG、GIF 或 WebP）或 PDF 文件。`,
    emptyFile: (f) => `“${f}”是空文件。`,
    checkFields: (n) => `请检查标出的 ${n} 处填写。`,
    rateLimited: '请求过于频繁，请稍后再试；您填写的内容已保留。',
    network: '无法连接服务器。您填写的内容不会丢失，恢复网络后请重试。',
    serverDown: '服务出现问题。您填写的内容不会丢失，请重试。',
    received: (n) => `您的请求 ${n} 已收到`,
    aimBy: (by, within) => `我们力争在 ${by} 前答复（${within}内，按工作时间计算）。`,
    hours: (n) => `${n} 小时`,
    minutes: (n) => `${n} 分钟`,
    privateLink: '您的私人链接',
    copy: '复制',
    openLink: '打开您的请求',
    copied: '已复制',
    copyFailed: '复制失败；链接已选中，请用键盘复制。',
    emailed: (a) => `我们也已将此链接发送到 ${a}。`,
    onlyWayBack: '请保存此链接：这是查看您留言的唯一途径。我们没有保留任何能识别您的信息，因此无法把链接发给您。',
    keepLink: '请保存此链接，以便跟进您的请求。',
    sendAnother: '再写一条',
  },
  'zh-TW': {
    title: '給我們留言',
    offlineTitle: '給我們留言',
    offlineIntro: '目前沒有客服在線。請留言，我們會以電子郵件回覆您。',
    employeeIntro: '您的留言會送到負責的團隊。',
    required: '必填',
    category: '類別',
    chooseCategory: '請選擇類別',
    subject: '主旨',
    message: '內容',
    name: '姓名',
    nameOptional: '姓名（選填）',
    email: '電子郵件',
    emailUpdates: '以電子郵件接收進度（選填）',
    emailHint: '我們會回覆到這個地址。',
    attachments: '附件（選填）',
    attachmentsHint: '最多 5 個圖片（PNG、JPEG、GIF、WebP）或 PDF 檔案，每個不超過 10 MB。',
    chosenFiles: '已加入的附件',
    remove: (f) => `移除 ${f}`,
    anonymous: '匿名傳送',
    anonymousHint: '我們不會保留任何可識別您身分的資訊（姓名、電子郵件或帳號）。送出後取得的私人連結是查看留言與回覆的唯一途徑。',
    send: '送出',
    sending: '傳送中…',
    loading: '載入中…',
    loadError: '表單載入失敗，請檢查網路後重試。',
    retry: '重試',
    noCategories: '表單暫時無法使用。',
    missingSite: '缺少網站金鑰（請設定 site 屬性）。',
    needCategory: '請選擇類別。',
    needSubject: '請填寫主旨。',
    needMessage: '請填寫內容。',
    needEmail: '請填寫電子郵件，以便我們回覆您。',
    badEmail: '請填寫有效的電子郵件地址，例如 name@example.com。',
    tooMany: (f, max) => `「${f}」未加入：最多只能加入 ${max} 個附件。`,
    tooBig: (f, size, max) => `「${f}」大小為 ${size}，每個檔案不能超過 ${max}。`,
    wrongType: (f) => `「${f}」不是圖片（PNG、JPEG、GIF 或 WebP）或 PDF 檔案。`,
    emptyFile: (f) => `「${f}」是空白檔案。`,
    checkFields: (n) => `請檢查標示的 ${n} 處填寫。`,
    rateLimited: '請求過於頻繁，請稍後再試；您填寫的內容已保留。',
    network: '無法連線到伺服器。您填寫的內容不會遺失，恢復連線後請重試。',
    serverDown: '服務發生問題。您填寫的內容不會遺失，請重試。',
    received: (n) => `您的請求 ${n} 已收到`,
    aimBy: (by, within) => `我們力求在 ${by} 前回覆（${within}內，以上班時間計算）。`,
    hours: (n) => `${n} 小時`,
    minutes: (n) => `${n} 分鐘`,
    privateLink: '您的私人連結',
    copy: '複製',
    openLink: '開啟您的請求',
    copied: '已複製',
    copyFailed: '複製失敗；連結已選取，請用鍵盤複製。',
    emailed: (a) => `我們也已將此連結寄到 ${a}。`,
    onlyWayBack: '請保存此連結：這是查看您留言的唯一途徑。我們沒有保留任何可識別您的資訊，因此無法把連結寄給您。',
    keepLink: '請保存此連結，以便追蹤您的請求。',
    sendAnother: '再寫一則',
  },
};
