import type { Catalogs } from '../internal/i18n.js';

export interface MessengerStrings {
  openChat: string;
  closeChat: string;
  /** Accessible name of the panel. */
  panel: string;
  tabs: string;
  chat: string;
  help: string;
  minimize: string;
  unread: (n: number) => string;
  loadingHelp: string;
  helpFailed: string;
  tryAgain: string;
}

export const messengerStrings: Catalogs<MessengerStrings> = {
  en: {
    openChat: 'Open chat',
    closeChat: 'Close chat',
    panel: 'Chat and help',
    tabs: 'Sections',
    chat: 'Chat',
    help: 'Help',
    minimize: 'Minimize',
    unread: (n) => (n === 1 ? '1 new message' : `${n} new messages`),
    loadingHelp: 'Loading the help center…',
    helpFailed: 'The help center could not be loaded.',
    tryAgain: 'Try again',
  },
  'zh-CN': {
    openChat: '打开聊天',
    closeChat: '关闭聊天',
    panel: '聊天与帮助',
    tabs: '栏目',
    chat: '聊天',
    help: '帮助',
    minimize: '最小化',
    unread: (n) => `${n} 条新消息`,
    loadingHelp: '正在加载帮助中心…',
    helpFailed: '帮助中心加载失败。',
    tryAgain: '重试',
  },
  'zh-TW': {
    openChat: '開啟聊天',
    closeChat: '關閉聊天',
    panel: '聊天與說明',
    tabs: '欄目',
    chat: '聊天',
    help: '說明',
    minimize: '最小化',
    unread: (n) => `${n} 則新訊息`,
    loadingHelp: '正在載入說明中心…',
    helpFailed: '說明中心載入失敗。',
    tryAgain: '重試',
  },
};
