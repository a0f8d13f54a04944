/**
 * Strings of the console's Tickets view: the inbox, one ticket and its composer. The English catalog
 * defines the shape; the other two must match it key for key (checked by `Catalogs<TicketsStrings>`).
 * History sentences and the email log are in `tickets-log.strings.ts`.
 */
import type { TicketPriority, TicketSource, TicketStatus, TicketView } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

type Via = 'web' | 'email' | 'console' | 'chat' | 'api';

export interface TicketsStrings {
  heading: string;
  sections: string;
  inboxTab: string;
  mailTab: string;
  views: string;
  viewName: Record<TicketView, string>;
  emptyView: Record<TicketView, string>;
  filters: string;
  search: string;
  searchHint: string;
  status: string;
  anyStatus: string;
  statusName: Record<TicketStatus, string>;
  priority: string;
  anyPriority: string;
  priorityName: Record<TicketPriority, string>;
  category: string;
  allCategories: string;
  noCategory: string;
  clearFilters: string;
  emptyFiltered: string;
  colTicket: string;
  colContact: string;
  colAssignee: string;
  colSla: string;
  colUpdated: string;
  anonymous: string;
  nobody: string;
  dueIn: (duration: string) => string;
  breached: string;
  answered: string;
  noResponseDue: string;
  escalatedTo: (level: string) => string;
  escalationName: Record<1 | 2 | 3, string>;
  ticketCount: (n: number) => string;
  loading: string;
  loadFailed: (message: string) => string;
  retry: string;
  loadMore: string;
  loadingMore: string;
  arrived: (number: string) => string;
  back: string;
  loadingTicket: string;
  ticketFailed: (message: string) => string;
  contact: string;
  noEmail: string;
  source: string;
  sourceName: Record<TicketSource, string>;
  opened: string;
  properties: string;
  department: string;
  noDepartment: string;
  assignee: string;
  assignToMe: string;
  unassignMe: string;
  assignedToMe: string;
  unassigned: string;
  save: string;
  saving: string;
  saved: string;
  notChanged: (message: string) => string;
  thread: string;
  threadEmpty: string;
  customer: string;
  kindLabel: { fromCustomer: string; reply: string; note: string };
  via: (how: string) => string;
  viaName: Record<Via, string>;
  attachments: string;
  download: (name: string, size: string) => string;
  downloadFailed: (message: string) => string;
  history: string;
  compose: string;
  sendAs: string;
  kindReply: string;
  kindReplyNoEmail: string;
  kindNote: string;
  message: string;
  noteHint: string;
  setStatus: string;
  keepStatus: string;
  attach: string;
  attachHint: string;
  tooManyFiles: (max: number) => string;
  fileTooBig: (name: string) => string;
  fileWrongType: (name: string) => string;
  removeFile: (name: string) => string;
  sendReply: string;
  addNote: string;
  sending: string;
  replySent: string;
  noteAdded: string;
  notSent: (message: string) => string;
  messageRequired: string;
  closedNoReply: string;
}

