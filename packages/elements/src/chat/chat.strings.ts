/**
 * <parley-chat>'s catalog. English accessible names are a contract (docs/architecture.md: tests
 * locate controls by them); change them only together with that page.
 */
import { sharedStrings, type Catalogs, type SharedStrings } from '../internal/i18n.js';

export interface ChatStrings extends SharedStrings {
  openChat: string;
  closeChat: string;
  minimize: string;
  chat: string;
  conversation: string;
  message: string;
  placeholder: string;
  send: string;
  talkToPerson: string;
  retry: string;
  endChat: string;
  endChatConfirm: string;
  cancel: string;
  startNewChat: string;
  connecting: string;
  online: string;
  /** Header subtitle while connected but no person is available (the assistant still answers). */
  awayNow: string;
  offline: string;
  reconnecting: string;
  tryAgain: string;
  errorTitle: string;
  queuePosition: (position: number, minutes: number) => string;
  nobodyOnline: string;
  nobodyOnlineBot: string;
  leaveMessage: string;
  chattingWith: (name: string) => string;
  typing: (name: string) => string;
  someoneTyping: string;
  you: string;
  assistant: string;
  agent: string;
  articles: string;
  chatEnded: string;
  unread: (n: number) => string;
  /** Under a bot answer; Yes / No answer it once. */
  feedbackQuestion: string;
  feedbackYes: string;
  feedbackNo: string;
  /** What replaces the Yes / No buttons once answered. */
  feedbackThanks: string;
  feedbackFailed: string;
}

export const chatStrings: Catalogs<ChatStrings> = {
  en: {
    ...sharedStrings.en,
    openChat: 'Open chat',
    closeChat: 'Close chat',
    minimize: 'Minimize',
    chat: 'Chat',
    conversation: 'Conversation',
    message: 'Message',
    placeholder: 'Type your message…',
    send: 'Send',
    talkToPerson: 'Talk to a person',
    retry: 'Retry',
    endChat: 'End chat',
    endChatConfirm: 'End this chat?',
    cancel: 'Cancel',
    startNewChat: 'Start a new chat',
    connecting: 'Connecting…',
    online: 'Online',
    awayNow: 'Away · the assistant is here',
    offline: 'Offline',
    reconnecting: 'Reconnecting… Your messages will be sent when the connection is back.',
    tryAgain: 'Try again',
    errorTitle: 'The chat is not available',
    queuePosition: (n, m) => `You are number ${n} in the queue · about ${m} min`,
    nobodyOnline: 'Nobody is online right now. Stay here or come back later: we will answer as soon as someone is back.',
    nobodyOnlineBot: 'Nobody is online right now; a person will answer when someone is back.',
    leaveMessage: 'Leave a message',
    chattingWith: (name) => `You are chatting with ${name}`,
    typing: (name) => `${name} is typing…`,
    someoneTyping: 'Someone is typing…',
    you: 'You',
    assistant: 'Assistant',
    agent: 'Agent',
    articles: 'Related articles',
    chatEnded: 'This chat has ended.',
    unread: (n) => (n === 1 ? '1 new message' : `${n} new messages`),
    feedbackQuestion: 'Did this answer your question?',
    feedbackYes: 'Yes',
    feedbackNo: 'No',
    feedbackThanks: 'Thanks for your feedback',
    feedbackFailed: 'Your answer was not sent. Please try again.',
  },
  'zh-CN': {
    ...sharedStrings['zh-CN'],
    openChat: '打开聊天',
    closeChat: '关闭聊天',
    minimize: '最小化',
    chat: '聊天',
    conversation: '对话',
    message: '消息',
    placeholder: '输入消息…',
    send: '发送',
    talkToPerson: '转人工客服',
    retry: '重试',
    endChat: '结束对话',
    endChatConfirm: '确定结束对话吗？',
    cancel: '取消',
    startNewChat: '开始新对话',
    connecting: '正在连接…',
    online: '在线',
    awayNow: '暂时离开 · 智能助手在线',
    offline: '离线',
    reconnecting: '正在重新连接… 连接恢复后将自动发送您的消息。',
    tryAgain: '重试',
    errorTitle: '聊天暂不可用',
    queuePosition: (n, m) => `您排在第 ${n} 位 · 预计等待约 ${m} 分钟`,
    nobodyOnline: '目前没有客服在线。请留在此页或稍后再来，客服上线后会第一时间回复您。',
    nobodyOnlineBot: '目前没有客服在线，客服上线后会回复您。',
    leaveMessage: '留言',
    chattingWith: (name) => `${name} 正在为您服务`,
    typing: (name) => `${name} 正在输入…`,
    someoneTyping: '对方正在输入…',
    you: '我',
    assistant: '智能助手',
    agent: '客服',
    articles: '相关文章',
    chatEnded: '对话已结束。',
    unread: (n) => `${n} 条新消息`,
    feedbackQuestion: '这个回答解决您的问题了吗？',
    feedbackYes: '解决了',
    feedbackNo: '没解决',
    feedbackThanks: '感谢您的反馈',
    feedbackFailed: '反馈未能发送，请重试。',
  },
  'zh-TW': {
    ...sharedStrings['zh-TW'],
    openChat: '開啟聊天',
    closeChat: '關閉聊天',
    minimize: '最小化',
    chat: '聊天',
    conversation: '對話',
    message: '訊息',
    placeholder: '輸入訊息…',
    send: '傳送',
    talkToPerson: '轉真人客服',
    retry: '重試',
    endChat: '結束對話',
    endChatConfirm: '確定要結束對話嗎？',
    cancel: '取消',
    startNewChat: '開始新對話',
    connecting: '正在連線…',
    online: '線上',
    awayNow: '暫時離開 · 智慧助理在線',
    offline: '離線',
    reconnecting: '正在重新連線… 連線恢復後將自動傳送您的訊息。',
    tryAgain: '重試',
    errorTitle: '聊天暫時無法使用',
    queuePosition: (n, m) => `您排在第 ${n} 位 · 預計等候約 ${m} 分鐘`,
    nobodyOnline: '目前沒有客服在線。請留在此頁或稍後再來，客服上線後會第一時間回覆您。',
    nobodyOnlineBot: '目前沒有客服在線，客服上線後會回覆您。',
    leaveMessage: '留言',
    chattingWith: (name) => `${name} 正在為您服務`,
    typing: (name) => `${name} 正在輸入…`,
    someoneTyping: '對方正在輸入…',
    you: '我',
    assistant: '智慧助理',
    agent: '客服',
    articles: '相關文章',
    chatEnded: '對話已結束。',
    unread: (n) => `${n} 則新訊息`,
    feedbackQuestion: '這個回答解決您的問題了嗎？',
    feedbackYes: '解決了',
    feedbackNo: '沒解決',
    feedbackThanks: '謝謝您的回饋',
    feedbackFailed: '回饋未能送出，請再試一次。',
  },
};
