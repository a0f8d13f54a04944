/** Strings of the console's Contacts tab (Settings). */
import type { Catalogs } from '../../internal/i18n.js';

export interface ContactsStrings {
  heading: string;
  intro: string;
  searchLabel: string;
  search: string;
  loading: string;
  empty: string;
  noMatch: string;
  failed: (message: string) => string;
  retry: string;
  results: (n: number) => string;
  counts: (conversations: number, tickets: number) => string;
  unnamed: string;
  back: string;
  userId: string;
  email: string;
  firstSeen: string;
  lastSeen: string;
  devices: string;
  conversations: string;
  noConversations: string;
  conversationLine: (date: string, status: string, agent: string | null, messages: number) => string;
  status: Record<string, string>;
  tickets: string;
  noTickets: string;
  answers: string;
  noAnswers: string;
  answerLine: (kind: string, score: number) => string;
  exportJson: string;
  exported: string;
  erase: string;
  eraseHeading: string;
  eraseText: string;
  confirmLabel: (userId: string) => string;
  confirmMismatch: string;
  eraseConfirm: string;
  cancel: string;
  erased: (conversations: number, tickets: number) => string;
  loadingProfile: string;
}

export const contactsStrings: Catalogs<ContactsStrings> = {
  en: {
    heading: 'Contacts',
    intro: 'People your website signed in and vouched for (a valid user hash or token). Each has their chats, tickets and survey answers from every device. You see those of your departments.',
    searchLabel: 'Search by name, email or user ID',
    search: 'Search',
    loading: 'Loading contacts…',
    empty: 'No contacts yet. They appear once your website identifies its signed-in users.',
    noMatch: 'No contact matches.',
    failed: (m) => `Could not load: ${m}`,
    retry: 'Try again',
    results: (n) => (n === 1 ? '1 contact' : `${n} contacts`),
    counts: (c, t) => `${c} ${c === 1 ? 'chat' : 'chats'}, ${t} ${t === 1 ? 'ticket' : 'tickets'}`,
    unnamed: '(no name)',
    back: 'All contacts',
    userId: 'User ID',
    email: 'Email',
    firstSeen: 'First seen',
    lastSeen: 'Last seen',
    devices: 'Devices',
    conversations: 'Conversations',
    noConversations: 'No conversations you can see.',
    conversationLine: (d, s, a, n) => `${d} · ${s}${a ? ` · ${a}` : ''} · ${n} ${n === 1 ? 'message' : 'messages'}`,
    status: { bot: 'with the bot', queued: 'waiting', assigned: 'in progress', closed: 'closed', new: 'new', open: 'open', pending: 'waiting on customer', resolved: 'resolved' },
    tickets: 'Tickets',
    noTickets: 'No tickets you can see.',
    answers: 'Survey answers',
    noAnswers: 'No survey answers.',
    answerLine: (k, s) => `${k === 'nps' ? 'NPS' : 'CSAT'} ${s}`,
    exportJson: 'Export (JSON)',
    exported: 'Export downloaded.',
    erase: 'Erase…',
    eraseHeading: 'Erase this contact for good?',
    eraseText: 'Names, emails, message texts, ticket texts and files of this contact are removed, and their devices are signed out. Report figures keep their counts. This cannot be undone.',
    confirmLabel: (id) => `Type the user ID (${id}) to confirm`,
    confirmMismatch: 'The user ID does not match.',
    eraseConfirm: 'Erase for good',
    cancel: 'Cancel',
    erased: (c, t) => `Contact erased (${c} ${c === 1 ? 'chat' : 'chats'}, ${t} ${t === 1 ? 'ticket' : 'tickets'}).`,
    loadingProfile: 'Loading the contact…',
  },
  'zh-CN': {
    heading: '联系人',
    intro: '您的网站已登录并验证身份（有效的用户哈希或令牌）的用户。每位联系人在所有设备上的聊天、工单和调查回答都在这里。您只能看到所属部门的内容。',
    searchLabel: '按姓名、邮箱或用户 ID 搜索',
    search: '搜索',
    loading: '正在加载联系人…',
    empty: '还没有联系人。网站识别已登录用户后，联系人会出现在这里。',
    noMatch: '没有匹配的联系人。',
    failed: (m) => `加载失败：${m}`,
    retry: '重试',
    results: (n) => `${n} 位联系人`,
    counts: (c, t) => `${c} 次聊天，${t} 个工单`,
    unnamed: '（无姓名）',
    back: '全部联系人',
    userId: '用户 ID',
    email: '邮箱',
    firstSeen: '首次出现',
    lastSeen: '最近出现',
    devices: '设备',
    conversations: '聊天',
    noConversations: '没有您可查看的聊天。',
    conversationLine: (d, s, a, n) => `${d} · ${s}${a ? ` · ${a}` : ''} · ${n} 条消息`,
    status: { bot: '机器人接待中', queued: '排队中', assigned: '处理中', closed: '已结束', new: '新建', open: '处理中', pending: '等待客户', resolved: '已解决' },
    tickets: '工单',
    noTickets: '没有您可查看的工单。',
    answers: '调查回答',
    noAnswers: '没有调查回答。',
    answerLine: (k, s) => `${k === 'nps' ? 'NPS' : '满意度'} ${s}`,
    exportJson: '导出（JSON）',
    exported: '已下载导出文件。',
    erase: '删除…',
    eraseHeading: '永久删除此联系人？',
    eraseText: '此联系人的姓名、邮箱、消息内容、工单内容和文件将被删除，其设备将被登出。报表中的数量保持不变。此操作无法撤销。',
    confirmLabel: (id) => `输入用户 ID（${id}）以确认`,
    confirmMismatch: '用户 ID 不匹配。',
    eraseConfirm: '永久删除',
    cancel: '取消',
    erased: (c, t) => `联系人已删除（${c} 次聊天，${t} 个工单）。`,
    loadingProfile: '正在加载联系人…',
  },
  'zh-TW': {
    heading: '聯絡人',
    intro: '您的網站已登入並驗證身分（有效的使用者雜湊或權杖）的使用者。每位聯絡人在所有裝置上的聊天、工單和問卷回覆都在這裡。您只能看到所屬部門的內容。',
    searchLabel: '依姓名、電子郵件或使用者 ID 搜尋',
    search: '搜尋',
    loading: '正在載入聯絡人…',
    empty: '還沒有聯絡人。網站識別已登入使用者後，聯絡人會出現在這裡。',
    noMatch: '沒有符合的聯絡人。',
    failed: (m) => `載入失敗：${m}`,
    retry: '重試',
    results: (n) => `${n} 位聯絡人`,
    counts: (c, t) => `${c} 次聊天，${t} 張工單`,
    unnamed: '（無姓名）',
    back: '全部聯絡人',
    userId: '使用者 ID',
    email: '電子郵件',
    firstSeen: '首次出現',
    lastSeen: '最近出現',
    devices: '裝置',
    conversations: '聊天',
    noConversations: '沒有您可查看的聊天。',
    conversationLine: (d, s, a, n) => `${d} · ${s}${a ? ` · ${a}` : ''} · ${n} 則訊息`,
    status: { bot: '機器人接待中', queued: '排隊中', assigned: '處理中', closed: '已結束', new: '新建', open: '處理中', pending: '等待客戶', resolved: '已解決' },
    tickets: '工單',
    noTickets: '沒有您可查看的工單。',
    answers: '問卷回覆',
    noAnswers: '沒有問卷回覆。',
    answerLine: (k, s) => `${k === 'nps' ? 'NPS' : '滿意度'} ${s}`,
    exportJson: '匯出（JSON）',
    exported: '已下載匯出檔案。',
    erase: '刪除…',
    eraseHeading: '永久刪除此聯絡人？',
    eraseText: '此聯絡人的姓名、電子郵件、訊息內容、工單內容和檔案將被刪除，其裝置將被登出。報表中的數量維持不變。此操作無法復原。',
    confirmLabel: (id) => `輸入使用者 ID（${id}）以確認`,
    confirmMismatch: '使用者 ID 不符。',
    eraseConfirm: '永久刪除',
    cancel: '取消',
    erased: (c, t) => `聯絡人已刪除（${c} 次聊天，${t} 張工單）。`,
    loadingProfile: '正在載入聯絡人…',
  },
};
