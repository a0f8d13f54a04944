import type { Socket } from 'socket.io-client';
import type {
  Ack,
  AgentClientEvents,
  AgentConversation,
  AgentProfile,
  AgentServerEvents,
  ConversationSync,
  Directory,
  LoginResult,
  Message,
  ProtocolError,
  QueueSnapshot,
  TicketSummary,
  TypingState,
} from '@parley/protocol';
import { closeSocket, openSocket, request, TypingSignal, type ConnectionState } from './connection.js';
import { toProtocolError } from './errors.js';
import { requestJson } from './http.js';
import { Outbox } from './outbox.js';
import { safeStore, type KeyValueStore } from './storage.js';
import { hasGap, lastSeq, mergeCommitted, pendingEntry, resumeSeq, type TimelineEntry } from './timeline.js';

export interface AgentState {
  connection: ConnectionState;
  me: AgentProfile | null;
  directory: Directory | null;
  /** Waiting conversations per department id, oldest first, as the server last sent them. */
  queues: Record<string, AgentConversation[]>;
  /**
   * Every conversation this client has heard of: the agent's own open ones, and any it claimed, opened
   * or saw updated (including ones since closed or transferred away). Lists filter by owner and status.
   */
  conversations: Record<string, AgentConversation>;
  /** Histories of the conversations opened in this client: committed by seq, then pending replies. */
  timelines: Record<string, TimelineEntry[]>;
  typing: Record<string, TypingState | null>;
  error: ProtocolError | null;
}

export interface AgentClientOptions {
  server: string;
  token: string;
  storage?: KeyValueStore;
}

type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;
const TYPING_EXPIRY_MS = 8000;
/** How soon a hole a failed history load left open is asked for again (one request per try). */
const REFILL_RETRY_MS = 1000;

/** What `AgentClient` dispatches as `ticket` for every `ticket:updated` fact: one inbox row, created or changed. */
export type AgentTicketEvent = CustomEvent<TicketSummary>;

/**
 * An agent's live view of queues and conversations, with the same delivery guarantees as the visitor's.
 * Dispatches `change` on every state change and `ticket` (an {@link AgentTicketEvent}) when a ticket of the
 * agent's departments, or assigned to them, is created or changed.
 */
export class AgentClient extends EventTarget {
  /** Exchanges credentials for a session token; throws ParleyError (code `unauthorized`, `rate_limited`, ...). */
  static login(server: string, email: string, password: string): Promise<LoginResult> {
    return requestJson<LoginResult>(`${trimOrigin(server)}/api/auth/login`, { body: { email, password } });
  }

  state: AgentState = { connection: 'idle', me: null, directory: null, queues: {}, conversations: {}, timelines: {}, typing: {}, error: null };

  private readonly server: string;
  private readonly token: string;
  private readonly store: KeyValueStore;
  private socket: AgentSocket | null = null;
  private outbox: Outbox | null = null;
  private committed: Record<string, TimelineEntry[]> = {};
  private typingSignals = new Map<string, TypingSignal>();
  private typingExpiry = new Map<string, ReturnType<typeof setTimeout>>();
  /** Conversations whose history has a hole that a failed load left open, waiting to try again. */
  private refills = new Map<string, ReturnType<typeof setTimeout>>();
  private connecting: Promise<void> | null = null;
  private loading = new Map<string, { connection: number; done: Promise<Ack<AgentConversation>> }>();
  /** Counts (re)connects, so a history load knows which connection it belongs to. */
  private connections = 0;

  constructor(options: AgentClientOptions) {
    super();
    this.server = trimOrigin(options.server);
    this.token = options.token;
    this.store = safeStore(options.storage);
  }

  connect(): Promise<void> {
    this.connecting ??= this.doConnect().catch((error: unknown) => {
      this.connecting = null;
      this.publish({ connection: 'offline', error: toProtocolError(error) });
    });
    return this.connecting;
  }

  async setPresence(presence: 'online' | 'away'): Promise<void> {
    const ack = await request<AgentProfile>(this.socket, 'agent:presence', { presence });
    this.publish(ack.ok ? { me: ack.data, error: null } : { error: ack.error });
  }

