/**
 * <parley-ticket>'s catalog. English accessible names are a contract: tests locate controls by them.
 * The four status words are what the customer is told, never the team's five states.
 */
import type { CustomerTicketStatus } from '@parley/protocol';
import type { Catalogs } from '../internal/i18n.js';

export interface TicketStrings {
  loading: string;
  loadError: string;
  retry: string;
  goneTitle: string;
  gone: string;
  missingToken: string;
  number: (n: string) => string;
  category: (name: string) => string;
  statusLabel: string;
  status: Record<CustomerTicketStatus, string>;
  progressLabel: string;
  due: (when: string) => string;
  waitingNote: string;
  resolvedNote: string;
  closedNote: (n: string) => string;
  threadTitle: string;
  you: string;
  team: string;
  system: string;
  attachments: string;
  fileLink: (name: string, size: string) => string;
  replyTitle: string;
  messageLabel: string;
  attachLabel: string;
  attachHint: string;
  chosenFiles: string;
  removeFile: (name: string) => string;
  send: string;
  sending: string;
  sent: string;
  emptyMessage: string;
  tooMany: (max: number) => string;
  tooBig: (name: string) => string;
  wrongType: (name: string) => string;
  emptyFile: (name: string) => string;
  networkError: string;
  rateLimited: string;
  sendFailed: (detail: string) => string;
  solved: string;
  confirmSolved: string;
  confirmYes: string;
  cancel: string;
  resolving: string;
  resolvedAnnounce: string;
  resolveFailed: string;
  newReply: (name: string) => string;
}

