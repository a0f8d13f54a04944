/** Strings of the console's Retention tab (Settings). */
import type { RetentionCounts } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export interface RetentionStrings {
  heading: string;
  intro: string;
  statusOn: (since: string) => string;
  statusOff: string;
  chatMonths: string;
  chatHint: string;
  ticketMonths: string;
  ticketHint: string;
  months: string;
  rangeError: string;
  preview: string;
  save: string;
  turnOn: string;
  turnOff: string;
  previewHeading: string;
  cutoffs: (chat: string, ticket: string) => string;
  counts: Record<keyof RetentionCounts, string>;
  bytes: (n: number) => string;
  nothing: string;
  confirmHeading: string;
  confirmText: string;
  confirmChange: string;
  confirm: string;
  cancel: string;
  lastRunHeading: string;
  lastRun: (finished: string) => string;
  neverRun: string;
  nextRun: (at: string) => string;
  loading: string;
  failed: (message: string) => string;
  retry: string;
  saved: string;
  enabled: string;
  disabled: string;
}

const bytes = (units: [string, string, string]) => (n: number) =>
  n < 1024 ? `${n} ${units[0]}` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} ${units[1]}` : `${(n / 1024 / 1024).toFixed(1)} ${units[2]}`;

export const retentionStrings: Catalogs<RetentionStrings> = {
  en: {
    heading: 'Retention',
    intro: 'How long closed chats and finished tickets are kept. Once a day (03:00 UTC) the server deletes what is older, with its messages, replies, history and attached files. Stored monthly reports keep their figures.',
    statusOn: (since) => `Retention is on (since ${since}).`,
    statusOff: 'Retention is off: nothing is deleted.',
    chatMonths: 'Keep closed chats for',
    chatHint: 'Counted from when the chat closed.',
    ticketMonths: 'Keep resolved and closed tickets for',
    ticketHint: 'Counted from when the ticket was resolved or closed.',
    months: 'months',
    rangeError: 'Enter a whole number of months from 1 to 120.',
    preview: 'Show what would be deleted',
    save: 'Save periods',
    turnOn: 'Turn on…',
    turnOff: 'Turn off',
    previewHeading: 'Deleted if retention ran now',
    cutoffs: (chat, ticket) => `Chats closed before ${chat}; tickets finished before ${ticket}.`,
    counts: {
      conversations: 'Chats',
      messages: 'Chat messages',
      tickets: 'Tickets',
      ticketEntries: 'Ticket replies and notes',
      ticketHistory: 'Ticket history entries',
      files: 'Attached files',
      fileBytes: 'Size of the files',
      emails: 'Emails about the tickets',
    },
    bytes: bytes(['bytes', 'KB', 'MB']),
    nothing: 'Nothing is old enough to be deleted.',
    confirmHeading: 'Delete this history for good?',
    confirmText: 'Turning retention on deletes the items above at the next daily run, and from then on everything that grows older than these periods. Deleted items cannot be brought back.',
    confirmChange: 'With these periods the next daily run deletes the items above. Deleted items cannot be brought back.',
    confirm: 'Delete on schedule',
    cancel: 'Cancel',
    lastRunHeading: 'Last run',
    lastRun: (finished) => `Finished ${finished}.`,
    neverRun: 'Retention has not run yet.',
    nextRun: (at) => `Next run: ${at}.`,
    loading: 'Loading the retention settings…',
    failed: (m) => `That did not work: ${m}`,
    retry: 'Try again',
    saved: 'The periods were saved.',
    enabled: 'Retention is on.',
    disabled: 'Retention is off.',
  },
  'zh-CN': {
    heading: '数据保留',
    intro: '已结束的对话和已完成的工单保留多久。服务器每天（UTC 03:00）删除更早的内容，连同其消息、回复、记录和附件。已生成的月度报告数据不受影响。',
    statusOn: (since) => `数据保留已开启（自 ${since} 起）。`,
    statusOff: '数据保留已关闭：不会删除任何内容。',
    chatMonths: '已结束的对话保留',
    chatHint: '从对话结束时开始计算。',
    ticketMonths: '已解决和已关闭的工单保留',
    ticketHint: '从工单解决或关闭时开始计算。',
    months: '个月',
    rangeError: '请输入 1 到 120 之间的整数月数。',
    preview: '查看将被删除的内容',
    save: '保存期限',
    turnOn: '开启…',
    turnOff: '关闭',
    previewHeading: '如果现在运行将删除',
    cutoffs: (chat, ticket) => `${chat} 之前结束的对话；${ticket} 之前完成的工单。`,
    counts: {
      conversations: '对话',
      messages: '对话消息',
      tickets: '工单',
      ticketEntries: '工单回复和备注',
      ticketHistory: '工单历史记录',
      files: '附件',
      fileBytes: '附件大小',
      emails: '与工单相关的邮件',
    },
    bytes: bytes(['字节', 'KB', 'MB']),
    nothing: '没有足够早的内容需要删除。',
    confirmHeading: '永久删除这些历史记录？',
    confirmText: '开启数据保留后，下次每日运行将删除上述内容，此后超过这些期限的内容也将被删除。删除后无法恢复。',
    confirmChange: '使用这些期限，下次每日运行将删除上述内容。删除后无法恢复。',
    confirm: '按计划删除',
    cancel: '取消',
    lastRunHeading: '上次运行',
    lastRun: (finished) => `完成于 ${finished}。`,
    neverRun: '数据保留尚未运行。',
    nextRun: (at) => `下次运行：${at}。`,
    loading: '正在加载数据保留设置…',
    failed: (m) => `操作未成功：${m}`,
    retry: '重试',
    saved: '期限已保存。',
    enabled: '数据保留已开启。',
    disabled: '数据保留已关闭。',
  },
  'zh-TW': {
    heading: '資料保留',
    intro: '已結束的對話和已完成的工單保留多久。伺服器每天（UTC 03:00）刪除更早的內容，連同其訊息、回覆、記錄和附件。已產生的月度報告數據不受影響。',
    statusOn: (since) => `資料保留已開啟（自 ${since} 起）。`,
    statusOff: '資料保留已關閉：不會刪除任何內容。',
    chatMonths: '已結束的對話保留',
    chatHint: '從對話結束時開始計算。',
    ticketMonths: '已解決和已關閉的工單保留',
    ticketHint: '從工單解決或關閉時開始計算。',
    months: '個月',
    rangeError: '請輸入 1 到 120 之間的整數月數。',
    preview: '查看將被刪除的內容',
    save: '儲存期限',
    turnOn: '開啟…',
    turnOff: '關閉',
    previewHeading: '如果現在執行將刪除',
    cutoffs: (chat, ticket) => `${chat} 之前結束的對話；${ticket} 之前完成的工單。`,
    counts: {
      conversations: '對話',
      messages: '對話訊息',
      tickets: '工單',
      ticketEntries: '工單回覆和備註',
      ticketHistory: '工單歷史記錄',
      files: '附件',
      fileBytes: '附件大小',
      emails: '與工單相關的郵件',
    },
    bytes: bytes(['位元組', 'KB', 'MB']),
    nothing: '沒有足夠早的內容需要刪除。',
    confirmHeading: '永久刪除這些歷史記錄？',
    confirmText: '開啟資料保留後，下次每日執行將刪除上述內容，此後超過這些期限的內容也將被刪除。刪除後無法復原。',
    confirmChange: '使用這些期限，下次每日執行將刪除上述內容。刪除後無法復原。',
    confirm: '按排程刪除',
    cancel: '取消',
    lastRunHeading: '上次執行',
    lastRun: (finished) => `完成於 ${finished}。`,
    neverRun: '資料保留尚未執行。',
    nextRun: (at) => `下次執行：${at}。`,
    loading: '正在載入資料保留設定…',
    failed: (m) => `操作未成功：${m}`,
    retry: '重試',
    saved: '期限已儲存。',
    enabled: '資料保留已開啟。',
    disabled: '資料保留已關閉。',
  },
};
