/**
 * What other domains use of the bot: the conversation service runs its turn after each visitor
 * message and greets with its text; the visitor socket passes on "Did this answer your question?".
 */
export { runBot, MAX_BOT_MISSES } from './runner.js';
export { botFeedback } from './feedback.js';
export { setBotWebhook } from './webhook.js';
export type { BotWebhookInput } from './webhook.js';
export { BOT_TEXT } from './text.js';