  async claim(conversationId: string): Promise<Ack<AgentConversation>> {
    const ack = await request<AgentConversation>(this.socket, 'conversation:claim', { conversationId });
    if (ack.ok || ack.error.code === 'already_claimed') this.dropFromQueues(conversationId);
    if (ack.ok) this.upsert(ack.data);
    return ack;
  }

  /**
   * Loads (or tops up) a conversation's history into `timelines`. Resolves with the last ack, so a view
   * can show a load error for that conversation; `state.error` is left to connection-wide trouble.
   */
  open(conversationId: string): Promise<Ack<AgentConversation>> {
    // One load per conversation and connection; a caller arriving meanwhile gets that load's result.
    // A load from before a reconnect is not reused: its request may have gone out on the dropped
    // transport and waits out the ack timeout, and the hole it was filling would stay open meanwhile.
    const current = this.loading.get(conversationId);
    if (current && current.connection === this.connections) return current.done;
    const entry = { connection: this.connections, done: this.load(conversationId) };
    entry.done = entry.done.finally(() => {
      if (this.loading.get(conversationId) === entry) this.loading.delete(conversationId);
      // A load that ended with the hole still open (its request failed or timed out) would otherwise
      // leave it until the next live message, which may never come: try again shortly on this connection.
      if (entry.connection === this.connections && hasGap(this.committed[conversationId] ?? [])) this.refillLater(conversationId, entry.connection);
    });
    this.loading.set(conversationId, entry);
    return entry.done;
  }

  private refillLater(conversationId: string, connection: number): void {
    if (this.refills.has(conversationId)) return;
    const timer = setTimeout(() => {
      this.refills.delete(conversationId);
      // A reconnect meanwhile has its own resync, which loads every open history.
      if (connection === this.connections && this.socket?.connected && hasGap(this.committed[conversationId] ?? [])) void this.open(conversationId);
    }, REFILL_RETRY_MS);
    this.refills.set(conversationId, timer);
  }

  private async load(conversationId: string): Promise<Ack<AgentConversation>> {
    this.committed[conversationId] ??= [];
    // Bounded: each pass fills what was missing when it was asked; only new arrivals can open a hole again.
    for (let pass = 0; ; pass++) {
      const ack = await request<ConversationSync<AgentConversation>>(this.socket, 'conversation:sync', {
        conversationId,
        afterSeq: resumeSeq(this.committed[conversationId]),
      });
      if (!ack.ok) return ack;
      this.committed[conversationId] = mergeCommitted(this.committed[conversationId], ack.data.messages);
      this.upsert(ack.data.conversation);
      const complete = !ack.data.hasMore && !hasGap(this.committed[conversationId]);
      if (complete || pass >= 20) return { ok: true, data: ack.data.conversation };
    }
  }

  /** Reloads departments and colleagues (presence included), e.g. when a transfer dialog opens. */
  async refreshDirectory(): Promise<void> {
    const ack = await request<Directory>(this.socket, 'directory:list', {});
    if (ack.ok) this.publish({ directory: ack.data });
  }

  send(conversationId: string, body: string): void {
    const text = body.trim();
    if (!text || !this.outbox) return;
    this.typingFor(conversationId).set(false);
    this.outbox.add(conversationId, text);
    void this.flush();
  }

  retry(_conversationId: string, key: string): void {
    if (this.outbox?.retry(key)) void this.flush();
  }

  setTyping(conversationId: string, typing: boolean): void {
    this.typingFor(conversationId).set(typing);
  }

  /** Marks everything up to the newest message read; the unread badge clears at once. */
  markRead(conversationId: string): void {
    const conversation = this.state.conversations[conversationId];
    const seq = Math.max(lastSeq(this.committed[conversationId] ?? []), conversation?.lastSeq ?? 0);
    if (conversation && conversation.unread > 0) this.upsert({ ...conversation, unread: 0 });
    void request<AgentConversation>(this.socket, 'conversation:read', { conversationId, seq }).then((ack) => {
      if (ack.ok) this.upsert(ack.data);
    });
  }

