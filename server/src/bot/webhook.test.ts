/**
 * The external bot against a real HTTP server started here (node:http): what it receives, what the
 * visitor sees of its replies, and the built-in bot taking over whenever it fails.
 */
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import type { Message, VisitorConversation } from '@parley/protocol';
import { conversations, messages, sites } from '../db/schema.js';
import { call, connectVisitor, nextEvent, unwrap, useTestServer } from '../test-clients.js';
import type { Socket } from '../test-clients.js';
import { BOT_TEXT } from './text.js';
import { setBotWebhook } from './service.js';
import type { WebhookPayload } from './webhook.js';

const env = useTestServer();
const SECRET = 'test-secret-0123456789abcdef';

interface Received {
  headers: IncomingMessage['headers'];
  raw: string;
  body: WebhookPayload;
}

/** The receiving end: records every request and answers with whatever `respond` says. */
let received: Received[] = [];
let respond: (req: Received, res: ServerResponse) => void = (_req, res) => res.end('{}');
let hookServer: Server;
let hookUrl: string;

before(async () => {
  hookServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const r: Received = { headers: req.headers, raw, body: JSON.parse(raw) as WebhookPayload };
      received.push(r);
      respond(r, res);
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/bot`;
});
after(async () => {
  hookServer.closeAllConnections();
  await new Promise<void>((resolve) => hookServer.close(() => resolve()));
});

const ctx = () => env.server.app.ctx;
const siteId = async () => (await ctx().db.select({ id: sites.id }).from(sites).where(eq(sites.key, env.server.siteKey)))[0]!.id;

async function useHook(opts: { timeoutMs?: number; enabled?: boolean } = {}) {
  received = [];
  await setBotWebhook(ctx(), await siteId(), { url: hookUrl, secret: SECRET, ...opts });
}

const json = (value: unknown) => (_req: Received, res: ServerResponse) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(value));
};

async function startChat(locale: 'en' | 'zh-CN' | 'zh-TW' = 'en') {
  const { socket } = await connectVisitor(env.server);
  const sync = unwrap(await call<{ conversation: VisitorConversation; messages: Message[] }>(socket, 'conversation:start', { locale }));
  return { socket, id: sync.conversation.id };
}

/** Sends `body`; resolves with the first `n` bot or system messages after it. */
async function ask(socket: Socket, conversationId: string, body: string, n = 1): Promise<Message[]> {
  const heard: Message[] = [];
  const done = new Promise<Message[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`heard ${heard.length} of ${n} replies`)), 10_000);
    socket.on('message:created', (m: Message) => {
      if (m.conversationId !== conversationId || m.author === 'visitor') return;
      heard.push(m);
      if (heard.length === n) {
        clearTimeout(timer);
        resolve(heard);
      }
    });
  });
  unwrap(await call(socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), body }));
  return done;
}

const stored = async (id: string) => (await env.server.database.db.select().from(messages).where(eq(messages.conversationId, id))).sort((a, b) => a.seq - b.seq);

test('the request is signed, verifiable by the receiver, and carries the conversation, the message and its history', async () => {
  await useHook();
  respond = json({ replies: ['Hello from the external bot.'] });
  const { socket, id } = await startChat('zh-TW');
  await ask(socket, id, 'first question');
  const [reply] = await ask(socket, id, 'second question');
  assert.equal(reply!.body, 'Hello from the external bot.');
  assert.equal(received.length, 2);
  const r = received[1]!;

  // The receiver's check: HMAC-SHA256(secret, timestamp + "." + raw body), compared in constant time.
  const timestamp = String(r.headers['x-parley-timestamp']);
  assert.match(timestamp, /^\d{10}$/);
  assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 60, 'a fresh timestamp');
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${r.raw}`).digest('hex')}`);
  const given = Buffer.from(String(r.headers['x-parley-signature']));
  assert.ok(given.length === expected.length && timingSafeEqual(given, expected), 'signature verifies');
  const forged = createHmac('sha256', 'another-secret-000000').update(`${timestamp}.${r.raw}`).digest('hex');
  assert.notEqual(String(r.headers['x-parley-signature']), `sha256=${forged}`);
  assert.equal(r.headers['content-type'], 'application/json');

  assert.deepEqual(r.body.conversation, { id, locale: 'zh-TW', status: 'bot', siteKey: env.server.siteKey });
  const rows = await stored(id);
  const question = rows.find((m) => m.body === 'second question')!;
  assert.deepEqual(r.body.message, { id: question.id, body: 'second question', createdAt: question.createdAt.toISOString() });
  assert.deepEqual(
    r.body.history.map((h) => [h.author, h.body]),
    [
      ['bot', BOT_TEXT.greeting['zh-TW']],
      ['visitor', 'first question'],
      ['bot', 'Hello from the external bot.'],
    ],
  );
});

test('history is the last 10 messages before the current one', async () => {
  await useHook();
  respond = json({ replies: ['ok'] });
  const { socket, id } = await startChat();
  for (let i = 1; i <= 6; i++) await ask(socket, id, `q${i}`);
  const last = received[received.length - 1]!;
  assert.equal(last.body.message.body, 'q6');
  assert.equal(last.body.history.length, 10);
  assert.deepEqual(last.body.history[0], { ...last.body.history[0], author: 'visitor', body: 'q1' });
  assert.equal(last.body.history[9]!.body, 'ok');
});

test('replies are shown in order, and a handoff flag queues the visitor', async () => {
  await useHook();
  respond = json({ replies: ['One.', 'Two.', 'Three.'], handoff: true });
  const { socket, id } = await startChat();
  const heard = await ask(socket, id, 'I have a complicated question', 4);
  assert.deepEqual(
    heard.map((m) => [m.author, m.body || m.meta?.system?.kind]),
    [
      ['bot', 'One.'],
      ['bot', 'Two.'],
      ['bot', 'Three.'],
      ['system', 'queued'],
    ],
  );
  const [conv] = await env.server.database.db.select().from(conversations).where(eq(conversations.id, id));
  assert.equal(conv!.status, 'queued');
  // Queued: the external bot is not asked again.
  const before = received.length;
  unwrap(await call(socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'still there?' }));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(received.length, before);
});

test('a handoff with no replies hands off at once', async () => {
  await useHook();
  respond = json({ handoff: true });
  const { socket, id } = await startChat();
  const [sys] = await ask(socket, id, 'whatever');
  assert.equal(sys!.meta?.system?.kind, 'queued');
});

/** Each failure mode: the built-in bot answers the same message, and the conversation goes on. */
async function fallsBack(mode: string, setup: () => void | Promise<void>): Promise<void> {
  await setup();
  const { socket, id } = await startChat();
  const [reply] = await ask(socket, id, 'how do I reset my password');
  assert.equal(reply!.author, 'bot', mode);
  assert.equal(reply!.meta?.feedback, 'ask', `${mode}: the built-in bot answered`);
  assert.equal(reply!.meta?.articles?.[0]?.title, 'How do I reset my password?', mode);
  assert.ok(received.length >= 1, `${mode}: the external bot was asked first`);
  const [conv] = await env.server.database.db.select().from(conversations).where(eq(conversations.id, id));
  assert.equal(conv!.status, 'bot', mode);
}

test('a timeout falls back to the built-in bot', async () => {
  await fallsBack('timeout', async () => {
    await useHook({ timeoutMs: 200 });
    respond = (_req, res) => setTimeout(() => res.writeHead(200).end('{"replies":["too late"]}'), 1500).unref();
  });
  await new Promise((r) => setTimeout(r, 1500));
  const late = await env.server.database.db.select().from(messages).where(eq(messages.body, 'too late'));
  assert.deepEqual(late, [], 'a late answer is never shown');
});

test('a 500, garbage JSON, a wrong shape, too many replies, nothing to say or a redirect fall back', async () => {
  const cases: Array<[string, (req: Received, res: ServerResponse) => void]> = [
    ['500', (_req, res) => res.writeHead(500).end('{"replies":["error page"]}')],
    ['garbage JSON', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"replies": ["unterminated')],
    ['HTML', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>')],
    ['wrong shape', json({ replies: 'not an array' })],
    ['wrong item type', json({ replies: [42] })],
    ['too many replies', json({ replies: ['1', '2', '3', '4', '5', '6'] })],
    ['reply too long', json({ replies: ['x'.repeat(4001)] })],
    ['nothing to say', json({})],
    ['only blank replies', json({ replies: ['   ', '\u0000'] })],
    ['redirect', (_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end()],
    ['connection dropped', (req, res) => res.socket?.destroy()],
  ];
  for (const [mode, handler] of cases) {
    await fallsBack(mode, async () => {
      await useHook();
      respond = handler;
    });
  }
});

test('an endpoint that refuses connections falls back', async () => {
  received = [];
  await setBotWebhook(ctx(), await siteId(), { url: 'http://127.0.0.1:1/nothing-listens-here', secret: SECRET });
  const { socket, id } = await startChat();
  const [reply] = await ask(socket, id, 'how do I reset my password');
  assert.equal(reply!.meta?.articles?.[0]?.title, 'How do I reset my password?');
});

test('replies with NUL or broken surrogates are cleaned, and the conversation goes on', async () => {
  await useHook();
  respond = json({ replies: ['Hel\u0000lo', '\uD800broken\uDC00 pair', 'fine 👍'] });
  const { socket, id } = await startChat();
  const heard = await ask(socket, id, 'hi there', 3);
  assert.deepEqual(
    heard.map((m) => m.body),
    ['Hello', 'broken pair', 'fine 👍'],
  );
  respond = json({ replies: ['next answer'] });
  const [next] = await ask(socket, id, 'and then?');
  assert.equal(next!.body, 'next answer');
  const rows = await stored(id);
  assert.ok(rows.every((m) => !m.body.includes('\u0000')));
});

test('a disabled or removed webhook is not called', async () => {
  await useHook({ enabled: false });
  const { socket, id } = await startChat();
  const [reply] = await ask(socket, id, 'how do I reset my password');
  assert.equal(reply!.meta?.feedback, 'ask');
  assert.equal(received.length, 0);
  await setBotWebhook(ctx(), await siteId(), null);
  received = [];
  const [again] = await ask(socket, id, 'How do I return an item?');
  assert.equal(again!.meta?.feedback, 'ask');
  assert.equal(received.length, 0);
});

test('a failing endpoint is logged once, not once per message; recovery is logged once', async () => {
  const lines: Array<{ level: number; msg: string; reason?: string }> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
  const original = ctx().logger;
  ctx().logger = logger;
  try {
    await useHook();
    respond = (_req, res) => res.writeHead(503).end();
    const { socket, id } = await startChat();
    for (const q of ['how do I reset my password', 'How do I return an item?', 'How do I cancel an order?']) await ask(socket, id, q);
    const warnings = lines.filter((l) => l.level === 40 && /bot webhook/.test(l.msg));
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.equal(warnings[0]!.reason, 'status 503');
    respond = json({ replies: ['back'] });
    await ask(socket, id, 'are you back?');
    assert.equal(lines.filter((l) => l.level === 30 && /answers again/.test(l.msg)).length, 1);
  } finally {
    ctx().logger = original;
  }
});

test('setBotWebhook validates its input and changes nothing on bad input', async () => {
  const site = await siteId();
  await setBotWebhook(ctx(), site, { url: hookUrl, secret: SECRET, timeoutMs: 1234 });
  for (const bad of [
    { url: 'ftp://example.com/bot', secret: SECRET },
    { url: 'not a url', secret: SECRET },
    { url: '/relative', secret: SECRET },
    { url: hookUrl, secret: 'short' },
    { url: hookUrl, secret: `${SECRET}\u0000` },
    { url: hookUrl, secret: SECRET, timeoutMs: 0 },
    { url: hookUrl, secret: SECRET, timeoutMs: 60_000 },
    { url: hookUrl, secret: SECRET, extra: true } as never,
  ]) {
    await assert.rejects(setBotWebhook(ctx(), site, bad), (err: { code?: string }) => err.code === 'invalid', JSON.stringify(bad));
  }
  received = [];
  respond = json({ replies: ['still configured'] });
  const { socket, id } = await startChat();
  const [reply] = await ask(socket, id, 'hello?');
  assert.equal(reply!.body, 'still configured');
  await setBotWebhook(ctx(), site, null);
});
