/**
 * Strings of a ticket's history (what happened, in words) and of the email log. Same rules as
 * `tickets.strings.ts`: the English catalog defines the shape.
 */
import type { Catalogs } from '../../internal/i18n.js';
import type { MailStatus } from './tickets-api.js';

export interface TicketsLogStrings {
  someone: string;
  theCustomer: string;
  created: (who: string) => string;
  replied: (who: string) => string;
  noted: (who: string) => string;
  assigned: (who: string, to: string) => string;
  unassignedBy: (who: string) => string;
  status: (who: string, from: string, to: string) => string;
  priority: (who: string, from: string, to: string) => string;
  department: (who: string, to: string) => string;
  category: (who: string, to: string) => string;
  subject: (who: string, to: string) => string;
  breached: string;
  escalated: (level: number, to: string) => string;
  notified: (n: number) => string;
  linkSent: (who: string, to: string) => string;
  linkRevoked: (who: string, n: number) => string;
  other: (who: string, action: string) => string;
  mailHeading: string;
  mailIntro: string;
  mailTo: string;
  mailSubject: string;
  mailStatus: string;
  mailTime: string;
  mailStatusName: Record<MailStatus, string>;
  mailEmpty: string;
  mailLoading: string;
  mailFailed: (message: string) => string;
  mailBack: string;
  mailText: string;
  mailAttempts: (n: number) => string;
  mailError: (message: string) => string;
}

export const ticketsLogStrings: Catalogs<TicketsLogStrings> = {
  en: {
    someone: 'Someone',
    theCustomer: 'The customer',
    created: (w) => `${w} opened the ticket`,
    replied: (w) => `${w} replied`,
    noted: (w) => `${w} added an internal note`,
    assigned: (w, to) => `${w} assigned it to ${to}`,
    unassignedBy: (w) => `${w} unassigned it`,
    status: (w, from, to) => `${w} changed the status from ${from} to ${to}`,
    priority: (w, from, to) => `${w} changed the priority from ${from} to ${to}`,
    department: (w, to) => `${w} moved it to ${to}`,
    category: (w, to) => `${w} changed the category to ${to}`,
    subject: (w, to) => `${w} changed the subject to “${to}”`,
    breached: 'The first-response deadline passed',
    escalated: (n, to) => `Escalated to level ${n}: ${to}`,
    notified: (n) => (n === 1 ? '1 person notified by email' : `${n} people notified by email`),
    linkSent: (w, to) => `${w} sent a new ticket link to ${to}`,
    linkRevoked: (w, n) => `${w} revoked the customer's ticket links (${n})`,
    other: (w, a) => `${w}: ${a}`,
    mailHeading: 'Email log',
    mailIntro: 'Every email Parley wrote, newest first. Without an SMTP server, emails are stored here instead of sent.',
    mailTo: 'To',
    mailSubject: 'Subject',
    mailStatus: 'Status',
    mailTime: 'Time',
    mailStatusName: { stored: 'Stored (not sent)', queued: 'Queued', sent: 'Sent', failed: 'Failed' },
    mailEmpty: 'No emails yet.',
    mailLoading: 'Loading emails…',
    mailFailed: (m) => `Could not load the email log: ${m}`,
    mailBack: 'Back to the email log',
    mailText: 'Text of the email',
    mailAttempts: (n) => (n === 1 ? '1 attempt' : `${n} attempts`),
    mailError: (m) => `Last error: ${m}`,
  },
  'zh-CN': {
    someone: '某人',
    theCustomer: '客户',
    created: (w) => `${w}创建了工单`,
    replied: (w) => `${w}回复了`,
    noted: (w) => `${w}添加了内部备注`,
    assigned: (w, to) => `${w}将工单分配给${to}`,
    unassignedBy: (w) => `${w}取消了分配`,
    status: (w, from, to) => `${w}将状态从“${from}”改为“${to}”`,
    priority: (w, from, to) => `${w}将优先级从“${from}”改为“${to}”`,
    department: (w, to) => `${w}将工单转到${to}`,
    category: (w, to) => `${w}将类别改为${to}`,
    subject: (w, to) => `${w}将主题改为“${to}”`,
    breached: '已超过首次响应期限',
    escalated: (n, to) => `已升级到第 ${n} 级：${to}`,
    notified: (n) => `已通过邮件通知 ${n} 人`,
    linkSent: (w, to) => `${w}向 ${to} 发送了新的工单链接`,
    linkRevoked: (w, n) => `${w}撤销了客户的工单链接（${n} 个）`,
    other: (w, a) => `${w}：${a}`,
    mailHeading: '邮件记录',
    mailIntro: 'Parley 写出的所有邮件，最新的在前。未配置 SMTP 服务器时，邮件只保存在这里，不会发出。',
    mailTo: '收件人',
    mailSubject: '主题',
    mailStatus: '状态',
    mailTime: '时间',
    mailStatusName: { stored: '已保存（未发送）', queued: '排队中', sent: '已发送', failed: '发送失败' },
    mailEmpty: '还没有邮件。',
    mailLoading: '正在加载邮件…',
    mailFailed: (m) => `无法加载邮件记录：${m}`,
    mailBack: '返回邮件记录',
    mailText: '邮件正文',
    mailAttempts: (n) => `已尝试 ${n} 次`,
    mailError: (m) => `最近的错误：${m}`,
  },
  'zh-TW': {
    someone: '某人',
    theCustomer: '客戶',
    created: (w) => `${w}建立了工單`,
    replied: (w) => `${w}回覆了`,
    noted: (w) => `${w}新增了內部備註`,
    assigned: (w, to) => `${w}將工單指派給${to}`,
    unassignedBy: (w) => `${w}取消了指派`,
    status: (w, from, to) => `${w}將狀態從「${from}」改為「${to}」`,
    priority: (w, from, to) => `${w}將優先順序從「${from}」改為「${to}」`,
    department: (w, to) => `${w}將工單轉到${to}`,
    category: (w, to) => `${w}將類別改為${to}`,
    subject: (w, to) => `${w}將主旨改為「${to}」`,
    breached: '已超過首次回應期限',
    escalated: (n, to) => `已升級到第 ${n} 級：${to}`,
    notified: (n) => `已以電子郵件通知 ${n} 人`,
    linkSent: (w, to) => `${w}寄送了新的工單連結給 ${to}`,
    linkRevoked: (w, n) => `${w}撤銷了客戶的工單連結（${n} 個）`,
    other: (w, a) => `${w}：${a}`,
    mailHeading: '郵件紀錄',
    mailIntro: 'Parley 寫出的所有郵件，最新的在前。未設定 SMTP 伺服器時，郵件只保存在這裡，不會寄出。',
    mailTo: '收件人',
    mailSubject: '主旨',
    mailStatus: '狀態',
    mailTime: '時間',
    mailStatusName: { stored: '已保存（未寄出）', queued: '排隊中', sent: '已寄出', failed: '寄送失敗' },
    mailEmpty: '還沒有郵件。',
    mailLoading: '正在載入郵件…',
    mailFailed: (m) => `無法載入郵件紀錄：${m}`,
    mailBack: '返回郵件紀錄',
    mailText: '郵件內文',
    mailAttempts: (n) => `已嘗試 ${n} 次`,
    mailError: (m) => `最近的錯誤：${m}`,
  },
};
