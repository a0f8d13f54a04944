/**
 * The bot's turn after a visitor's message in a conversation the bot still holds: the site's external
 * bot when it has one and it answers, the built-in bot otherwise; then its decision applied.
 */
import type { Message } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { handoff } from '../conversations/routing.js';
import { appendMessage, clearBotMisses, countBotMiss, getConversation, messagesBefore } from '../conversations/service.js';
import type { ConversationRow } from '../conversations/views.js';
import { recordGap } from '../kb/service.js';
import { decide } from './builtin.js';
import type { BotDecision } from './builtin.js';
import { BOT_TEXT } from './text.js';
import { activeWebhook, callWebhook, webhookPayload, WEBHOOK_HISTORY } from './webhook.js';

/** Misses in a row after which the bot gives up and queues the visitor for a person. */
export const MAX_BOT_MISSES = 2;

/**
 * Turns of one conversation run one after another on this process, so replies come in the order of
 * the questions even when an external bot answers the second one faster than the first.
 */
const turns = new WeakMap<AppContext, Map<string, Promise<void>>>();

/** Runs the bot's turn for `message`; never rejects (failures are logged). */
export function runBot(ctx: AppContext, conversationId: string, message: Message): Promise<void> {
  let chains = turns.get(ctx);
  if (!chains) turns.set(ctx, (chains = new Map()));
  const previous = chains.get(conversationId) ?? Promise.resolve();
  const next = previous
    .then(() => turn(ctx, conversationId, message))
    .catch((err: unknown) => ctx.logger.error({ err, conversationId }, 'bot failed'));
  chains.set(conversationId, next);
  void next.then(() => {
    if (chains.get(conversationId) === next) chains.delete(conversationId);
  });
  return next;
}

async function turn(ctx: AppContext, conversationId: string, message: Message): Promise<void> {
  const conv = await getConversation(ctx, conversationId);
  if (conv.status !== 'bot') return;
  if (await externalTurn(ctx, conv, message)) return;
  const decision = await decide(ctx, { siteId: conv.siteId, locale: conv.locale, text: message.body, replyTo: message.id });
  await apply(ctx, conv, decision, message.body);
}

/** True when the external bot handled the message. */
async function externalTurn(ctx: AppContext, conv: ConversationRow, message: Message): Promise<boolean> {
  const hook = await activeWebhook(ctx, conv.siteId);
  if (!hook) return false;
  const history = await messagesBefore(ctx, conv.id, message.seq, WEBHOOK_HISTORY);
  const outcome = await callWebhook(ctx, hook, webhookPayload(hook, conv, message, history));
  if (!outcome.ok) return false;
  // The visitor may have asked for a person while the external bot thought.
  const now = await getConversation(ctx, conv.id);
  if (now.status !== 'bot') return true;
  for (const body of outcome.replies) {
    await appendMessage(ctx, conv, { author: 'bot', authorName: BOT_TEXT.name[conv.locale], body, meta: { replyTo: message.id } });
  }
  if (outcome.handoff) await handoff(ctx, await getConversation(ctx, conv.id), undefined);
  return true;
}

async function apply(ctx: AppContext, conv: ConversationRow, decision: BotDecision, text: string): Promise<void> {
  const botName = BOT_TEXT.name[conv.locale];
  switch (decision.kind) {
    case 'handoff':
      await handoff(ctx, conv, undefined);
      return;
    case 'smalltalk':
      await appendMessage(ctx, conv, { author: 'bot', authorName: botName, body: decision.body, meta: decision.meta });
      return;
    // Bookkeeping first, reply second: whoever sees the reply (the visitor, a test, the console)
    // finds the counters and the gap report already saying what it says.
    case 'answer':
      await clearBotMisses(ctx, conv.id);
      await appendMessage(ctx, conv, { author: 'bot', authorName: botName, body: decision.body, meta: decision.meta });
      return;
    case 'miss': {
      const misses = await countBotMiss(ctx, conv.id);
      if (misses === null) return;
      await recordGap(ctx, { siteId: conv.siteId, locale: decision.locale, text, reason: 'unanswered', conversationId: conv.id }).catch((err: unknown) =>
        ctx.logger.warn({ err, conversationId: conv.id }, 'recording a knowledge-base gap failed'),
      );
      if (misses >= MAX_BOT_MISSES) {
        await appendMessage(ctx, conv, { author: 'bot', authorName: botName, body: BOT_TEXT.handoff[decision.locale] });
        await handoff(ctx, await getConversation(ctx, conv.id), undefined);
      } else {
        await appendMessage(ctx, conv, { author: 'bot', authorName: botName, body: decision.body, meta: decision.meta });
      }
    }
  }
}
