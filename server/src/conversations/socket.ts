import { and, asc, eq, ne } from 'drizzle-orm';
import {
  agentHandshakeSchema,
  agentSyncSchema,
  botFeedbackSchema,
  conversationRefSchema,
  emptySchema,
  handoffSchema,
  presenceSchema,
  readSchema,
  sendMessageSchema,
  startConversationSchema,
  syncSchema,
  transferSchema,
  typingSchema,
  visitorHandshakeSchema,
} from '@parley/protocol/schemas';
import { LIMITS } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { authenticate } from '../auth/service.js';
import { botFeedback } from '../bot/service.js';
import { conversations, departments, agents, agentDepartments, visitors } from '../db/schema.js';
import { AppError, toProtocolError } from '../lib/errors.js';
import { commands, sequential } from '../lib/socket.js';
import { authenticateVisitor } from '../visitors/service.js';
import { ownedByVisitor, visitorRooms } from '../contacts/scope.js';
import { agentConnected, agentDisconnected, setPresence } from './presence.js';
import { agentClose, claim, closeConversation, handoff, transfer } from './routing.js';
import {
  agentAccess,
  agentConversation,
  agentRoom,
  agentSend,
  convRoom,
  deptRoom,
  markRead,
  newestOpenConversation,
  ownConversations,
  queueSnapshots,
  startConversation,
  syncConversation,
  visitorConversation,
  visitorSend,
} from './service.js';
import { agentView, messagesAfter, visitorView } from './views.js';

/** A refused handshake becomes `connect_error` with `data.code`, as docs/architecture.md promises. */
function refusal(error: unknown): Error & { data: { code: string } } {
  const { error: wire } = toProtocolError(error);
  return Object.assign(new Error(wire.message), { data: { code: wire.code } });
}

export function registerVisitorNamespace(ctx: AppContext): void {
  const nsp = ctx.visitors;
  const log = ctx.logger.child({ nsp: '/visitor' });
  const command = commands(log, ctx.metrics.commands.visitor);

  nsp.use((socket, next) => {
    const parsed = visitorHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refusal(new AppError('unauthorized', 'missing site key or visitor token')));
    authenticateVisitor(ctx, { ...parsed.data, origin: socket.handshake.headers.origin })
      .then((v) => {
        socket.data = v;
        next();
      })
      .catch((err: unknown) => next(refusal(err)));
  });

  nsp.on('connection', (socket) => {
    const { visitorId, siteId } = socket.data;
    socket.join(`visitor:${visitorId}`);
    // Live events flow before the client's first sync, so nothing falls between sync and join.
    // A verified contact's browsers share their conversations (contacts/scope.ts), and its room.
    Promise.all([ctx.db.select({ id: conversations.id }).from(conversations).where(and(ownedByVisitor(visitorId), ne(conversations.status, 'closed'))), visitorRooms(ctx, visitorId)])
      .then(([rows, rooms]) => socket.join([...rooms, ...rows.map((r) => convRoom(r.id))]))
      .catch((err: unknown) => log.error({ err }, 'joining conversation rooms failed'));

    const own = (id: string) => visitorConversation(ctx, visitorId, id);

    socket.on('conversation:start', command('conversation:start', startConversationSchema, (input) => startConversation(ctx, { visitorId, siteId }, input)));

    socket.on(
      'conversation:sync',
      command('conversation:sync', syncSchema, async (input) => {
        const conv = input.conversationId ? await own(input.conversationId) : await newestOpenConversation(ctx, visitorId);
        if (!conv) return null;
        socket.join(convRoom(conv.id));
        return syncConversation(ctx, conv, input.afterSeq);
      }),
    );

    socket.on('conversation:handoff', command('conversation:handoff', handoffSchema, async (input) => handoff(ctx, await own(input.conversationId), input.departmentId)));

    socket.on(
      'conversation:close',
      command('conversation:close', conversationRefSchema, async (input) => {
        const conv = await own(input.conversationId);
        await closeConversation(ctx, conv, 'visitor');
        return visitorView(ctx, await own(conv.id));
      }),
    );

    socket.on('bot:feedback', command('bot:feedback', botFeedbackSchema, async (input) => botFeedback(ctx, await own(input.conversationId), input)));

    const inOrder = sequential();
    // A conversation's owner never changes, so each socket checks a conversation once; whether it is
    // still open is checked with every message under the writer's row lock.
    const owned = new Map<string, { id: string; siteId: string; visitorId: string }>();
    const ownedRef = async (id: string) => {
      let ref = owned.get(id);
      if (!ref) {
        ref = { id, siteId: (await own(id)).siteId, visitorId };
        owned.set(id, ref);
      }
      return ref;
    };
    socket.on('message:send', command('message:send', sendMessageSchema, async (input) => visitorSend(ctx, await ownedRef(input.conversationId), input, socket.id), inOrder));

    socket.on(
      'typing:set',
      command('typing:set', typingSchema, async (input) => {
        // Membership of the room was granted after an ownership check, so it doubles as one here.
        if (!socket.rooms.has(convRoom(input.conversationId))) throw new AppError('not_found', 'conversation not found');
        const [v] = await ctx.db.select({ name: visitors.name }).from(visitors).where(eq(visitors.id, visitorId));
        ctx.agents.to(convRoom(input.conversationId)).emit('typing:updated', { conversationId: input.conversationId, author: 'visitor', name: v?.name ?? null, typing: input.typing });
        return null;
      }),
    );
  });
}

