/** "Did this answer your question?": `bot:feedback` over real sockets, with what it writes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Ack, BotFeedbackResult, KbGap, Message, VisitorConversation } from '@parley/protocol';
import { conversations, messages } from '../db/schema.js';
import { listGaps } from '../kb/service.js';
import { call, connectVisitor, nextEvent, unwrap, useTestServer } from '../test-clients.js';
import type { Socket } from '../test-clients.js';
import { botFeedback } from './schema.js';
import { BOT_TEXT } from './text.js';

const env = useTestServer();
const db = () => env.server.database.db;

async function startChat(locale: 'en' | 'zh-CN' | 'zh-TW' = 'en') {
  const { socket } = await connectVisitor(env.server);
  const sync = unwrap(await call<{ conversation: VisitorConversation; messages: Message[] }>(socket, 'conversation:start', { locale }));
  return { socket, id: sync.conversation.id, greeting: sync.messages[0]! };
}

async function ask(socket: Socket, conversationId: string, body: string): Promise<Message> {
  const reply = nextEvent<Message>(socket, 'message:created', (m) => m.conversationId === conversationId && m.author === 'bot', 10_000);
  unwrap(await call(socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body }));
  return reply;
}

/** A conversation with one bot answer to rate. */
async function answered(question: string, locale: 'en' | 'zh-CN' | 'zh-TW' = 'en') {
  const chat = await startChat(locale);
  const answer = await ask(chat.socket, chat.id, question);
  assert.equal(answer.meta?.feedback, 'ask', `"${question}" should be answered, got ${JSON.stringify(answer)}`);
  return { ...chat, answer };
}

const feedback = (socket: Socket, input: unknown) => call<BotFeedbackResult>(socket, 'bot:feedback', input);
const followUpOf = (socket: Socket, answerId: string) => nextEvent<Message>(socket, 'message:created', (m) => m.meta?.feedbackFor?.messageId === answerId);
const messageCount = async (conversationId: string) => (await db().select().from(messages).where(eq(messages.conversationId, conversationId))).length;
const feedbackRows = async () => db().select().from(botFeedback);
const gapsFor = async (example: string): Promise<KbGap[]> => {
  const [conv] = await db().select({ siteId: conversations.siteId }).from(conversations).limit(1);
  return (await listGaps(env.server.app.ctx, { siteId: conv!.siteId, limit: 500 })).filter((g) => g.example === example);
};

function refused(ack: Ack<unknown>, code: string): void {
  assert.equal(ack.ok, false, 'should be refused');
  if (!ack.ok) {
    assert.equal(ack.error.code, code, ack.error.message);
    assert.ok(ack.error.message.length > 0);
  }
}

test('"yes": a short thanks, the vote on record, no gap', async () => {
  const question = 'How long does shipping take?';
  const { socket, id, answer } = await answered(question);
  const thanks = followUpOf(socket, answer.id);
  const ack = unwrap(await feedback(socket, { conversationId: id, messageId: answer.id, helpful: true }));
  assert.deepEqual(ack, { messageId: answer.id, helpful: true, recorded: true });
  const reply = await thanks;
  assert.equal(reply.author, 'bot');
  assert.equal(reply.body, BOT_TEXT.feedbackThanks.en);
  assert.deepEqual(reply.meta?.feedbackFor, { messageId: answer.id, helpful: true });
  assert.equal(reply.meta?.actions, undefined);
  const [row] = (await feedbackRows()).filter((r) => r.messageId === answer.id);
  assert.equal(row!.helpful, true);
  assert.equal(row!.articleId, answer.meta?.articles?.[0]?.id);
  assert.equal(row!.conversationId, id);
  assert.deepEqual(await gapsFor(question), []);

  // After a reload the widget learns from the history that the answer was rated.
  const sync = unwrap(await call<{ messages: Message[] }>(socket, 'conversation:sync', { conversationId: id, afterSeq: 0 }));
  assert.ok(sync.messages.some((m) => m.meta?.feedbackFor?.messageId === answer.id && m.meta.feedbackFor.helpful));
});

test('"no": the other articles and a person, and the question in the gap report as not helpful', async () => {
  const question = 'how do I reset my password';
  const { socket, id, answer } = await answered(question);
  const sorry = followUpOf(socket, answer.id);
  const ack = unwrap(await feedback(socket, { conversationId: id, messageId: answer.id, helpful: false }));
  assert.deepEqual(ack, { messageId: answer.id, helpful: false, recorded: true });
  const reply = await sorry;
  assert.equal(reply.body, reply.meta?.articles ? BOT_TEXT.feedbackSorry.en : BOT_TEXT.feedbackSorryNothing.en);
  assert.deepEqual(reply.meta?.actions, ['handoff']);
  assert.deepEqual(reply.meta?.feedbackFor, { messageId: answer.id, helpful: false });
  const rated = answer.meta!.articles![0]!;
  assert.ok(!(reply.meta?.articles ?? []).some((a) => a.id === rated.id || a.title === rated.title), 'the article that did not help is not offered again');
  assert.ok((reply.meta?.articles?.length ?? 0) <= 3);
  const [gap] = await gapsFor(question);
  assert.ok(gap, 'recorded for the gap report');
  assert.equal(gap.reason, 'not_helpful');
  assert.equal(gap.count, 1);
  assert.equal(gap.locale, 'en');
  const [conv] = await db().select().from(conversations).where(eq(conversations.id, id));
  assert.equal(conv!.status, 'bot', 'a person is offered, not imposed');
  assert.equal(conv!.botMisses, 0);
});

