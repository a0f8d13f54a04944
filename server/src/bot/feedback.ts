/**
 * "Did this answer your question?" under a bot answer (command `bot:feedback`).
 *
 * The first answer is the one on record: the feedback row and the bot's follow-up message commit
 * together, keyed by the answer's id, so a retry, a second tab or a change of mind changes nothing and
 * gets the recorded value back. The follow-up carries `meta.feedbackFor`, from which the widget
 * shows the question as answered after a reload.
 *
 * Yes: a short thanks. No: the other articles the question found (above the suggestion floor) and a
 * person, and the question goes to the gap report as `not_helpful`. Once a person
 * has the conversation, either answer only gets "Thanks for your feedback".
 */
import { eq } from 'drizzle-orm';
import type { BotFeedbackInput, BotFeedbackResult, MessageMeta } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { broadcastMessage, conversationMessage, insertMessage } from '../conversations/service.js';
import { toMessage } from '../conversations/views.js';
import type { ConversationRow } from '../conversations/views.js';
import { recordGap, searchKb } from '../kb/service.js';
import { AppError } from '../lib/errors.js';
import { replyLocale, suggestionsFor } from './builtin.js';
import { botFeedback as botFeedbackTable } from './schema.js';
import { BOT_TEXT } from './text.js';

/** `conv` is the visitor's own conversation (the caller checked). */
export async function botFeedback(ctx: AppContext, conv: ConversationRow, input: BotFeedbackInput): Promise<BotFeedbackResult> {
  const answer = await conversationMessage(ctx, conv.id, input.messageId);
  if (answer.author !== 'bot' || answer.meta?.feedback !== 'ask') throw new AppError('invalid', 'only an answer of the bot can be rated');
  const [before] = await ctx.db.select().from(botFeedbackTable).where(eq(botFeedbackTable.messageId, answer.id));
  if (before) return { messageId: answer.id, helpful: before.helpful, recorded: false };
  if (conv.status === 'closed') throw new AppError('closed', 'the conversation is closed');

  const question = answer.meta.replyTo ? await conversationMessage(ctx, conv.id, answer.meta.replyTo).catch(() => null) : null;
  const locale = replyLocale(conv.locale, question?.body ?? answer.body);
  const articleId = answer.meta.articles?.[0]?.id ?? null;
  const withBot = conv.status === 'bot';
  const meta: MessageMeta = { feedbackFor: { messageId: answer.id, helpful: input.helpful } };
  let body: string;
  if (!withBot) body = BOT_TEXT.feedbackNoted[locale];
  else if (input.helpful) body = BOT_TEXT.feedbackThanks[locale];
  else {
    const found = question ? await searchKb(ctx, conv.siteId, question.body, { locale: conv.locale, limit: 6 }) : null;
    const except = found?.hits.find((h) => h.id === articleId)?.groupId;
    const articles = found ? suggestionsFor(found.hits, { except }).filter((a) => a.id !== articleId) : [];
    if (articles.length) meta.articles = articles;
    meta.actions = ['handoff'];
    body = articles.length ? BOT_TEXT.feedbackSorry[locale] : BOT_TEXT.feedbackSorryNothing[locale];
  }

  const followUp = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(botFeedbackTable)
      .values({ messageId: answer.id, conversationId: conv.id, siteId: conv.siteId, articleId, helpful: input.helpful, createdAt: ctx.clock() })
      .onConflictDoNothing()
      .returning({ helpful: botFeedbackTable.helpful });
    if (!row) return null;
    return (await insertMessage(ctx, tx, conv.id, { author: 'bot', authorName: BOT_TEXT.name[conv.locale], body, meta })).row;
  });
  if (!followUp) {
    // Another request for the same answer committed first.
    const [winner] = await ctx.db.select().from(botFeedbackTable).where(eq(botFeedbackTable.messageId, answer.id));
    return { messageId: answer.id, helpful: winner?.helpful ?? input.helpful, recorded: false };
  }
  if (!input.helpful && question) {
    await recordGap(ctx, { siteId: conv.siteId, locale, text: question.body, reason: 'not_helpful', conversationId: conv.id }).catch((err: unknown) =>
      ctx.logger.warn({ err, conversationId: conv.id }, 'recording a knowledge-base gap failed'),
    );
  }
  broadcastMessage(ctx, toMessage(followUp));
  return { messageId: answer.id, helpful: input.helpful, recorded: true };
}
