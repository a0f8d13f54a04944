/**
 * `<parley-console>`'s strings. The English catalog defines the shape; the other two must match it
 * key for key (checked by the `Catalogs<ConsoleStrings>` type). System-event and delivery texts are
 * shared with the chat and live in `internal/i18n.ts`.
 */
import type { Catalogs } from '../internal/i18n.js';
import type { AgentRole, ConversationStatus } from '@parley/protocol';

export interface ConsoleStrings {
  appTitle: string;
  views: string;
  conversationsView: string;
  knowledgeBaseView: string;
  ticketsView: string;
  reportsView: string;
  surveysView: string;
  announcementsView: string;
  webhooksView: string;
  settingsView: string;
  signInHeading: string;
  email: string;
  password: string;
  signIn: string;
  signingIn: string;
  wrongCredentials: string;
  tooManyAttempts: string;
  cannotReachServer: string;
  sessionExpired: string;
  connecting: string;
  tryAgain: string;
  reconnecting: string;
  role: Record<AgentRole, string>;
  status: string;
  online: string;
  away: string;
  muteSounds: string;
  signOut: string;
  queue: string;
  queueEmpty: string;
  waitingCount: (n: number) => string;
  waitingFor: (duration: string) => string;
  fromPage: (url: string) => string;
  noMessageYet: string;
  take: string;
  claimLost: string;
  newInQueue: (department: string) => string;
  noDepartment: string;
  myConversations: string;
  mineEmpty: string;
  unread: (n: number) => string;
  visitorName: (shortId: string) => string;
  you: string;
  bot: string;
  selectConversation: string;
  loadingConversation: string;
  history: string;
  historyEmpty: string;
  statusLabel: string;
  departmentLabel: string;
  pageLabel: string;
  conversationStatus: Record<ConversationStatus, string>;
  isTyping: (name: string) => string;
  reply: string;
  replyHint: string;
  send: string;
  retry: string;
  transfer: string;
  createTicket: string;
  ticketCreated: (number: string) => string;
  transferHeading: string;
  transferTo: string;
  transferChoose: string;
  agentsGroup: string;
  departmentsGroup: string;
  nobodyToTransferTo: string;
  transferred: string;
  closeConversation: string;
  closeHeading: string;
  closeQuestion: string;
  closed: string;
  conversationClosed: string;
  confirm: string;
  cancel: string;
  back: string;
  actionFailed: (message: string) => string;
}