test('"no" in a Chinese conversation is answered in Chinese', async () => {
  const { socket, id, answer } = await answered('退款要多久才到帳', 'zh-TW');
  const sorry = followUpOf(socket, answer.id);
  unwrap(await feedback(socket, { conversationId: id, messageId: answer.id, helpful: false }));
  const reply = await sorry;
  assert.ok(reply.body === BOT_TEXT.feedbackSorry['zh-TW'] || reply.body === BOT_TEXT.feedbackSorryNothing['zh-TW'], reply.body);
  assert.equal((await gapsFor('退款要多久才到帳'))[0]?.locale, 'zh-TW');
});

test('answering twice keeps the first answer and writes nothing more; a double click records once', async () => {
  const question = 'How do I return an item?';
  const { socket, id, answer } = await answered(question);
  const first = followUpOf(socket, answer.id);
  unwrap(await feedback(socket, { conversationId: id, messageId: answer.id, helpful: false }));
  await first;
  const count = await messageCount(id);
  const again = unwrap(await feedback(socket, { conversationId: id, messageId: answer.id, helpful: true }));
  assert.deepEqual(again, { messageId: answer.id, helpful: false, recorded: false });
  const same = unwrap(await feedback(socket, { conversationId: id, messageId: answer.id, helpful: false }));
  assert.equal(same.recorded, false);
  assert.equal(await messageCount(id), count, 'no second follow-up');
  assert.equal((await gapsFor(question))[0]?.count, 1, 'the gap is counted once');
  assert.equal((await feedbackRows()).filter((r) => r.messageId === answer.id)[0]?.helpful, false);

  const two = await answered('how do I reset my password');
  const before = await messageCount(two.id);
  const acks = await Promise.all([true, false, true].map((helpful) => feedback(two.socket, { conversationId: two.id, messageId: two.answer.id, helpful })));
  const results = acks.map((a) => unwrap(a));
  assert.equal(results.filter((r) => r.recorded).length, 1, 'exactly one click counts');
  assert.equal(new Set(results.map((r) => r.helpful)).size, 1, 'every ack reports the one value on record');
  assert.equal(await messageCount(two.id), before + 1);
});

test('after a person took over, feedback is noted without offering a person again', async () => {
  const question = 'How long does a refund take?';
  const { socket, id, answer } = await answered(question);
  unwrap(await call(socket, 'conversation:handoff', { conversationId: id }));
  const noted = followUpOf(socket, answer.id);
  unwrap(await feedback(socket, { conversationId: id, messageId: answer.id, helpful: false }));
  const reply = await noted;
  assert.equal(reply.body, BOT_TEXT.feedbackNoted.en);
  assert.equal(reply.meta?.actions, undefined);
  assert.equal(reply.meta?.articles, undefined);
  assert.equal((await gapsFor(question))[0]?.reason, 'not_helpful');
});

test('bad input to bot:feedback: clear errors, nothing written', async () => {
  const mine = await answered('How long does shipping take?');
  const theirs = await answered('How do I cancel an order?');
  const rows = (await feedbackRows()).length;
  const counts = [await messageCount(mine.id), await messageCount(theirs.id)];

  // Malformed payloads.
  for (const input of [
    undefined,
    {},
    { conversationId: mine.id, messageId: mine.answer.id },
    { conversationId: mine.id, messageId: mine.answer.id, helpful: 'yes' },
    { conversationId: mine.id, messageId: mine.answer.id, helpful: 1 },
    { conversationId: 'nope', messageId: mine.answer.id, helpful: true },
    { conversationId: mine.id, messageId: '\u0000', helpful: true },
    { conversationId: mine.id, messageId: mine.answer.id, helpful: true, extra: 1 },
  ]) {
    refused(await feedback(mine.socket, input), 'invalid');
  }
  // Unknown ids.
  refused(await feedback(mine.socket, { conversationId: crypto.randomUUID(), messageId: mine.answer.id, helpful: true }), 'not_found');
  refused(await feedback(mine.socket, { conversationId: mine.id, messageId: crypto.randomUUID(), helpful: true }), 'not_found');
  // Someone else's conversation, with its real answer: looks exactly like a missing one.
  refused(await feedback(mine.socket, { conversationId: theirs.id, messageId: theirs.answer.id, helpful: false }), 'not_found');
  // Their answer's id under my conversation.
  refused(await feedback(mine.socket, { conversationId: mine.id, messageId: theirs.answer.id, helpful: false }), 'not_found');
  // Not a bot answer: my own message, the greeting, a "not sure" reply.
  const visitorMessage = (await db().select().from(messages).where(eq(messages.conversationId, mine.id))).find((m) => m.author === 'visitor')!;
  refused(await feedback(mine.socket, { conversationId: mine.id, messageId: visitorMessage.id, helpful: true }), 'invalid');
  refused(await feedback(mine.socket, { conversationId: mine.id, messageId: mine.greeting.id, helpful: true }), 'invalid');
  const miss = await ask(mine.socket, mine.id, 'Do you sell purple elephants?');
  assert.equal(miss.meta?.feedback, undefined);
  refused(await feedback(mine.socket, { conversationId: mine.id, messageId: miss.id, helpful: false }), 'invalid');
  counts[0] = await messageCount(mine.id);

  assert.equal((await feedbackRows()).length, rows);
  assert.deepEqual([await messageCount(mine.id), await messageCount(theirs.id)], counts);
  assert.deepEqual(await gapsFor('How do I cancel an order?'), []);

  // A closed conversation takes no feedback.
  unwrap(await call(mine.socket, 'conversation:close', { conversationId: mine.id }));
  const closedCount = await messageCount(mine.id);
  refused(await feedback(mine.socket, { conversationId: mine.id, messageId: mine.answer.id, helpful: true }), 'closed');
  assert.equal(await messageCount(mine.id), closedCount);
  assert.equal((await feedbackRows()).length, rows);
});
