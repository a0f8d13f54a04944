import type { Socket } from 'socket.io-client';
import type {
  Ack,
  BotFeedbackResult,
  ConversationSync,
  HelpContext,
  Locale,
  Message,
  ProtocolError,
  SiteInfo,
  VisitorClientEvents,
  VisitorConversation,
  VisitorIdentity,
  VisitorServerEvents,
  VisitorSession,
} from '@parley/protocol';
import { closeSocket, openSocket, request, TypingSignal, whenConnected, type ConnectionState } from './connection.js';
import { toProtocolError } from './errors.js';
import { requestJson } from './http.js';
import { Outbox } from './outbox.js';
import type { StoredSession } from './identity.js';
import { readJson, safeStore, type KeyValueStore } from './storage.js';
import { hasGap, mergeCommitted, pendingEntry, resumeSeq, type TimelineEntry } from './timeline.js';

export interface VisitorState {
  connection: ConnectionState;
  site: SiteInfo | null;
  conversation: VisitorConversation | null;
  /** Committed messages by seq, then the visitor's pending ones in typing order. */
  timeline: TimelineEntry[];
  agentTyping: { name: string | null } | null;
  /** The last thing that went wrong and that the visitor should be told about. */
  error: ProtocolError | null;
  /** A start / handoff / close request is in flight. */
  busy: boolean;
}

export interface VisitorClientOptions {
  /** Server origin, e.g. `https://chat.example.com`. */
  server: string;
  siteKey: string;
  locale?: Locale;
  /** Defaults to localStorage (falling back to memory where it is unavailable). */
  storage?: KeyValueStore;
  /** The host site's signed-in user (userId + userHash, or a JWT); see `identify()`. */
  identity?: VisitorIdentity | null;
}


type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

/** Where one site's visitor state lives in storage; the embed loader reads `open` without loading this file. */
export const visitorKeys = (siteKey: string) => ({
  session: `parley:${siteKey}:visitor`,
  conversation: `parley:${siteKey}:conversation`,
  open: `parley:${siteKey}:open`,
  outbox: `parley:${siteKey}:outbox`,
});

const TYPING_EXPIRY_MS = 8000;

/**
 * The visitor's side of a conversation: session, socket, resume after reconnect, outbox. UI code reads
 * `state` (replaced, never mutated, on every change) and listens for `change`.
 */
export class VisitorClient extends EventTarget {
  static hasOpenConversation(siteKey: string, storage?: KeyValueStore): boolean {
    return safeStore(storage).getItem(visitorKeys(siteKey).open) === '1';
  }

  state: VisitorState = { connection: 'idle', site: null, conversation: null, timeline: [], agentTyping: null, error: null, busy: false };

  /** Tail of the chain that runs start() calls one at a time. */
  private starts: Promise<void> = Promise.resolve();
  private readonly server: string;
  private readonly siteKey: string;
  private readonly locale: Locale | undefined;
  private readonly store: KeyValueStore;
  private readonly keys: ReturnType<typeof visitorKeys>;
  private readonly outbox: Outbox;
  private readonly typingSignal: TypingSignal;
  private committed: TimelineEntry[] = [];
  /** Messages of a conversation not adopted yet (see receive()). */
  private early: Message[] = [];
  private socket: VisitorSocket | null = null;
  private connecting: Promise<void> | null = null;
  private typingExpiry: ReturnType<typeof setTimeout> | null = null;
  private refusedOnce = false;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private identity: VisitorIdentity | null;

  constructor(options: VisitorClientOptions) {
    super();
    this.server = options.server.replace(/\/+$/, '');
    this.siteKey = options.siteKey;
    this.locale = options.locale;
    this.store = safeStore(options.storage);
    this.keys = visitorKeys(options.siteKey);
    this.identity = options.identity ?? null;
    this.outbox = new Outbox(this.store, this.keys.outbox, (committed) => {
      if (committed) this.committed = mergeCommitted(this.committed, [committed]);
      this.publish({});
    });
    this.typingSignal = new TypingSignal((typing) => {
      const id = this.state.conversation?.id;
      if (id && this.socket?.connected) this.socket.emit('typing:set', { conversationId: id, typing });
    });
    this.publish({});
  }

  /** Opens (once) the session and the socket, and resumes an open conversation if there is one. */
  connect(): Promise<void> {
    this.connecting ??= this.doConnect().catch((error: unknown) => {
      this.connecting = null;
      this.publish({ connection: 'offline', error: toProtocolError(error) });
    });
    return this.connecting;
  }