export const ticketStrings: Catalogs<TicketStrings> = {
  en: {
    loading: 'Loading your request…',
    loadError: 'Your request could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    goneTitle: 'This link does not work any more',
    gone: 'This link no longer opens your request (it may have expired or been replaced). Check your latest email from us.',
    missingToken: 'This page needs the link from your email (the token attribute is empty).',
    number: (n) => `Request ${n}`,
    category: (name) => `Category: ${name}`,
    statusLabel: 'Status',
    status: { submitted: 'Submitted', in_progress: 'In progress', waiting_for_you: 'Waiting for you', resolved: 'Resolved' },
    progressLabel: 'Progress',
    due: (when) => `We aim to reply by ${when}.`,
    waitingNote: 'We need an answer from you: please reply below.',
    resolvedNote: 'This request is resolved. If you write to us again here, it reopens.',
    closedNote: (n) => `This request is closed and cannot take new replies. Please send us a new request and mention ${n}.`,
    threadTitle: 'Conversation',
    you: 'You',
    team: 'Support team',
    system: 'Update',
    attachments: 'Attachments',
    fileLink: (name, size) => `${name} (${size})`,
    replyTitle: 'Reply',
    messageLabel: 'Your message',
    attachLabel: 'Attach files',
    attachHint: 'Up to 5 files: images (PNG, JPEG, GIF, WebP) or PDF, 10 MB each.',
    chosenFiles: 'Files to send',
    removeFile: (name) => `Remove ${name}`,
    send: 'Send reply',
    sending: 'Sending…',
    sent: 'Your reply was sent.',
    emptyMessage: 'Write a message first.',
    tooMany: (max) => `You can attach at most ${max} files.`,
    tooBig: (name) => `“${name}” is larger than 10 MB.`,
    wrongType: (name) => `“${name}” is not an image (PNG, JPEG, GIF, WebP) or a PDF.`,
    emptyFile: (name) => `“${name}” is empty.`,
    networkError: 'Your reply was not sent: we could not reach the server. Your text is kept; please try again.',
    rateLimited: 'You are sending replies too quickly. Please wait a moment and try again.',
    sendFailed: (detail) => `Your reply was not sent: ${detail}`,
    solved: 'This is solved',
    confirmSolved: 'Mark this request as solved? You can still write to us here later.',
    confirmYes: 'Yes, it is solved',
    cancel: 'Cancel',
    resolving: 'Saving…',
    resolvedAnnounce: 'Your request is marked as resolved.',
    resolveFailed: 'This could not be marked as solved. Please try again.',
    newReply: (name) => `New reply from ${name}`,
  },
  'zh-CN': {
    loading: '正在加载您的请求…',
    loadError: '无法加载您的请求，请检查网络后重试。',
    retry: '重试',
    goneTitle: '此链接已失效',
    gone: '此链接已无法打开您的请求（可能已过期或已被新的链接取代）。请查看我们发给您的最新邮件。',
    missingToken: '此页面需要您邮件中的链接（token 属性为空）。',
    number: (n) => `请求编号 ${n}`,
    category: (name) => `类别：${name}`,
    statusLabel: '状态',
    status: { submitted: '已提交', in_progress: '处理中', waiting_for_you: '等待您回复', resolved: '已解决' },
    progressLabel: '进度',
    due: (when) => `我们将在 ${when} 前回复您。`,
    waitingNote: '我们需要您的答复，请在下方回复。',
    resolvedNote: '此请求已解决。如果您在这里再次留言，它会重新打开。',
    closedNote: (n) => `此请求已关闭，无法再回复。请提交新的请求，并注明编号 ${n}。`,
    threadTitle: '沟通记录',
    you: '您',
    team: '客服团队',
    system: '系统消息',
    attachments: '附件',
    fileLink: (name, size) => `${name}（${size}）`,
    replyTitle: '回复',
    messageLabel: '您的留言',
    attachLabel: '添加附件',
    attachHint: '最多 5 个文件：图片（PNG、JPEG、GIF、WebP）或 PDF，每个不超过 10 MB。',
    chosenFiles: '待发送的文件',
    removeFile: (name) => `移除 ${name}`,
    send: '发送回复',
    sending: '发送中…',
    sent: '您的回复已发送。',
    emptyMessage: '请先填写留言。',
    tooMany: (max) => `最多只能添加 ${max} 个附件。`,
    tooBig: (name) => `“${name}”超过 10 MB。`,
    wrongType: (name) => `“${name}”不是图片（PNG、JPEG、GIF、WebP）或 PDF 文件。`,
    emptyFile: (name) => `“${name}”是空文件。`,
    networkError: '回复未发送：无法连接服务器。您填写的内容已保留，请重试。',
    rateLimited: '您发送得太快了，请稍候再试。',
    sendFailed: (detail) => `回复未发送：${detail}`,
    solved: '问题已解决',
    confirmSolved: '确认将此请求标记为已解决吗？之后您仍可在这里给我们留言。',
    confirmYes: '是的，已解决',
    cancel: '取消',
    resolving: '正在保存…',
    resolvedAnnounce: '您的请求已标记为已解决。',
    resolveFailed: '未能标记为已解决，请重试。',
    newReply: (name) => `${name} 回复了您`,
  },
  'zh-TW': {
    loading: '正在載入您的請求…',
    loadError: '無法載入您的請求，請檢查網路後重試。',
    retry: '重試',
    goneTitle: '此連結已失效',
    gone: '此連結已無法開啟您的請求（可能已過期或已被新的連結取代）。請查看我們寄給您的最新郵件。',
    missingToken: '此頁面需要您郵件中的連結（token 屬性為空）。',
    number: (n) => `請求編號 ${n}`,
    category: (name) => `類別：${name}`,
    statusLabel: '狀態',
    status: { submitted: '已提交', in_progress: '處理中', waiting_for_you: '等待您回覆', resolved: '已解決' },
    progressLabel: '進度',
    due: (when) => `我們將在 ${when} 前回覆您。`,
    waitingNote: '我們需要您的答覆，請在下方回覆。',
    resolvedNote: '此請求已解決。如果您在這裡再次留言，它會重新開啟。',
    closedNote: (n) => `此請求已關閉，無法再回覆。請提交新的請求，並註明編號 ${n}。`,
    threadTitle: '溝通紀錄',
    you: '您',
    team: '客服團隊',
    system: '系統訊息',
    attachments: '附件',
    fileLink: (name, size) => `${name}（${size}）`,
    replyTitle: '回覆',
    messageLabel: '您的留言',
    attachLabel: '附加檔案',
    attachHint: '最多 5 個檔案：圖片（PNG、JPEG、GIF、WebP）或 PDF，每個不超過 10 MB。',
    chosenFiles: '待傳送的檔案',
    removeFile: (name) => `移除 ${name}`,
    send: '傳送回覆',
    sending: '傳送中…',
    sent: '您的回覆已傳送。',
    emptyMessage: '請先填寫留言。',
    tooMany: (max) => `最多只能附加 ${max} 個檔案。`,
    tooBig: (name) => `「${name}」超過 10 MB。`,
    wrongType: (name) => `「${name}」不是圖片（PNG、JPEG、GIF、WebP）或 PDF 檔案。`,
    emptyFile: (name) => `「${name}」是空檔案。`,
    networkError: '回覆未傳送：無法連線到伺服器。您填寫的內容已保留，請重試。',
    rateLimited: '您傳送得太快了，請稍候再試。',
    sendFailed: (detail) => `回覆未傳送：${detail}`,
    solved: '問題已解決',
    confirmSolved: '確認將此請求標記為已解決嗎？之後您仍可在這裡給我們留言。',
    confirmYes: '是的，已解決',
    cancel: '取消',
    resolving: '正在儲存…',
    resolvedAnnounce: '您的請求已標記為已解決。',
    resolveFailed: '未能標記為已解決，請重試。',
    newReply: (name) => `${name} 回覆了您`,
  },
};
