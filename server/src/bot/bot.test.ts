import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Message, VisitorConversation } from '@parley/protocol';
import { conversations, messages } from '../db/schema.js';
import { call, connectVisitor, nextEvent, unwrap, useTestServer } from '../test-clients.js';
import type { Socket } from '../test-clients.js';
import { asksForPerson } from './service.js';
import { BOT_TEXT } from './text.js';
import { tokenize } from './tokenize.js';

const env = useTestServer();

test('tokenize: Latin words and CJK bigrams', () => {
  assert.deepEqual(tokenize('Where are my Returns?'), ['where', 'return']);
  assert.deepEqual(tokenize('我想退货'), ['想退', '退货']);
  assert.deepEqual(tokenize('退款 refund'), ['退款', 'refund']);
});

test('handoff words: Latin as whole words, CJK as substrings', () => {
  assert.ok(asksForPerson('Can I talk to a HUMAN please'));
  assert.ok(asksForPerson('我要转人工'));
  assert.ok(asksForPerson('請幫我轉人工'));
  assert.ok(!asksForPerson('humanity is great'));
  assert.ok(!asksForPerson('How long does shipping take?'));
});

async function startChat(locale: 'en' | 'zh-CN' | 'zh-TW') {
  const { socket } = await connectVisitor(env.server);
  const sync = unwrap(await call<{ conversation: VisitorConversation; messages: Message[] }>(socket, 'conversation:start', { locale }));
  return { socket, id: sync.conversation.id, sync };
}

async function ask(socket: Socket, conversationId: string, body: string): Promise<Message> {
  const reply = nextEvent<Message>(socket, 'message:created', (m) => m.conversationId === conversationId && (m.author === 'bot' || m.author === 'system'));
  unwrap(await call(socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body }));
  return reply;
}

test('a new conversation starts with a greeting in the visitor locale', async () => {
  for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
    const { sync } = await startChat(locale);
    assert.equal(sync.conversation.status, 'bot');
    assert.equal(sync.messages.length, 1);
    assert.equal(sync.messages[0]!.author, 'bot');
    assert.equal(sync.messages[0]!.body, BOT_TEXT.greeting[locale]);
  }
});

test('the bot answers an English FAQ question with the entry, articles and a handoff action', async () => {
  const { socket, id } = await startChat('en');
  const reply = await ask(socket, id, 'How long will the shipping take to Berlin?');
  assert.equal(reply.author, 'bot');
  assert.match(reply.body, /Orders ship within 1 business day/);
  assert.equal(reply.meta?.articles?.[0]?.title, 'How long does shipping take?');
  assert.deepEqual(reply.meta?.actions, ['handoff']);
});

test('the bot answers Chinese questions from entries in the conversation locale', async () => {
  const cn = await startChat('zh-CN');
  const a = await ask(cn.socket, cn.id, '我想退货，怎么办？');
  assert.match(a.body, /30 天内退货/);
  assert.equal(a.meta?.articles?.[0]?.title, '如何退货？');

  const tw = await startChat('zh-TW');
  const b = await ask(tw.socket, tw.id, '退款要多久才到帳');
  assert.match(b.body, /退款至原付款方式/);
});

test('the language of the question wins over the page language: Chinese on an English page, English on a Chinese one', async () => {
  const en = await startChat('en');
  const a = await ask(en.socket, en.id, '我想退货，怎么办？');
  assert.match(a.body, /30 天内退货/, 'answered from the Chinese FAQ, in Chinese');
  assert.equal(a.meta?.articles?.[0]?.title, '如何退货？');
  const miss = await ask(en.socket, en.id, '今天天气很好');
  assert.equal(miss.body, BOT_TEXT.notSure['zh-CN'], 'even the "not sure" reply follows the question');

  const cn = await startChat('zh-CN');
  const b = await ask(cn.socket, cn.id, 'How do I return an item?');
  assert.match(b.body, /30 days/i);
});

test('"人工" hands the conversation to the first department queue at once', async () => {
  const { socket, id } = await startChat('zh-CN');
  const updated = nextEvent<VisitorConversation>(socket, 'conversation:updated', (c) => c.id === id && c.status === 'queued');
  const sys = await ask(socket, id, '人工');
  assert.equal(sys.author, 'system');
  assert.equal(sys.meta?.system?.kind, 'queued');
  const conv = await updated;
  assert.equal(conv.departmentId, env.server.departments.sales.id);
  assert.equal(conv.queue?.position, 1);
  const [row] = await env.server.database.db.select().from(conversations).where(eq(conversations.id, id));
  assert.equal(row!.status, 'queued');
  assert.ok(row!.queuedAt);
});

test('two misses in a row: a "not sure" reply, then an automatic handoff', async () => {
  const { socket, id } = await startChat('en');
  const first = await ask(socket, id, 'Do you sell purple elephants?');
  assert.equal(first.body, BOT_TEXT.notSure.en);
  assert.deepEqual(first.meta?.actions, ['handoff']);
  let [row] = await env.server.database.db.select().from(conversations).where(eq(conversations.id, id));
  assert.equal(row!.botMisses, 1);
  assert.equal(row!.status, 'bot');

  const queued = nextEvent<Message>(socket, 'message:created', (m) => m.author === 'system' && m.meta?.system?.kind === 'queued');
  const second = await ask(socket, id, 'Zebra stripes for my garden?');
  assert.equal(second.body, BOT_TEXT.handoff.en);
  await queued;
  [row] = await env.server.database.db.select().from(conversations).where(eq(conversations.id, id));
  assert.equal(row!.botMisses, 2);
  assert.equal(row!.status, 'queued');
  const stored = await env.server.database.db.select().from(messages).where(eq(messages.conversationId, id));
  assert.deepEqual(
    stored.sort((a, b) => a.seq - b.seq).map((m) => m.author),
    ['bot', 'visitor', 'bot', 'visitor', 'bot', 'system'],
  );
});

test('once queued, the bot stays quiet', async () => {
  const { socket, id } = await startChat('en');
  unwrap(await call(socket, 'conversation:handoff', { conversationId: id }));
  const heard: Message[] = [];
  socket.on('message:created', (m: Message) => heard.push(m));
  unwrap(await call(socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'How long does shipping take?' }));
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(heard.map((m) => m.author), ['visitor']);
});
