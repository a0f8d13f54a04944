/**
 * A single-page app's route change (parley.js posts it): the visitor's open conversation shows the new
 * page to its agent at once; refused for a wrong token, site or body, with nothing changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { AgentConversation, ConversationSync, VisitorConversation } from '@parley/protocol';
import { conversations, visitors } from '../db/schema.js';
import { api, codeOf } from '../kb/test-kit.js';
import { call, connectAgent, connectVisitor, nextEvent, unwrap, useTestServer } from '../test-clients.js';

const env = useTestServer();

test('a route change reaches the agent of the open conversation; bad input changes nothing', async () => {
  const { server } = env;
  const { socket: visitor, session } = await connectVisitor(server);
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:start', { pageUrl: 'https://shop.example/' }));
  const id = sync.conversation.id;
  unwrap(await call(visitor, 'conversation:handoff', { conversationId: id, departmentId: server.departments.sales.id }));
  const agent = await connectAgent(server, server.accounts.alice);
  const claimed = unwrap(await call<AgentConversation>(agent.socket, 'conversation:claim', { conversationId: id }));
  assert.equal(claimed.visitor.pageUrl, 'https://shop.example/');

  const page = (body: Record<string, unknown>) => api<{ conversationId: string | null }>(server, '/api/visitor/page', { json: body });
  const seen = nextEvent<AgentConversation>(agent.socket, 'conversation:updated', (c) => c.id === id && c.visitor.pageUrl === 'https://shop.example/cart?step=2');
  const moved = await page({ siteKey: server.siteKey, visitorToken: session.token, url: 'https://shop.example/cart?step=2' });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.conversationId, id);
  await seen;

  // Refused, with the page left as it was.
  assert.equal((await page({ siteKey: server.siteKey, visitorToken: 'z'.repeat(43), url: 'https://evil.example/' })).status, 401);
  assert.equal((await page({ siteKey: 'site_nope', visitorToken: session.token, url: 'https://evil.example/' })).status, 401);
  for (const bad of [{ siteKey: server.siteKey, visitorToken: session.token }, { siteKey: server.siteKey, visitorToken: session.token, url: 'x'.repeat(2001) }, { siteKey: server.siteKey, visitorToken: session.token, url: 'https://a.example/', extra: 1 }]) {
    assert.equal(codeOf(await page(bad)), 'invalid', JSON.stringify(bad).slice(0, 80));
  }
  const [row] = await server.database.db.select({ pageUrl: conversations.pageUrl }).from(conversations).where(eq(conversations.id, id));
  assert.equal(row!.pageUrl, 'https://shop.example/cart?step=2');

  // After the chat is closed, only the visitor's page moves (the next chat starts from it).
  unwrap(await call(visitor, 'conversation:close', { conversationId: id }));
  const later = await page({ siteKey: server.siteKey, visitorToken: session.token, url: 'https://shop.example/help' });
  assert.equal(later.body.conversationId, null);
  const [v] = await server.database.db.select({ pageUrl: visitors.pageUrl }).from(visitors).where(eq(visitors.tokenHash, (await import('../auth/password.js')).sha256(session.token)));
  assert.equal(v!.pageUrl, 'https://shop.example/help');
  const [closed] = await server.database.db.select({ pageUrl: conversations.pageUrl }).from(conversations).where(eq(conversations.id, id));
  assert.equal(closed!.pageUrl, 'https://shop.example/cart?step=2', 'a closed chat keeps the page it ended on');
});