  async transfer(conversationId: string, to: { toAgentId?: string; toDepartmentId?: string }): Promise<Ack<AgentConversation>> {
    const ack = await request<AgentConversation>(this.socket, 'conversation:transfer', { conversationId, ...to });
    if (ack.ok) this.upsert(ack.data);
    return ack;
  }

  async close(conversationId: string): Promise<Ack<AgentConversation>> {
    const ack = await request<AgentConversation>(this.socket, 'conversation:close', { conversationId });
    if (ack.ok) this.upsert(ack.data);
    return ack;
  }

  async logout(): Promise<void> {
    try {
      await requestJson(`${this.server}/api/auth/logout`, { method: 'POST', token: this.token });
    } finally {
      this.disconnect();
    }
  }

  disconnect(): void {
    closeSocket(this.socket);
    this.socket = null;
    this.connecting = null;
    this.outbox?.dispose();
    for (const signal of this.typingSignals.values()) signal.dispose();
    for (const timer of this.typingExpiry.values()) clearTimeout(timer);
    for (const timer of this.refills.values()) clearTimeout(timer);
    this.refills.clear();
    this.publish({ connection: 'idle' });
  }

  // ---------- internals ----------

  private async doConnect(): Promise<void> {
    this.publish({ connection: 'connecting', error: null });
    const me = await requestJson<AgentProfile>(`${this.server}/api/auth/me`, { token: this.token });
    // Keyed by agent: a shared browser must never send one agent's unsent replies as another's.
    this.outbox = new Outbox(this.store, `parley:agent:${me.id}:outbox`, (committed) => {
      if (committed) this.receive(committed);
      else this.publish({});
    });
    this.publish({ me });
    const socket = openSocket<AgentSocket>(`${this.server}/agent`, { token: this.token }, {
      onState: (connection) => this.publish({ connection }),
      onRefused: (error) => this.publish({ error }),
    });
    socket.on('connect', () => {
      this.connections++;
      void this.resync();
    });
    socket.on('queue:updated', (snapshot: QueueSnapshot) => this.publish({ queues: { ...this.state.queues, [snapshot.departmentId]: snapshot.items } }));
    socket.on('conversation:updated', (conversation) => this.upsert(conversation));
    socket.on('message:created', (message) => this.receive(message));
    socket.on('typing:updated', (t) => this.setRemoteTyping(t));
    socket.on('agent:updated', (agent) => this.publish({ me: agent }));
    // An admin added, renamed or removed a department: transfer targets and queues follow at once.
    socket.on('directory:changed', () => void this.refreshDirectory());
    // Tickets are not kept in `state` (an inbox is paged over REST); views that show tickets listen for these.
    socket.on('ticket:updated', (ticket) => this.dispatchEvent(new CustomEvent<TicketSummary>('ticket', { detail: ticket })));
    this.socket = socket;
  }

  /** After every (re)connect: lists afresh, missed messages of open histories, then the outbox. */
  private async resync(): Promise<void> {
    const [directory, queues, mine] = await Promise.all([
      request<Directory>(this.socket, 'directory:list', {}),
      request<QueueSnapshot[]>(this.socket, 'queue:list', {}),
      request<AgentConversation[]>(this.socket, 'conversation:list', {}),
    ]);
    const patch: Partial<AgentState> = {};
    if (directory.ok) patch.directory = directory.data;
    if (queues.ok) patch.queues = Object.fromEntries(queues.data.map((q) => [q.departmentId, q.items]));
    if (mine.ok) {
      const conversations = { ...this.state.conversations };
      for (const c of mine.data) conversations[c.id] = c;
      patch.conversations = conversations;
    }
    const failed = [directory, queues, mine].find((a) => !a.ok);
    patch.error = failed && !failed.ok ? failed.error : null;
    this.publish(patch);
    await Promise.all(Object.keys(this.committed).map((id) => this.open(id)));
    await this.flush();
  }

