/**
 * Socket.IO event maps, one pair per namespace, in Socket.IO's typed-events style:
 * `new Server<...ClientEvents, ...ServerEvents>()` on the server, `Socket<ServerEvents, ClientEvents>` in clients.
 * Commands are `domain:verb` with an ack as last argument; facts are past tense and carry no ack.
 */
import type {
  AckCallback,
  AgentConversation,
  AgentProfile,
  ConversationSync,
  Department,
  Message,
  TypingState,
  VisitorConversation,
} from './types.js';
import type { Locale } from './constants.js';
import type { TicketSummary } from './tickets.js';

export const NAMESPACES = { visitor: '/visitor', agent: '/agent' } as const;

// ---------- payloads (validated by ./schemas.ts on the server; keep the two in step) ----------

export interface StartConversationInput {
  departmentId?: string;
  locale?: Locale;
  /** The page the visitor was on, shown to the agent. */
  pageUrl?: string;
  /** Set when the visitor comes from the help center ("Still need help?"): what they read and searched. */
  help?: HelpContext;
}
export interface HelpContext {
  articleId?: string;
  articleTitle?: string;
  query?: string;
}
/** `conversationId` omitted: the visitor's newest open conversation (or null data). */
export interface SyncInput {
  conversationId?: string;
  /** Highest seq the client already holds; 0 for everything. */
  afterSeq: number;
}
export interface SendMessageInput {
  conversationId: string;
  /** UUID made by the client when the message was typed; the idempotency key. */
  clientId: string;
  body: string;
}
export interface TypingInput {
  conversationId: string;
  typing: boolean;
}
export interface ConversationRef {
  conversationId: string;
}
export interface HandoffInput {
  conversationId: string;
  departmentId?: string;
}
export interface PresenceInput {
  presence: 'online' | 'away';
}
export interface ReadInput {
  conversationId: string;
  seq: number;
}
/** Exactly one target. */
export interface TransferInput {
  conversationId: string;
  toAgentId?: string;
  toDepartmentId?: string;
}
/** The visitor's answer to "Did this answer your question?" under a bot answer. */
export interface BotFeedbackInput {
  conversationId: string;
  /** A bot message of that conversation whose meta has `feedback: 'ask'`. */
  messageId: string;
  helpful: boolean;
}
export interface BotFeedbackResult {
  messageId: string;
  /** The feedback on record: the first one given (a second answer changes nothing). */
  helpful: boolean;
  /** False when feedback on this answer had been given before. */
  recorded: boolean;
}
export interface Directory {
  departments: Department[];
  agents: Array<Pick<AgentProfile, 'id' | 'name' | 'presence' | 'departmentIds'>>;
}
export interface QueueSnapshot {
  departmentId: string;
  /** Waiting conversations of that department, oldest first. */
  items: AgentConversation[];
}

// ---------- handshake ----------

export interface VisitorHandshake {
  siteKey: string;
  token: string;
}
export interface AgentHandshake {
  token: string;
}
/** `connect_error` carries `err.data.code` with one of ErrorCode's values. */
export interface ConnectErrorData {
  code: string;
  /** With `rate_limited`: when a new handshake may succeed. */
  retryAfterMs?: number;
}

// ---------- /visitor ----------

export interface VisitorClientEvents {
  'conversation:start': (input: StartConversationInput, ack: AckCallback<ConversationSync<VisitorConversation>>) => void;
  'conversation:sync': (input: SyncInput, ack: AckCallback<ConversationSync<VisitorConversation> | null>) => void;
  'conversation:handoff': (input: HandoffInput, ack: AckCallback<VisitorConversation>) => void;
  'conversation:close': (input: ConversationRef, ack: AckCallback<VisitorConversation>) => void;
  /** Acked with the stored row once committed; the sending socket gets no `message:created` for it (its other tabs do). */
  'message:send': (input: SendMessageInput, ack: AckCallback<Message>) => void;
  'typing:set': (input: TypingInput) => void;
  'bot:feedback': (input: BotFeedbackInput, ack: AckCallback<BotFeedbackResult>) => void;
}
export interface VisitorServerEvents {
  /** A new row of a conversation the socket is in, except the socket's own sends (those come in their ack). */
  'message:created': (message: Message) => void;
  'conversation:updated': (conversation: VisitorConversation) => void;
  'typing:updated': (state: TypingState) => void;
}

// ---------- /agent ----------

export interface AgentClientEvents {
  'agent:presence': (input: PresenceInput, ack: AckCallback<AgentProfile>) => void;
  'directory:list': (input: Record<string, never>, ack: AckCallback<Directory>) => void;
  'queue:list': (input: Record<string, never>, ack: AckCallback<QueueSnapshot[]>) => void;
  /** The agent's own open conversations. */
  'conversation:list': (input: Record<string, never>, ack: AckCallback<AgentConversation[]>) => void;
  'conversation:claim': (input: ConversationRef, ack: AckCallback<AgentConversation>) => void;
  'conversation:sync': (input: SyncInput & { conversationId: string }, ack: AckCallback<ConversationSync<AgentConversation>>) => void;
  'conversation:read': (input: ReadInput, ack: AckCallback<AgentConversation>) => void;
  'conversation:transfer': (input: TransferInput, ack: AckCallback<AgentConversation>) => void;
  'conversation:close': (input: ConversationRef, ack: AckCallback<AgentConversation>) => void;
  /** Acked with the stored row once committed; the sending socket gets no `message:created` for it. */
  'message:send': (input: SendMessageInput, ack: AckCallback<Message>) => void;
  'typing:set': (input: TypingInput) => void;
}
export interface AgentServerEvents {
  /** One department's whole waiting list; sent on every change (queues are short, and a snapshot is idempotent). */
  'queue:updated': (snapshot: QueueSnapshot) => void;
  /** A conversation the agent owns, owned until now, or can see changed. */
  'conversation:updated': (conversation: AgentConversation) => void;
  /** A new row of a conversation the socket is in, except the socket's own sends (those come in their ack). */
  'message:created': (message: Message) => void;
  'typing:updated': (state: TypingState) => void;
  /** The signed-in agent's own profile changed (presence set from another tab, for example). */
  'agent:updated': (agent: AgentProfile) => void;
  /** A ticket of one of the agent's departments (or assigned to them) was created or changed: inbox rows stay live. */
  'ticket:updated': (ticket: TicketSummary) => void;
  /** Departments were added, renamed, reordered or removed: ask `directory:list` again. */
  'directory:changed': () => void;
}