  /**
   * Starts a conversation (the bot greets), or does nothing when one is already open. Starts run one
   * after another: two at once (opening the chat while "Still need help?" starts one with its context)
   * would each find no conversation and the server would open two, one of them without the context.
   */
  start(input: { departmentId?: string; pageUrl?: string; help?: HelpContext } = {}): Promise<void> {
    const run = this.starts.then(() => this.startNow(input));
    this.starts = run.catch(() => undefined);
    return run;
  }

  private async startNow(input: { departmentId?: string; pageUrl?: string; help?: HelpContext }): Promise<void> {
    const current = this.state.conversation;
    // An open conversation is resumed as it is; only a help-center context is still worth telling the server.
    if (current && current.status !== 'closed' && !input.help) return;
    await this.connect();
    if (!(await whenConnected(this.socket))) {
      this.publish({ error: { code: 'unavailable', message: 'Cannot reach the server.' } });
      return;
    }
    this.publish({ busy: true });
    const ack = await request<ConversationSync<VisitorConversation>>(this.socket, 'conversation:start', {
      ...input,
      ...(this.locale ? { locale: this.locale } : {}),
      pageUrl: input.pageUrl ?? globalThis.location?.href?.slice(0, 2000),
    });
    if (!ack.ok) {
      this.publish({ busy: false, error: ack.error });
      return;
    }
    if (ack.data.conversation.id !== current?.id) this.committed = [];
    this.adopt(ack.data);
    // Failed leftovers of an earlier, closed conversation can never be delivered; pending ones are still tried.
    this.outbox.discard((i) => i.state === 'failed' && i.conversationId !== ack.data.conversation.id);
    this.publish({ busy: false, error: null });
    void this.flush();
  }

  /** Queues a message; it is delivered whenever the connection allows. Empty text is ignored. */
  send(body: string): void {
    const text = body.trim();
    if (!text) return;
    const conversation = this.state.conversation;
    this.typingSignal.set(false);
    if (!conversation || conversation.status === 'closed') {
      // Typed before a conversation exists: keep it, and bind it to the conversation start() opens.
      this.outbox.add('', text);
      void this.start().then(() => this.bindUnassigned());
      return;
    }
    this.outbox.add(conversation.id, text);
    void this.flush();
  }

  retry(key: string): void {
    if (this.outbox.retry(key)) void this.flush();
  }

  setTyping(typing: boolean): void {
    this.typingSignal.set(typing);
  }

  /**
   * "Still need help?" in the help center: the visitor has read the articles already, so the chat goes
   * straight to a person, carrying what they read and searched (a system message the agent sees).
   */
  async startFromHelp(help: HelpContext): Promise<void> {
    await this.start({ help });
    if (this.state.conversation?.status === 'bot') await this.handoff();
  }

  /** Asks for a person; the conversation joins the department's queue. */
  async handoff(departmentId?: string): Promise<void> {
    await this.command<VisitorConversation>('conversation:handoff', (id) => ({ conversationId: id, ...(departmentId ? { departmentId } : {}) }));
  }

  async close(): Promise<void> {
    await this.command<VisitorConversation>('conversation:close', (id) => ({ conversationId: id }));
  }

  /**
   * The visitor's answer to "Did this answer your question?" under bot answer `messageId`. The bot's
   * follow-up arrives as a message whose `meta.feedbackFor` names the answer. Resolves with the error
   * when the server refused or could not be reached (the caller may offer to try again), else null.
   */
  async feedback(messageId: string, helpful: boolean): Promise<ProtocolError | null> {
    const conversationId = this.state.conversation?.id;
    if (!conversationId) return { code: 'not_found', message: 'No conversation.' };
    const ack = await request<BotFeedbackResult>(this.socket, 'bot:feedback', { conversationId, messageId, helpful });
    return ack.ok ? null : ack.error;
  }

  /** After a close: a fresh conversation with a fresh greeting. */
  async startNew(): Promise<void> {
    // The closed one's typing indicator went with it; adopting the new one sets it again.
    this.forgetConversation();
    await this.start();
  }