  private receive(message: Message): void {
    const id = message.conversationId;
    if (this.committed[id]) {
      this.committed[id] = mergeCommitted(this.committed[id], [message]);
      // A hole means broadcasts were missed (a reconnect, or reordering across processes): fill it.
      if (hasGap(this.committed[id])) void this.open(id);
    }
    const known = this.state.conversations[id];
    if (known) {
      const isNew = message.seq > known.lastSeq;
      this.upsert({
        ...known,
        lastSeq: Math.max(known.lastSeq, message.seq),
        // Same rule as the server's view: system rows have no text to preview.
        lastMessage: isNew && message.author !== 'system' ? { body: message.body, author: message.author, createdAt: message.createdAt } : known.lastMessage,
        unread: known.unread + (isNew && message.author === 'visitor' ? 1 : 0),
      });
    } else {
      this.publish({});
    }
    if (message.author === 'visitor') this.publish({ typing: { ...this.state.typing, [id]: null } });
  }

  private upsert(incoming: AgentConversation): void {
    // An ack or snapshot can be older than messages already received (a read ack answered after the
    // visitor's next message): what follows from messages never moves back to it.
    const known = this.state.conversations[incoming.id];
    const conversation =
      known && known.lastSeq > incoming.lastSeq ? { ...incoming, lastSeq: known.lastSeq, lastMessage: known.lastMessage, unread: known.unread } : incoming;
    this.publish({ conversations: { ...this.state.conversations, [conversation.id]: conversation } });
    // The queue snapshot follows the claim's ack; until then a taken chat would sit in both lists.
    if (conversation.status !== 'queued') this.dropFromQueues(conversation.id);
  }

  private dropFromQueues(conversationId: string): void {
    const queues: Record<string, AgentConversation[]> = {};
    for (const [dept, items] of Object.entries(this.state.queues)) queues[dept] = items.filter((c) => c.id !== conversationId);
    this.publish({ queues });
  }

  private setRemoteTyping(t: TypingState): void {
    if (t.author !== 'visitor') return;
    const previous = this.typingExpiry.get(t.conversationId);
    if (previous) clearTimeout(previous);
    if (t.typing) {
      this.typingExpiry.set(
        t.conversationId,
        setTimeout(() => this.publish({ typing: { ...this.state.typing, [t.conversationId]: null } }), TYPING_EXPIRY_MS),
      );
    }
    this.publish({ typing: { ...this.state.typing, [t.conversationId]: t.typing ? t : null } });
  }

  private typingFor(conversationId: string): TypingSignal {
    let signal = this.typingSignals.get(conversationId);
    if (!signal) {
      signal = new TypingSignal((typing) => {
        if (this.socket?.connected) this.socket.emit('typing:set', { conversationId, typing });
      });
      this.typingSignals.set(conversationId, signal);
    }
    return signal;
  }

  private flush(): Promise<void> {
    if (!this.outbox) return Promise.resolve();
    return this.outbox.flush(
      (input) => request<Message>(this.socket, 'message:send', input),
      () => Boolean(this.socket?.connected),
    );
  }

  private publish(patch: Partial<AgentState>): void {
    const next = { ...this.state, ...patch };
    const timelines: Record<string, TimelineEntry[]> = {};
    const pendingByConversation = new Map<string, TimelineEntry[]>();
    for (const item of this.outbox?.all() ?? []) {
      const entry = pendingEntry({
        conversationId: item.conversationId,
        clientId: item.clientId,
        body: item.body,
        author: 'agent',
        authorName: next.me?.name ?? null,
        createdAt: item.createdAt,
        delivery: item.state,
        error: item.error,
        delayed: item.delayed,
      });
      pendingByConversation.set(item.conversationId, [...(pendingByConversation.get(item.conversationId) ?? []), entry]);
    }
    const ids = new Set([...Object.keys(this.committed), ...pendingByConversation.keys()]);
    for (const id of ids) {
      const committed = this.committed[id] ?? [];
      const committedClientIds = new Set(committed.map((e) => e.message.clientId).filter(Boolean));
      timelines[id] = [...committed, ...(pendingByConversation.get(id) ?? []).filter((p) => !committedClientIds.has(p.key))];
    }
    next.timelines = timelines;
    this.state = next;
    this.dispatchEvent(new Event('change'));
  }
}

const trimOrigin = (server: string) => server.replace(/\/+$/, '');
