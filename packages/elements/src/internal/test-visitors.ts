/**
 * Test-only: visitors as raw socket.io-client connections to the REAL server's /visitor namespace, so
 * element tests prove the element and the server agree on the wire. Every element test file shares one
 * server, so `leave()` (call it in afterEach) ends each visitor's conversation before disconnecting: a
 * chat left queued would change the queue position another file's visitor is told.
 */
import { io, type Socket } from 'socket.io-client';
import type { Locale, Message, VisitorClientEvents, VisitorConversation, VisitorServerEvents, VisitorSession } from '@parley/protocol';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

export interface TestVisitor {
  socket: VisitorSocket;
  conversationId: string;
  /** Every message the server pushed to this visitor, in arrival order. */
  received: Message[];
  updates: VisitorConversation[];
  say(body: string): Promise<Message>;
  handoff(departmentId: string): Promise<void>;
}

export class TestVisitors {
  private readonly live: TestVisitor[] = [];

  constructor(private readonly server: () => Promise<{ url: string; siteKey: string }>) {}

  /** A visitor with a started conversation (the bot's greeting included). */
  async start(pageUrl: string, locale: Locale = 'en'): Promise<TestVisitor> {
    const { url, siteKey } = await this.server();
    const response = await fetch(`${url}/api/visitor/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey }),
    });
    if (!response.ok) throw new Error(`visitor session: HTTP ${response.status}`);
    const session = (await response.json()) as VisitorSession;
    const socket: VisitorSocket = io(`${url}/visitor`, { auth: { siteKey, token: session.token }, transports: ['websocket'], forceNew: true });
    const received: Message[] = [];
    const updates: VisitorConversation[] = [];
    socket.on('message:created', (m) => received.push(m));
    socket.on('conversation:updated', (c) => updates.push(c));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (err) => reject(err));
      });
    } catch (err) {
      socket.disconnect();
      throw err;
    }
    const started = await socket.emitWithAck('conversation:start', { pageUrl, locale });
    if (!started.ok) {
      socket.disconnect();
      throw new Error(`conversation:start: ${started.error.message}`);
    }
    const conversationId = started.data.conversation.id;
    const visitor: TestVisitor = {
      socket,
      conversationId,
      received,
      updates,
      async say(body) {
        const ack = await socket.emitWithAck('message:send', { conversationId, clientId: crypto.randomUUID(), body });
        if (!ack.ok) throw new Error(`message:send: ${ack.error.message}`);
        return ack.data;
      },
      async handoff(departmentId) {
        const ack = await socket.emitWithAck('conversation:handoff', { conversationId, departmentId });
        if (!ack.ok) throw new Error(`conversation:handoff: ${ack.error.message}`);
      },
    };
    this.live.push(visitor);
    return visitor;
  }

  /** Ends every visitor's conversation (an already closed one answers an error, which is fine) and disconnects. */
  async leave(): Promise<void> {
    for (const v of this.live.splice(0)) {
      if (v.socket.connected) {
        await v.socket
          .timeout(2000)
          .emitWithAck('conversation:close', { conversationId: v.conversationId })
          .catch(() => undefined);
      }
      v.socket.disconnect();
    }
  }
}
