import type { Locale } from '@parley/protocol';

/** Every sentence the bot says, in each supported locale. System events travel as codes instead. */
export const BOT_TEXT = {
  name: { en: 'Assistant', 'zh-CN': '智能助手', 'zh-TW': '智慧助理' },
  greeting: {
    en: "Hi! I'm the virtual assistant. Ask me anything, or choose “Talk to a person” at any time.",
    'zh-CN': '您好！我是智能助手。请直接提问，也可以随时选择“转人工”。',
    'zh-TW': '您好！我是智慧助理。請直接提問，也可以隨時選擇「轉真人客服」。',
  },
  notSure: {
    en: "I'm not sure I understood. Could you rephrase it, or would you like to talk to a person?",
    'zh-CN': '抱歉，我不太确定您的意思。可以换个说法吗？或者转接人工客服。',
    'zh-TW': '抱歉，我不太確定您的意思。可以換個說法嗎？或者轉接真人客服。',
  },
  handoff: {
    en: 'Let me connect you with a person.',
    'zh-CN': '正在为您转接人工客服。',
    'zh-TW': '正在為您轉接真人客服。',
  },
} as const satisfies Record<string, Record<Locale, string>>;