export const ticketsStrings: Catalogs<TicketsStrings> = {
  en: {
    heading: 'Tickets',
    sections: 'Ticket sections',
    inboxTab: 'Inbox',
    mailTab: 'Email log',
    views: 'Ticket views',
    viewName: { mine: 'Mine', unassigned: 'Unassigned', departments: 'My departments', at_risk: 'At risk', breached: 'Breached', all: 'All' },
    emptyView: {
      mine: 'No open tickets are assigned to you.',
      unassigned: 'Every open ticket has someone on it.',
      departments: 'Your departments have no open tickets.',
      at_risk: 'No ticket is close to its response deadline.',
      breached: 'No open ticket has missed its response deadline.',
      all: 'No tickets yet.',
    },
    filters: 'Filter tickets',
    search: 'Search tickets',
    searchHint: 'Number, subject, contact or text',
    status: 'Status',
    anyStatus: 'Any status',
    statusName: { new: 'New', open: 'Open', pending: 'Waiting on customer', resolved: 'Resolved', closed: 'Closed' },
    priority: 'Priority',
    anyPriority: 'Any priority',
    priorityName: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
    category: 'Category',
    allCategories: 'All categories',
    noCategory: 'No category',
    clearFilters: 'Clear filters',
    emptyFiltered: 'No tickets match these filters.',
    colTicket: 'Ticket',
    colContact: 'Contact',
    colAssignee: 'Assignee',
    colSla: 'First response',
    colUpdated: 'Updated',
    anonymous: 'Anonymous',
    nobody: 'Unassigned',
    dueIn: (d) => `Due in ${d}`,
    breached: 'Breached',
    answered: 'Answered',
    noResponseDue: 'Not due',
    escalatedTo: (l) => `Escalated: ${l}`,
    escalationName: { 1: 'Supervisor', 2: 'Executive', 3: 'Executive deadline passed' },
    ticketCount: (n) => (n === 1 ? '1 ticket' : `${n} tickets`),
    loading: 'Loading tickets…',
    loadFailed: (m) => `Could not load the tickets: ${m}`,
    retry: 'Retry',
    loadMore: 'Load more',
    loadingMore: 'Loading more…',
    arrived: (n) => `New ticket ${n}`,
    back: 'Back to tickets',
    loadingTicket: 'Loading ticket…',
    ticketFailed: (m) => `Could not load the ticket: ${m}`,
    contact: 'Contact',
    noEmail: 'no email address',
    source: 'Came from',
    sourceName: { feedback: 'Feedback form', offline: 'Offline form', chat: 'Chat', api: 'API', email: 'Email', intranet: 'Intranet' },
    opened: 'Opened',
    properties: 'Ticket details',
    department: 'Department',
    noDepartment: 'No department',
    assignee: 'Assignee',
    assignToMe: 'Assign to me',
    unassignMe: 'Unassign me',
    assignedToMe: 'Assigned to you.',
    unassigned: 'Unassigned.',
    save: 'Save changes',
    saving: 'Saving…',
    saved: 'Changes saved.',
    notChanged: (m) => `Not changed: ${m}`,
    thread: 'Messages',
    threadEmpty: 'No messages yet.',
    customer: 'Customer',
    kindLabel: { fromCustomer: 'From the customer', reply: 'Reply to customer', note: 'Internal note' },
    via: (how) => `via ${how}`,
    viaName: { web: 'web', email: 'email', console: 'console', chat: 'chat', api: 'API' },
    attachments: 'Attachments',
    download: (name, size) => `${name} (${size})`,
    downloadFailed: (m) => `Could not download the file: ${m}`,
    history: 'History',
    compose: 'Write',
    sendAs: 'Send as',
    kindReply: 'Reply to customer (sent by email)',
    kindReplyNoEmail: 'Reply to customer (shown on their ticket page; no email address)',
    kindNote: 'Internal note (only your team sees it)',
    message: 'Message',
    noteHint: 'Internal notes are never shown or sent to the customer.',
    setStatus: 'And set status',
    keepStatus: 'Keep the status',
    attach: 'Attach files',
    attachHint: 'Up to 5 images or PDF files, 10 MB each.',
    tooManyFiles: (max) => `Attach at most ${max} files.`,
    fileTooBig: (name) => `“${name}” is larger than 10 MB.`,
    fileWrongType: (name) => `“${name}” is not an image or a PDF file.`,
    removeFile: (name) => `Remove ${name}`,
    sendReply: 'Send reply',
    addNote: 'Add note',
    sending: 'Sending…',
    replySent: 'Reply sent.',
    noteAdded: 'Note added.',
    notSent: (m) => `Not sent: ${m}`,
    messageRequired: 'Write a message first.',
    closedNoReply: 'This ticket is closed: set another status to write to the customer.',
  },
  'zh-CN': {
    heading: '工单',
    sections: '工单分区',
    inboxTab: '收件箱',
    mailTab: '邮件记录',
    views: '工单视图',
    viewName: { mine: '我的', unassigned: '未分配', departments: '我的部门', at_risk: '即将超时', breached: '已超时', all: '全部' },
    emptyView: {
      mine: '没有分配给你的未结工单。',
      unassigned: '每张未结工单都已有人负责。',
      departments: '你的部门没有未结工单。',
      at_risk: '没有即将到达响应期限的工单。',
      breached: '没有超过响应期限的未结工单。',
      all: '还没有工单。',
    },
    filters: '筛选工单',
    search: '搜索工单',
    searchHint: '编号、主题、联系人或内容',
    status: '状态',
    anyStatus: '全部状态',
    statusName: { new: '新建', open: '处理中', pending: '等待客户回复', resolved: '已解决', closed: '已关闭' },
    priority: '优先级',
    anyPriority: '全部优先级',
    priorityName: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
    category: '类别',
    allCategories: '全部类别',
    noCategory: '无类别',
    clearFilters: '清除筛选',
    emptyFiltered: '没有符合筛选条件的工单。',
    colTicket: '工单',
    colContact: '联系人',
    colAssignee: '负责人',
    colSla: '首次响应',
    colUpdated: '更新时间',
    anonymous: '匿名',
    nobody: '未分配',
    dueIn: (d) => `${d}后到期`,
    breached: '已超时',
    answered: '已回复',
    noResponseDue: '无需响应',
    escalatedTo: (l) => `已升级：${l}`,
    escalationName: { 1: '主管', 2: '高管', 3: '已过高管期限' },
    ticketCount: (n) => `${n} 张工单`,
    loading: '正在加载工单…',
    loadFailed: (m) => `无法加载工单：${m}`,
    retry: '重试',
    loadMore: '加载更多',
    loadingMore: '正在加载更多…',
    arrived: (n) => `新工单 ${n}`,
    back: '返回工单列表',
    loadingTicket: '正在加载工单…',
    ticketFailed: (m) => `无法加载该工单：${m}`,
    contact: '联系人',
    noEmail: '无邮箱地址',
    source: '来源',
    sourceName: { feedback: '反馈表单', offline: '离线留言', chat: '在线对话', api: 'API', email: '邮件', intranet: '内网' },
    opened: '创建于',
    properties: '工单信息',
    department: '部门',
    noDepartment: '未分配部门',
    assignee: '负责人',
    assignToMe: '分配给我',
    unassignMe: '取消分配给我',
    assignedToMe: '已分配给你。',
    unassigned: '已取消分配。',
    save: '保存更改',
    saving: '正在保存…',
    saved: '更改已保存。',
    notChanged: (m) => `未能更改：${m}`,
    thread: '消息',
    threadEmpty: '暂无消息。',
    customer: '客户',
    kindLabel: { fromCustomer: '客户来信', reply: '回复客户', note: '内部备注' },
    via: (how) => `通过${how}`,
    viaName: { web: '网页', email: '邮件', console: '工作台', chat: '在线对话', api: 'API' },
    attachments: '附件',
    download: (name, size) => `${name}（${size}）`,
    downloadFailed: (m) => `无法下载文件：${m}`,
    history: '处理记录',
    compose: '撰写',
    sendAs: '发送方式',
    kindReply: '回复客户（通过邮件发送）',
    kindReplyNoEmail: '回复客户（显示在客户的工单页面；无邮箱地址）',
    kindNote: '内部备注（仅团队可见）',
    message: '内容',
    noteHint: '内部备注不会显示或发送给客户。',
    setStatus: '同时设置状态',
    keepStatus: '保持当前状态',
    attach: '添加附件',
    attachHint: '最多 5 个图片或 PDF 文件，每个不超过 10 MB。',
    tooManyFiles: (max) => `最多只能添加 ${max} 个文件。`,
    fileTooBig: (name) => `“${name}”超过 10 MB。`,
    fileWrongType: (name) => `“${name}”不是图片或 PDF 文件。`,
    removeFile: (name) => `移除 ${name}`,
    sendReply: '发送回复',
    addNote: '添加备注',
    sending: '正在发送…',
    replySent: '回复已发送。',
    noteAdded: '备注已添加。',
    notSent: (m) => `未发送：${m}`,
    messageRequired: '请先填写内容。',
    closedNoReply: '此工单已关闭：请先更改状态再回复客户。',
  },
  'zh-TW': {
    heading: '工單',
    sections: '工單分區',
    inboxTab: '收件匣',
    mailTab: '郵件紀錄',
    views: '工單檢視',
    viewName: { mine: '我的', unassigned: '未指派', departments: '我的部門', at_risk: '即將逾時', breached: '已逾時', all: '全部' },
    emptyView: {
      mine: '沒有指派給你的未結工單。',
      unassigned: '每張未結工單都已有人負責。',
      departments: '你的部門沒有未結工單。',
      at_risk: '沒有即將到達回應期限的工單。',
      breached: '沒有超過回應期限的未結工單。',
      all: '還沒有工單。',
    },
    filters: '篩選工單',
    search: '搜尋工單',
    searchHint: '編號、主旨、聯絡人或內容',
    status: '狀態',
    anyStatus: '全部狀態',
    statusName: { new: '新建', open: '處理中', pending: '等待客戶回覆', resolved: '已解決', closed: '已關閉' },
    priority: '優先順序',
    anyPriority: '全部優先順序',
    priorityName: { low: '低', normal: '一般', high: '高', urgent: '緊急' },
    category: '類別',
    allCategories: '全部類別',
    noCategory: '無類別',
    clearFilters: '清除篩選',
    emptyFiltered: '沒有符合篩選條件的工單。',
    colTicket: '工單',
    colContact: '聯絡人',
    colAssignee: '負責人',
    colSla: '首次回應',
    colUpdated: '更新時間',
    anonymous: '匿名',
    nobody: '未指派',
    dueIn: (d) => `${d}後到期`,
    breached: '已逾時',
    answered: '已回覆',
    noResponseDue: '無需回應',
    escalatedTo: (l) => `已升級：${l}`,
    escalationName: { 1: '主管', 2: '高階主管', 3: '已過高階主管期限' },
    ticketCount: (n) => `${n} 張工單`,
    loading: '正在載入工單…',
    loadFailed: (m) => `無法載入工單：${m}`,
    retry: '重試',
    loadMore: '載入更多',
    loadingMore: '正在載入更多…',
    arrived: (n) => `新工單 ${n}`,
    back: '返回工單列表',
    loadingTicket: '正在載入工單…',
    ticketFailed: (m) => `無法載入該工單：${m}`,
    contact: '聯絡人',
    noEmail: '無電子郵件地址',
    source: '來源',
    sourceName: { feedback: '意見表單', offline: '離線留言', chat: '線上對話', api: 'API', email: '電子郵件', intranet: '內部網站' },
    opened: '建立於',
    properties: '工單資訊',
    department: '部門',
    noDepartment: '未指定部門',
    assignee: '負責人',
    assignToMe: '指派給我',
    unassignMe: '取消指派給我',
    assignedToMe: '已指派給你。',
    unassigned: '已取消指派。',
    save: '儲存變更',
    saving: '正在儲存…',
    saved: '變更已儲存。',
    notChanged: (m) => `未能變更：${m}`,
    thread: '訊息',
    threadEmpty: '尚無訊息。',
    customer: '客戶',
    kindLabel: { fromCustomer: '客戶來信', reply: '回覆客戶', note: '內部備註' },
    via: (how) => `透過${how}`,
    viaName: { web: '網頁', email: '電子郵件', console: '工作台', chat: '線上對話', api: 'API' },
    attachments: '附件',
    download: (name, size) => `${name}（${size}）`,
    downloadFailed: (m) => `無法下載檔案：${m}`,
    history: '處理紀錄',
    compose: '撰寫',
    sendAs: '傳送方式',
    kindReply: '回覆客戶（以電子郵件寄出）',
    kindReplyNoEmail: '回覆客戶（顯示在客戶的工單頁面；無電子郵件地址）',
    kindNote: '內部備註（僅團隊可見）',
    message: '內容',
    noteHint: '內部備註不會顯示或寄送給客戶。',
    setStatus: '同時設定狀態',
    keepStatus: '保持目前狀態',
    attach: '附加檔案',
    attachHint: '最多 5 個圖片或 PDF 檔案，每個不超過 10 MB。',
    tooManyFiles: (max) => `最多只能附加 ${max} 個檔案。`,
    fileTooBig: (name) => `「${name}」超過 10 MB。`,
    fileWrongType: (name) => `「${name}」不是圖片或 PDF 檔案。`,
    removeFile: (name) => `移除 ${name}`,
    sendReply: '傳送回覆',
    addNote: '新增備註',
    sending: '正在傳送…',
    replySent: '回覆已傳送。',
    noteAdded: '備註已新增。',
    notSent: (m) => `未傳送：${m}`,
    messageRequired: '請先填寫內容。',
    closedNoReply: '此工單已關閉：請先變更狀態再回覆客戶。',
  },
};