  /**
   * The host site's signed-in user: this browser joins that contact (only with a valid hash or JWT),
   * so the user's chat and tickets follow them across devices. A refused identity leaves the chat
   * anonymous (and says why in the console); a browser that belonged to another user, or whose user
   * signed out (null), starts afresh as an anonymous visitor.
   */
  async identify(identity: VisitorIdentity | null): Promise<void> {
    this.identity = identity;
    if (!this.socket) return;
    const before = readJson<StoredSession>(this.store, this.keys.session);
    const session = await this.ensureIdentified(before ?? (await this.ensureSession()));
    if (session.token !== before?.token) {
      this.committed = [];
      this.publish({ conversation: null });
      this.socket.auth = { siteKey: this.siteKey, token: session.token };
      this.socket.disconnect().connect();
    } else if (identity) void this.resync();
  }

  disconnect(): void {
    closeSocket(this.socket);
    this.socket = null;
    this.connecting = null;
    this.outbox.dispose();
    this.typingSignal.dispose();
    if (this.typingExpiry) clearTimeout(this.typingExpiry);
    this.publish({ connection: 'idle' });
  }

  // ---------- internals ----------

  private async doConnect(): Promise<void> {
    this.publish({ connection: 'connecting', error: null });
    const [site, session] = await Promise.all([
      requestJson<SiteInfo>(`${this.server}/api/sites/${encodeURIComponent(this.siteKey)}`),
      this.ensureSession().then((s) => this.ensureIdentified(s)),
    ]);
    this.publish({ site });
    const socket = openSocket<VisitorSocket>(`${this.server}/visitor`, { siteKey: this.siteKey, token: session.token }, {
      onState: (connection) => this.publish({ connection }),
      onRefused: (error) => void this.recoverFromRefusal(error),
    });
    socket.on('connect', () => void this.resync());
    socket.on('message:created', (message) => this.receive([message]));
    socket.on('conversation:updated', (conversation) => {
      if (conversation.id !== this.state.conversation?.id) return;
      this.setConversation(conversation);
    });
    socket.on('typing:updated', (t) => {
      if (t.conversationId !== this.state.conversation?.id || t.author !== 'agent') return;
      if (this.typingExpiry) clearTimeout(this.typingExpiry);
      // A lost `false` must not leave "is typing" on screen forever.
      if (t.typing) this.typingExpiry = setTimeout(() => this.publish({ agentTyping: null }), TYPING_EXPIRY_MS);
      this.publish({ agentTyping: t.typing ? { name: t.name } : null });
    });
    this.socket = socket;
    // A stored conversation is resumed before connect() resolves, so whoever opens the chat next sees it
    // (a closed one may still ask "how did we do?") instead of racing its resume with a new start. The
    // 'connect' handler above has started that sync by the time whenConnected resolves.
    if (this.store.getItem(this.keys.conversation) && (await whenConnected(socket))) await this.syncing;
  }

  /** Joins the session to the identity's contact (identity.ts); may swap in a fresh session. */
  private async ensureIdentified(session: StoredSession): Promise<StoredSession> {
    if (!this.identity) {
      if (!session.userId) return session;
      // Joined to a user this page no longer names (signed out): their history must not show to whoever
      // uses the browser next. Nothing is lost: identifying again joins a fresh session to the contact.
      for (const key of [this.keys.session, this.keys.conversation, this.keys.open]) this.store.removeItem(key);
      return this.ensureSession();
    }
    // Loaded only for a site's signed-in users: anonymous visitors (most) never download it.
    const { identifySession } = await import('./identity.js');
    return identifySession({ server: this.server, siteKey: this.siteKey, store: this.store, keys: this.keys, identity: this.identity, fresh: () => this.ensureSession() }, session);
  }

  private async ensureSession(): Promise<StoredSession> {
    const stored = readJson<StoredSession>(this.store, this.keys.session);
    if (stored?.token) return stored;
    const session = await requestJson<VisitorSession>(`${this.server}/api/visitor/session`, { body: { siteKey: this.siteKey } });
    this.store.setItem(this.keys.session, JSON.stringify(session));
    return session;
  }

  /** A stored token the server no longer knows (data reset, other server): start over once, then give up. */
  private async recoverFromRefusal(error: ProtocolError): Promise<void> {
    if (error.code !== 'unauthorized' || this.refusedOnce || !this.socket) {
      this.publish({ error });
      return;
    }
    this.refusedOnce = true;
    this.store.removeItem(this.keys.session);
    this.store.removeItem(this.keys.conversation);
    this.store.removeItem(this.keys.open);
    try {
      const session = await this.ensureIdentified(await this.ensureSession());
      this.socket.auth = { siteKey: this.siteKey, token: session.token };
      this.socket.connect();
    } catch (e) {
      this.publish({ error: toProtocolError(e) });
    }
  }