export function registerAgentNamespace(ctx: AppContext): void {
  const nsp = ctx.agents;
  const log = ctx.logger.child({ nsp: '/agent' });
  const command = commands(log, ctx.metrics.commands.agent);

  nsp.use((socket, next) => {
    const parsed = agentHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refusal(new AppError('unauthorized', 'missing session token')));
    authenticate(ctx, parsed.data.token)
      .then((s) => {
        socket.data = s;
        next();
      })
      .catch((err: unknown) => next(refusal(err)));
  });

  nsp.on('connection', (socket) => {
    const { agentId, sessionId } = socket.data;
    socket.join([agentRoom(agentId), `session:${sessionId}`]);
    const ready = (async () => {
      const me = await agentAccess(ctx, agentId);
      // Admins watch every queue; others only their departments'.
      const deptIds = me.role === 'admin' ? (await ctx.db.select({ id: departments.id }).from(departments)).map((d) => d.id) : me.departmentIds;
      const owned = await ctx.db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.agentId, agentId), eq(conversations.status, 'assigned')));
      socket.join([...deptIds.map(deptRoom), ...owned.map((c) => convRoom(c.id))]);
      if (socket.connected) await agentConnected(ctx, agentId);
    })().catch((err: unknown) => log.error({ err, agentId }, 'agent connection setup failed'));

    socket.on('disconnect', () => {
      ready
        .then(() => agentDisconnected(ctx, agentId))
        .catch((err: unknown) => log.error({ err, agentId }, 'agent disconnect handling failed'));
    });

    // Rights are read fresh for every event: a department change applies without reconnecting.
    const access = async () => {
      await ready;
      return agentAccess(ctx, agentId);
    };

    socket.on(
      'agent:presence',
      command('agent:presence', presenceSchema, async (input) => {
        await ready;
        return setPresence(ctx, agentId, input.presence);
      }),
    );

    socket.on(
      'directory:list',
      command('directory:list', emptySchema, async () => {
        await access();
        // Every department and colleague: they are the targets of a transfer.
        const deptRows = await ctx.db.select().from(departments).orderBy(asc(departments.position), asc(departments.createdAt));
        const memberships = await ctx.db.select().from(agentDepartments);
        // Deactivated and not-yet-joined people are not colleagues one can transfer to.
        const people = await ctx.db.select({ id: agents.id, name: agents.name, presence: agents.presence }).from(agents).where(eq(agents.status, 'active')).orderBy(asc(agents.name));
        return {
          departments: deptRows.map((d) => ({ id: d.id, name: d.names, routing: d.routing })),
          agents: people.map((p) => ({ ...p, departmentIds: memberships.filter((m) => m.agentId === p.id).map((m) => m.departmentId) })),
        };
      }),
    );

    socket.on(
      'queue:list',
      command('queue:list', emptySchema, async () => {
        const me = await access();
        const ids = me.role === 'admin' ? (await ctx.db.select({ id: departments.id }).from(departments).orderBy(asc(departments.position))).map((d) => d.id) : me.departmentIds;
        return queueSnapshots(ctx, ids);
      }),
    );

    socket.on('conversation:list', command('conversation:list', emptySchema, async () => ownConversations(ctx, (await access()).id)));

    socket.on('conversation:claim', command('conversation:claim', conversationRefSchema, async (input) => claim(ctx, await access(), input.conversationId)));

    socket.on(
      'conversation:sync',
      command('conversation:sync', agentSyncSchema, async (input) => {
        const conv = await agentConversation(ctx, await access(), input.conversationId);
        const page = await messagesAfter(ctx, conv.id, input.afterSeq, LIMITS.historyPage);
        return { conversation: await agentView(ctx, conv.id), ...page };
      }),
    );

    socket.on('conversation:read', command('conversation:read', readSchema, async (input) => markRead(ctx, await access(), input.conversationId, input.seq)));

    socket.on('conversation:transfer', command('conversation:transfer', transferSchema, async (input) => transfer(ctx, await access(), input)));

    socket.on('conversation:close', command('conversation:close', conversationRefSchema, async (input) => agentClose(ctx, await access(), input.conversationId)));

    const inOrder = sequential();
    socket.on('message:send', command('message:send', sendMessageSchema, async (input) => agentSend(ctx, await access(), input.conversationId, input, socket.id), inOrder));

    socket.on(
      'typing:set',
      command('typing:set', typingSchema, async (input) => {
        if (!socket.rooms.has(convRoom(input.conversationId))) throw new AppError('forbidden', 'not your conversation');
        const [me] = await ctx.db.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId));
        ctx.visitors.to(convRoom(input.conversationId)).emit('typing:updated', { conversationId: input.conversationId, author: 'agent', name: me?.name ?? null, typing: input.typing });
        return null;
      }),
    );
  });
}

