import type { Locale } from '@parley/protocol';

/**
 * Every sentence the built-in bot says, in each supported locale. System events travel as codes
 * instead, and the widget owns its own labels ("Did this answer your question?", Yes / No).
 */
export const BOT_TEXT = {
  name: { en: 'Assistant', 'zh-CN': '智能助手', 'zh-TW': '智慧助理' },
  greeting: {
    en: "Hi! I'm the virtual assistant. Ask me anything, or choose “Talk to a person” at any time.",
    'zh-CN': '您好！我是智能助手。请直接提问，也可以随时选择“转人工”。',
    'zh-TW': '您好！我是智慧助理。請直接提問，也可以隨時選擇「轉真人客服」。',
  },
  /** Not confident, with articles that may be related under it. */
  notSure: {
    en: "I'm not sure I have the answer to that. One of these articles may help, or I can get you a person.",
    'zh-CN': '这个问题我不太确定。下面的文章也许有帮助，也可以为您转接人工客服。',
    'zh-TW': '這個問題我不太確定。下面的文章或許有幫助，也可以為您轉接真人客服。',
  },
  /** Not confident, and nothing in the knowledge base is even close. */
  notSureNothing: {
    en: "I'm not sure I have the answer to that. Could you put it another way, or shall I get you a person?",
    'zh-CN': '这个问题我不太确定。可以换个说法吗？或者为您转接人工客服。',
    'zh-TW': '這個問題我不太確定。可以換個說法嗎？或者為您轉接真人客服。',
  },
  handoff: {
    en: 'Let me connect you with a person.',
    'zh-CN': '正在为您转接人工客服。',
    'zh-TW': '正在為您轉接真人客服。',
  },
  /** A greeting, or a message with nothing to search for. */
  askAway: {
    en: 'Hello! What can I help you with? Type your question, or choose “Talk to a person”.',
    'zh-CN': '您好！请问有什么可以帮您？直接输入问题即可，也可以选择“转人工”。',
    'zh-TW': '您好！請問有什麼可以幫您？直接輸入問題即可，也可以選擇「轉真人客服」。',
  },
  /** "Thanks", "ok", "bye". */
  welcome: {
    en: "You're welcome! Anything else I can help with?",
    'zh-CN': '不客气！还有什么可以帮您的吗？',
    'zh-TW': '不客氣！還有什麼可以幫您的嗎？',
  },
  feedbackThanks: {
    en: 'Glad that helped! Anything else I can help with?',
    'zh-CN': '很高兴能帮到您！还有什么可以帮您的吗？',
    'zh-TW': '很高興能幫上忙！還有什麼可以幫您的嗎？',
  },
  feedbackSorry: {
    en: 'Sorry about that. Would one of these help, or shall I get a person?',
    'zh-CN': '抱歉没能帮上忙。下面这些文章有帮助吗？或者为您转接人工客服？',
    'zh-TW': '抱歉沒能幫上忙。下面這些文章有幫助嗎？或者為您轉接真人客服？',
  },
  feedbackSorryNothing: {
    en: 'Sorry about that. Shall I get a person?',
    'zh-CN': '抱歉没能帮上忙。需要为您转接人工客服吗？',
    'zh-TW': '抱歉沒能幫上忙。需要為您轉接真人客服嗎？',
  },
  /** Feedback given after a person took over: noted, without offering what is already happening. */
  feedbackNoted: {
    en: 'Thanks for your feedback.',
    'zh-CN': '感谢您的反馈。',
    'zh-TW': '謝謝您的回饋。',
  },
} as const satisfies Record<string, Record<Locale, string>>;