export const consoleStrings: Catalogs<ConsoleStrings> = {
  en: {
    appTitle: 'Parley agent console',
    views: 'Console views',
    conversationsView: 'Conversations',
    knowledgeBaseView: 'Knowledge base',
    ticketsView: 'Tickets',
    reportsView: 'Reports',
    surveysView: 'Surveys',
    announcementsView: 'Announcements',
    webhooksView: 'Integrations',
    settingsView: 'Settings',
    signInHeading: 'Sign in to the agent console',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    wrongCredentials: 'Wrong email or password.',
    tooManyAttempts: 'Too many attempts. Wait a moment and try again.',
    cannotReachServer: 'Cannot reach the server. Check your connection and try again.',
    sessionExpired: 'Your session has ended. Please sign in again.',
    connecting: 'Connecting…',
    tryAgain: 'Try again',
    reconnecting: 'Connection lost. Reconnecting…',
    role: { admin: 'Admin', supervisor: 'Supervisor', agent: 'Agent' },
    status: 'Status',
    online: 'Online',
    away: 'Away',
    muteSounds: 'Mute sounds',
    signOut: 'Sign out',
    queue: 'Queue',
    queueEmpty: 'No one is waiting.',
    waitingCount: (n) => `${n} waiting`,
    waitingFor: (d) => `Waiting ${d}`,
    fromPage: (url) => `On ${url}`,
    noMessageYet: 'No message yet',
    take: 'Take',
    claimLost: 'Someone else took this conversation.',
    newInQueue: (d) => `New conversation waiting in ${d}`,
    noDepartment: 'No department',
    myConversations: 'My conversations',
    mineEmpty: 'You have no open conversations.',
    unread: (n) => `${n} unread`,
    visitorName: (id) => `Visitor ${id}`,
    you: 'You',
    bot: 'Bot',
    selectConversation: 'Select a conversation to read and reply.',
    loadingConversation: 'Loading conversation…',
    history: 'Conversation history',
    historyEmpty: 'No messages yet.',
    statusLabel: 'Status',
    departmentLabel: 'Department',
    pageLabel: 'Page',
    conversationStatus: { bot: 'With the bot', queued: 'Waiting', assigned: 'Assigned', closed: 'Closed' },
    isTyping: (n) => `${n} is typing…`,
    reply: 'Reply',
    replyHint: 'Enter sends, Shift+Enter adds a line.',
    send: 'Send',
    retry: 'Retry',
    transfer: 'Transfer',
    createTicket: 'Create ticket',
    ticketCreated: (n) => `Ticket ${n} created`,
    transferHeading: 'Hand over this conversation',
    transferTo: 'Hand over to',
    transferChoose: 'Choose a colleague or a department',
    agentsGroup: 'Agents online',
    departmentsGroup: 'Departments',
    nobodyToTransferTo: 'Nobody to hand over to right now.',
    transferred: 'Conversation handed over.',
    closeConversation: 'Close conversation',
    closeHeading: 'End this conversation?',
    closeQuestion: 'The visitor will be told the conversation has ended.',
    closed: 'Conversation closed.',
    conversationClosed: 'This conversation is closed.',
    confirm: 'Confirm',
    cancel: 'Cancel',
    back: 'Back to lists',
    actionFailed: (m) => `That did not work: ${m}`,
  },
  'zh-CN': {
    appTitle: 'Parley 客服工作台',
    views: '工作台视图',
    conversationsView: '对话',
    knowledgeBaseView: '知识库',
    ticketsView: '工单',
    reportsView: '报表',
    surveysView: '调查',
    announcementsView: '公告',
    webhooksView: '集成',
    settingsView: '设置',
    signInHeading: '登录客服工作台',
    email: '邮箱',
    password: '密码',
    signIn: '登录',
    signingIn: '正在登录…',
    wrongCredentials: '邮箱或密码错误。',
    tooManyAttempts: '尝试次数过多，请稍后再试。',
    cannotReachServer: '无法连接服务器，请检查网络后重试。',
    sessionExpired: '登录已失效，请重新登录。',
    connecting: '正在连接…',
    tryAgain: '重试',
    reconnecting: '连接已断开，正在重新连接…',
    role: { admin: '管理员', supervisor: '主管', agent: '客服' },
    status: '状态',
    online: '在线',
    away: '离开',
    muteSounds: '静音提示音',
    signOut: '退出登录',
    queue: '排队',
    queueEmpty: '暂无等待的访客。',
    waitingCount: (n) => `${n} 位等待中`,
    waitingFor: (d) => `已等待 ${d}`,
    fromPage: (url) => `来自 ${url}`,
    noMessageYet: '暂无消息',
    take: '接入',
    claimLost: '该对话已被其他同事接入。',
    newInQueue: (d) => `${d}有新的对话在等待`,
    noDepartment: '未分配部门',
    myConversations: '我的对话',
    mineEmpty: '你没有进行中的对话。',
    unread: (n) => `${n} 条未读`,
    visitorName: (id) => `访客 ${id}`,
    you: '我',
    bot: '机器人',
    selectConversation: '选择一个对话以查看和回复。',
    loadingConversation: '正在加载对话…',
    history: '对话记录',
    historyEmpty: '暂无消息。',
    statusLabel: '状态',
    departmentLabel: '部门',
    pageLabel: '页面',
    conversationStatus: { bot: '机器人接待中', queued: '等待中', assigned: '已接入', closed: '已关闭' },
    isTyping: (n) => `${n} 正在输入…`,
    reply: '回复',
    replyHint: '按 Enter 发送，Shift+Enter 换行。',
    send: '发送',
    retry: '重试',
    transfer: '转接',
    createTicket: '创建工单',
    ticketCreated: (n) => `工单 ${n} 已创建`,
    transferHeading: '转接此对话',
    transferTo: '转接给',
    transferChoose: '选择同事或部门',
    agentsGroup: '在线客服',
    departmentsGroup: '部门',
    nobodyToTransferTo: '目前没有可转接的对象。',
    transferred: '对话已转接。',
    closeConversation: '结束对话',
    closeHeading: '结束此对话？',
    closeQuestion: '访客会收到对话已结束的通知。',
    closed: '对话已结束。',
    conversationClosed: '此对话已结束。',
    confirm: '确认',
    cancel: '取消',
    back: '返回列表',
    actionFailed: (m) => `操作失败：${m}`,
  },
  'zh-TW': {
    appTitle: 'Parley 客服工作台',
    views: '工作台檢視',
    conversationsView: '對話',
    knowledgeBaseView: '知識庫',
    ticketsView: '工單',
    reportsView: '報表',
    surveysView: '調查',
    announcementsView: '公告',
    webhooksView: '整合',
    settingsView: '設定',
    signInHeading: '登入客服工作台',
    email: '電子郵件',
    password: '密碼',
    signIn: '登入',
    signingIn: '正在登入…',
    wrongCredentials: '電子郵件或密碼錯誤。',
    tooManyAttempts: '嘗試次數過多，請稍後再試。',
    cannotReachServer: '無法連線到伺服器，請檢查網路後重試。',
    sessionExpired: '登入已失效，請重新登入。',
    connecting: '正在連線…',
    tryAgain: '重試',
    reconnecting: '連線中斷，正在重新連線…',
    role: { admin: '管理員', supervisor: '主管', agent: '客服' },
    status: '狀態',
    online: '上線',
    away: '離開',
    muteSounds: '靜音提示音',
    signOut: '登出',
    queue: '排隊',
    queueEmpty: '目前沒有等待的訪客。',
    waitingCount: (n) => `${n} 位等待中`,
    waitingFor: (d) => `已等待 ${d}`,
    fromPage: (url) => `來自 ${url}`,
    noMessageYet: '尚無訊息',
    take: '接手',
    claimLost: '此對話已由其他同事接手。',
    newInQueue: (d) => `${d}有新的對話在等待`,
    noDepartment: '未指定部門',
    myConversations: '我的對話',
    mineEmpty: '你沒有進行中的對話。',
    unread: (n) => `${n} 則未讀`,
    visitorName: (id) => `訪客 ${id}`,
    you: '我',
    bot: '機器人',
    selectConversation: '選擇一個對話以查看和回覆。',
    loadingConversation: '正在載入對話…',
    history: '對話紀錄',
    historyEmpty: '尚無訊息。',
    statusLabel: '狀態',
    departmentLabel: '部門',
    pageLabel: '頁面',
    conversationStatus: { bot: '機器人接待中', queued: '等待中', assigned: '已接手', closed: '已關閉' },
    isTyping: (n) => `${n} 正在輸入…`,
    reply: '回覆',
    replyHint: '按 Enter 傳送，Shift+Enter 換行。',
    send: '傳送',
    retry: '重試',
    transfer: '轉接',
    createTicket: '建立工單',
    ticketCreated: (n) => `工單 ${n} 已建立`,
    transferHeading: '轉接此對話',
    transferTo: '轉接給',
    transferChoose: '選擇同事或部門',
    agentsGroup: '上線客服',
    departmentsGroup: '部門',
    nobodyToTransferTo: '目前沒有可轉接的對象。',
    transferred: '對話已轉接。',
    closeConversation: '結束對話',
    closeHeading: '結束此對話？',
    closeQuestion: '訪客會收到對話已結束的通知。',
    closed: '對話已結束。',
    conversationClosed: '此對話已結束。',
    confirm: '確認',
    cancel: '取消',
    back: '返回列表',
    actionFailed: (m) => `操作失敗：${m}`,
  },
};
