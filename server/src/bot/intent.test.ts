import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANSWER_BUDGET, blocksOf, columns, summarize } from './answer.js';
import { replyLocale, SUGGESTION_FLOOR, suggestionsFor } from './builtin.js';
import { asksForPerson, smallTalk } from './intent.js';

/** Requests for a person, in the three scripts and the ways people type them. */
const ASKS = [
  'talk to a person',
  'Talk to a person!',
  'human please',
  'HUMAN',
  'agent',
  'representative',
  'customer service please',
  'I want a real person',
  'I need a human',
  'can I speak to an agent',
  'Can I speak to an agent?',
  'connect me with an agent please',
  'transfer me to a human',
  'let me talk to someone',
  'I’m not happy with this, let me talk to a person',
  'i dont understand, can I talk to a human?',
  'is there a human I can talk to?',
  'anyone there?',
  '转人工',
  '人工',
  '人工客服',
  '真人客服',
  '客服',
  '我要找客服',
  '我需要人工服务',
  '找人工',
  '能不能帮我转人工客服',
  '可以转人工吗',
  '怎么转人工',
  '我想跟真人说话',
  '有人吗？',
  '轉人工',
  '請幫我轉接真人客服',
  '給我真人',
  '我要找真人客服，謝謝',
  'ＨＵＭＡＮ　ＰＬＥＡＳＥ',
];

/** Questions that mention agents, people or 客服 but deserve an answer (or are refusals). */
const QUESTIONS = [
  '客服电话是多少',
  '客服電話是多少',
  '人工客服几点上班',
  '客服的服務時間是什麼時候？',
  '客服邮箱是什么',
  '如何联系客服？',
  '怎么找客服',
  '我要投诉客服',
  '客服太慢了',
  '人工智能是什么',
  '不用转人工，我自己看看',
  'agent login not working',
  'what does a person need to return an item',
  'how can I contact customer service?',
  'when can I speak to an agent',
  'customer service phone number',
  "I don't want to talk to a person",
  'no need for a human, thanks',
  'I need someone to fix my washing machine',
  'I need a person to install my fridge',
  'can my agent pick up the parcel for me',
  'the agent was rude',
  'How long does shipping take?',
  'does a human check every order',
  '我想问一下退货',
];

test('handoff on intent: every request form in three scripts', () => {
  const missed = ASKS.filter((t) => !asksForPerson(t));
  assert.deepEqual(missed, [], 'requests for a person that were not recognised');
});

test('no handoff for questions that merely mention 客服, "agent" or "person"', () => {
  const wrong = QUESTIONS.filter((t) => asksForPerson(t));
  assert.deepEqual(wrong, [], 'questions taken for a request for a person');
  assert.ok(ASKS.length + QUESTIONS.length >= 60);
});

test('handoff intent survives hostile input without throwing', () => {
  for (const t of ['', ' ', '\u0000human', 'a'.repeat(100_000), '人工'.repeat(1000), '\uD800', undefined as unknown as string]) {
    assert.doesNotThrow(() => asksForPerson(t));
  }
  assert.equal(asksForPerson('人工'.repeat(1000)), false, 'a flood is not a request');
});

test('small talk: greetings and thanks in three scripts, empty messages, but not questions', () => {
  for (const t of ['hi', 'Hello!', 'hi there', 'good morning', '你好', '您好！', '哈囉', '在吗']) assert.equal(smallTalk(t), 'greeting', t);
  for (const t of ['thanks!', 'Thank you so much', 'ok', '谢谢', '謝謝你', '好的', '拜拜']) assert.equal(smallTalk(t), 'thanks', t);
  for (const t of ['???', '👍', '   ', '……']) assert.equal(smallTalk(t), 'empty', t);
  for (const t of ['hi, how long does shipping take', '你好，我想退货', 'refund', '人工']) assert.equal(smallTalk(t), null, t);
});

test('the reply language: the conversation decides, the text\'s script breaks ties', () => {
  assert.equal(replyLocale('en', 'How do I return an item?'), 'en');
  assert.equal(replyLocale('en', '我想退货，怎么办？'), 'zh-CN', 'a Chinese question on an English page is answered in Chinese');
  assert.equal(replyLocale('en', '退貨要怎麼辦'), 'zh-TW', 'traditional-only characters pick 繁體 when the conversation cannot');
  assert.equal(replyLocale('zh-TW', '退货要怎么办'), 'zh-TW', 'a zh-TW conversation stays 繁體 whatever the characters');
  assert.equal(replyLocale('zh-CN', '退貨要怎麼辦'), 'zh-CN');
  assert.equal(replyLocale('zh-CN', 'How do I return an item?'), 'en');
  assert.equal(replyLocale('zh-TW', '12345'), 'zh-TW', 'no script at all: the conversation');
});

test('an article becomes a short plain-text answer: markdown stripped, whole blocks, "…" when cut', () => {
  const md = [
    'Every order leaves our warehouse within **1 business day**. See [tracking](https://acme.test/t).',
    '',
    '<script>alert(1)</script>',
    '',
    'What it costs:',
    '- Standard shipping is **free** over US$50.',
    '- Express costs US$12.',
    '',
    'x '.repeat(400),
  ].join('\n');
  const answer = summarize(md);
  assert.equal(answer, 'Every order leaves our warehouse within 1 business day. See tracking.\nWhat it costs:\n• Standard shipping is free over US$50.\n• Express costs US$12.\n…');
  assert.doesNotMatch(answer, /[*<>[\]]|script/);
  assert.equal(summarize('Short and whole.'), 'Short and whole.', 'nothing cut, no "…"');

  // A lead-in whose list was cut goes with it.
  const leadIn = summarize(`${'Intro sentence here. '.repeat(20)}\n\nWhat it costs:\n\n- ${'y'.repeat(300)}`);
  assert.match(leadIn, /here\.\n…$/);

  // One long block: cut at a sentence end within the budget.
  const long = summarize('First sentence is here. '.repeat(60));
  assert.ok(columns(long) <= ANSWER_BUDGET, `${columns(long)} columns`);
  assert.match(long, /here\.…$/);

  // Chinese counts double: about 300 characters.
  const zh = summarize(`${'所有订单都会在一个工作日内发出。'.repeat(30)}`);
  assert.ok(columns(zh) <= ANSWER_BUDGET && [...zh].length <= 301, `${[...zh].length} characters`);
  assert.match(zh, /。…$/);
  assert.deepEqual(blocksOf('1. one\n2. two'), ['1. one', '2. two']);
});

const hit = (id: string, groupId: string, title: string, score = 10) => ({ id, groupId, title, score, locale: 'en' as const, categoryId: null, excerpt: '', updatedAt: '' });

test('suggestions: only hits at or above the floor, at most three, never the one that did not help', () => {
  const hits = [
    hit('1', 'g1', 'Can I pay in installments?', 21.9),
    hit('2', 'g2', 'Which payment methods do you accept?', 15.2),
    hit('3', 'g3', 'Why was my payment declined?', 11.2),
    hit('4', 'g4', 'Which countries do you ship to?', SUGGESTION_FLOOR),
    hit('5', 'g5', 'How do I return an item?', 4.6),
  ];
  assert.deepEqual(
    suggestionsFor(hits).map((h) => h.id),
    ['1', '2', '3'],
  );
  assert.deepEqual(suggestionsFor(hits, { except: 'g2' }).map((h) => h.id), ['1', '3', '4']);
  assert.deepEqual(suggestionsFor(hits.slice(4)), [], 'nothing relevant: nothing suggested');
  assert.deepEqual(suggestionsFor([]), []);
});
