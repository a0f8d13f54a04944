import type { Catalogs } from '../internal/i18n.js';
import { chatStrings, type ChatStrings } from '../chat/chat.strings.js';

/**
 * The chat's words (the launcher's "Open chat", "Minimize", unread counts, "Chat") plus the panel's own:
 * the messenger bundles the chat anyway, so its launcher and the chat's can never say different things.
 */
export interface MessengerStrings extends ChatStrings {
  /** Accessible name of the panel. */
  panel: string;
  tabs: string;
  help: string;
  loadingHelp: string;
  helpFailed: string;
  feedback: string;
  loadingFeedback: string;
  feedbackFailed: string;
}

export const messengerStrings: Catalogs<MessengerStrings> = {
  en: {
    ...chatStrings.en,
    panel: 'Chat and help',
    tabs: 'Sections',
    help: 'Help',
    loadingHelp: 'Loading the help center…',
    helpFailed: 'The help center could not be loaded.',
    feedback: 'Feedback',
    loadingFeedback: 'Loading the feedback form…',
    feedbackFailed: 'The feedback form could not be loaded.',
  },
  'zh-CN': {
    ...chatStrings['zh-CN'],
    panel: '聊天与帮助',
    tabs: '栏目',
    help: '帮助',
    loadingHelp: '正在加载帮助中心…',
    helpFailed: '帮助中心加载失败。',
    feedback: '留言反馈',
    loadingFeedback: '正在加载留言表单…',
    feedbackFailed: '留言表单加载失败。',
  },
  'zh-TW': {
    ...chatStrings['zh-TW'],
    panel: '聊天與說明',
    tabs: '欄目',
    help: '說明',
    loadingHelp: '正在載入說明中心…',
    helpFailed: '說明中心載入失敗。',
    feedback: '意見回饋',
    loadingFeedback: '正在載入意見表單…',
    feedbackFailed: '意見表單載入失敗。',
  },
};