  /**
   * After every (re)connect, and whenever a live message shows a hole: fetch what was missed, then
   * re-send what is still pending. Calls while one runs fold into one more pass after it.
   */
  private resync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = this.syncPass().finally(() => {
      this.syncing = null;
      if (this.syncAgain) {
        this.syncAgain = false;
        void this.resync();
      }
    });
    return this.syncing;
  }

  private async syncPass(): Promise<void> {
    const conversationId = this.state.conversation?.id ?? this.store.getItem(this.keys.conversation) ?? undefined;
    for (;;) {
      const ack: Ack<ConversationSync<VisitorConversation> | null> = await request(this.socket, 'conversation:sync', {
        ...(conversationId ? { conversationId } : {}),
        afterSeq: conversationId ? resumeSeq(this.committed) : 0,
      });
      if (!ack.ok) {
        if (ack.error.code === 'not_found') this.forgetConversation();
        else this.publish({ error: ack.error });
        break;
      }
      if (!ack.data) {
        this.forgetConversation();
        break;
      }
      this.adopt(ack.data);
      if (!ack.data.hasMore) break;
    }
    this.publish({ error: null });
    await this.flush();
  }

  private adopt(sync: ConversationSync<VisitorConversation>): void {
    this.committed = mergeCommitted(this.committed, [...sync.messages, ...this.early.filter((m) => m.conversationId === sync.conversation.id)]);
    this.early = [];
    this.setConversation(sync.conversation);
    this.bindUnassigned();
  }

  private setConversation(conversation: VisitorConversation): void {
    this.store.setItem(this.keys.conversation, conversation.id);
    if (conversation.status === 'closed') this.store.removeItem(this.keys.open);
    else this.store.setItem(this.keys.open, '1');
    const agentTyping = conversation.status === 'assigned' ? this.state.agentTyping : null;
    this.publish({ conversation, agentTyping });
  }

  private forgetConversation(): void {
    this.store.removeItem(this.keys.conversation);
    this.store.removeItem(this.keys.open);
    this.committed = [];
    this.publish({ conversation: null });
  }

  private bindUnassigned(): void {
    const conversation = this.state.conversation;
    if (!conversation || conversation.status === 'closed') return;
    if (this.outbox.bindUnassigned(conversation.id)) void this.flush();
  }

  private receive(messages: Message[]): void {
    const id = this.state.conversation?.id;
    const mine = messages.filter((m) => m.conversationId === id);
    // A new conversation's first rows (the bot's greeting) can arrive before the start's ack names it:
    // kept until adopt() (a few at most), or they would be lost until some later message shows the gap.
    this.early = [...this.early, ...messages].slice(-20);
    if (mine.length === 0) return;
    this.committed = mergeCommitted(this.committed, mine);
    const fromAgent = mine.some((m) => m.author === 'agent');
    this.publish(fromAgent ? { agentTyping: null } : {});
    if (hasGap(this.committed)) void this.resync();
  }

  private async command<T extends VisitorConversation>(event: 'conversation:handoff' | 'conversation:close', payload: (id: string) => object): Promise<void> {
    const id = this.state.conversation?.id;
    if (!id) return;
    this.publish({ busy: true });
    const ack = await request<T>(this.socket, event, payload(id));
    if (ack.ok) this.setConversation(ack.data);
    this.publish({ busy: false, error: ack.ok ? null : ack.error });
  }

  private flush(): Promise<void> {
    return this.outbox.flush(
      (input) => request<Message>(this.socket, 'message:send', input),
      () => Boolean(this.socket?.connected) && this.outbox.all().find((i) => i.state === 'sending')?.conversationId !== '',
    );
  }

  private publish(patch: Partial<VisitorState>): void {
    const next = { ...this.state, ...patch };
    const conversationId = next.conversation?.id;
    const committedClientIds = new Set(this.committed.map((e) => e.message.clientId).filter(Boolean));
    const pending = this.outbox
      .all()
      .filter((i) => (i.conversationId === conversationId || i.conversationId === '') && !committedClientIds.has(i.clientId))
      .map((i) =>
        pendingEntry({ conversationId: i.conversationId, clientId: i.clientId, body: i.body, author: 'visitor', authorName: null, createdAt: i.createdAt, delivery: i.state, error: i.error, delayed: i.delayed }),
      );
    next.timeline = [...this.committed, ...pending];
    this.state = next;
    this.dispatchEvent(new Event('change'));
  }
}
