/**
 * Strings of the console's "Create ticket" dialog (a chat turned into a ticket). The English catalog
 * defines the shape; the other two must match it key for key. The button that opens the dialog and
 * the console's announcement are in console.strings.ts.
 */
import type { TicketPriority } from '@parley/protocol';
import type { Catalogs } from '../internal/i18n.js';

export interface TicketFromChatStrings {
  heading: string;
  intro: string;
  subject: string;
  topic: string;
  chooseTopic: string;
  loadingTopics: string;
  topicsFailed: (message: string) => string;
  priority: string;
  priorityName: Record<TicketPriority, string>;
  email: string;
  emailHint: string;
  name: string;
  cancel: string;
  create: string;
  creating: string;
  subjectRequired: string;
  topicRequired: string;
  emailRequired: string;
  notCreated: (message: string) => string;
  created: (number: string) => string;
  openTicket: string;
}

export const ticketFromChatStrings: Catalogs<TicketFromChatStrings> = {
  en: {
    heading: 'Create a ticket from this chat',
    intro: 'The chat so far becomes the ticket’s first message.',
    subject: 'Subject',
    topic: 'Topic',
    chooseTopic: 'Choose a topic',
    loadingTopics: 'Loading topics…',
    topicsFailed: (m) => `Could not load the topics: ${m}`,
    priority: 'Priority',
    priorityName: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
    email: 'Visitor’s email',
    emailHint: 'Required: the ticket’s private link is sent to this address. It is never posted in the chat.',
    name: 'Visitor’s name (optional)',
    cancel: 'Cancel',
    create: 'Create ticket',
    creating: 'Creating…',
    subjectRequired: 'Write a subject.',
    topicRequired: 'Choose a topic.',
    emailRequired: 'Enter the visitor’s email address: the ticket’s link goes there.',
    notCreated: (m) => `Ticket not created: ${m}`,
    created: (n) => `Ticket ${n} created.`,
    openTicket: 'Open ticket',
  },
  'zh-CN': {
    heading: '从此对话创建工单',
    intro: '目前的对话内容会成为工单的第一条消息。',
    subject: '主题',
    topic: '类别',
    chooseTopic: '选择类别',
    loadingTopics: '正在加载类别…',
    topicsFailed: (m) => `无法加载类别：${m}`,
    priority: '优先级',
    priorityName: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
    email: '访客邮箱',
    emailHint: '必填：工单的专属链接会发送到此邮箱，不会发在对话中。',
    name: '访客姓名（选填）',
    cancel: '取消',
    create: '创建工单',
    creating: '正在创建…',
    subjectRequired: '请填写主题。',
    topicRequired: '请选择类别。',
    emailRequired: '请填写访客邮箱：工单链接会发送到这里。',
    notCreated: (m) => `未能创建工单：${m}`,
    created: (n) => `工单 ${n} 已创建。`,
    openTicket: '打开工单',
  },
  'zh-TW': {
    heading: '從此對話建立工單',
    intro: '目前的對話內容會成為工單的第一則訊息。',
    subject: '主旨',
    topic: '類別',
    chooseTopic: '選擇類別',
    loadingTopics: '正在載入類別…',
    topicsFailed: (m) => `無法載入類別：${m}`,
    priority: '優先順序',
    priorityName: { low: '低', normal: '一般', high: '高', urgent: '緊急' },
    email: '訪客電子郵件',
    emailHint: '必填：工單的專屬連結會寄到此地址，不會貼在對話中。',
    name: '訪客姓名（選填）',
    cancel: '取消',
    create: '建立工單',
    creating: '正在建立…',
    subjectRequired: '請填寫主旨。',
    topicRequired: '請選擇類別。',
    emailRequired: '請填寫訪客電子郵件：工單連結會寄到這裡。',
    notCreated: (m) => `未能建立工單：${m}`,
    created: (n) => `工單 ${n} 已建立。`,
    openTicket: '開啟工單',
  },
};
