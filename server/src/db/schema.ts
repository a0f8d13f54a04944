import { relations, sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { contacts } from '../contacts/schema.js';
import type { AgentPresence, AgentRole, AuthorKind, ConversationStatus, Locale, LocalizedText, MessageMeta, RoutingMode, SiteWidget } from '@parley/protocol';

const id = () => uuid('id').primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => at('created_at').notNull().defaultNow();

// ---------- sites ----------

export const sites = pgTable('sites', {
  id: id(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  /** HMAC key for host-site identity (userHash); never leaves the server. */
  secret: text('secret').notNull(),
  /** Browser origins allowed to embed the site; `*` allows any. */
  allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
  /**
   * Where the intranet publishes its public keys (JWKS), for employee tokens signed RS256/ES256 by an
   * identity provider, beside HS256 with `secret` (identity/employee-token.ts). Null: HS256 only.
   */
  employeeJwksUrl: text('employee_jwks_url'),
  /** The secret before the last rotation, still accepted until `previousSecretExpiresAt` (sites/identity-secret.ts). */
  previousSecret: text('previous_secret'),
  previousSecretExpiresAt: at('previous_secret_expires_at'),
  /** Launcher colour, side and offset, greeting and offline message (console Site tab); defaults fill what is missing. */
  widget: jsonb('widget').$type<Partial<SiteWidget>>().notNull().default({}),
  createdAt: createdAt(),
});
export const sitesRelations = relations(sites, ({ many }) => ({
  departments: many(departments),
  visitors: many(visitors),
  conversations: many(conversations),
}));

// ---------- departments ----------

export const departments = pgTable(
  'departments',
  {
    id: id(),
    siteId: uuid('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    routing: text('routing').$type<RoutingMode>().notNull().default('manual'),
    /** Display order; the first one takes handoffs that name no department. */
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('departments_site_idx').on(t.siteId, t.position)],
);
export const departmentsRelations = relations(departments, ({ one, many }) => ({
  site: one(sites, { fields: [departments.siteId], references: [sites.id] }),
  agents: many(agentDepartments),
  conversations: many(conversations),
}));

// ---------- agents ----------

export const agents = pgTable('agents', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<AgentRole>().notNull().default('agent'),
  capacity: integer('capacity').notNull().default(5),
  presence: text('presence').$type<AgentPresence>().notNull().default('offline'),
  /**
   * When the agent's last socket (on any process) went away. The leader's sweep requeues their
   * conversations once this is older than the grace period: a timestamp survives restarts and
   * works across processes, an in-memory timer does neither.
   */
  offlineSince: at('offline_since'),
  /** invited (no password yet), active, or deactivated (cannot sign in; see agents/people.ts). */
  status: text('status').$type<'invited' | 'active' | 'deactivated'>().notNull().default('active'),
  invitedAt: at('invited_at'),
  deactivatedAt: at('deactivated_at'),
  createdAt: createdAt(),
});
export const agentsRelations = relations(agents, ({ many }) => ({
  departments: many(agentDepartments),
  sessions: many(agentSessions),
  conversations: many(conversations),
}));

export const agentDepartments = pgTable(
  'agent_departments',
  {
    agentId: uuid('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.departmentId] }), index('agent_departments_dept_idx').on(t.departmentId)],
);
export const agentDepartmentsRelations = relations(agentDepartments, ({ one }) => ({
  agent: one(agents, { fields: [agentDepartments.agentId], references: [agents.id] }),
  department: one(departments, { fields: [agentDepartments.departmentId], references: [departments.id] }),
}));

export const agentSessions = pgTable('agent_sessions', {
  id: id(),
  agentId: uuid('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
  /** SHA-256 of the bearer token: a leaked table does not let anyone sign in. */
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: at('expires_at').notNull(),
  revokedAt: at('revoked_at'),
  createdAt: createdAt(),
  /** Signed in with a password only by someone who must use two-factor: may only enrol (auth/two-factor.ts). */
  enrolOnly: boolean('enrol_only').notNull().default(false),
  /** Refreshed at most every few minutes by authenticate(), for the person's list of their sessions. */
  lastUsedAt: at('last_used_at'),
  /** The browser's User-Agent at sign-in (truncated), so a person can tell their sessions apart. */
  userAgent: text('user_agent'),
});
export const agentSessionsRelations = relations(agentSessions, ({ one }) => ({
  agent: one(agents, { fields: [agentSessions.agentId], references: [agents.id] }),
}));

// ---------- visitors ----------

export const visitors = pgTable(
  'visitors',
  {
    id: id(),
    siteId: uuid('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    locale: text('locale').$type<Locale>().notNull().default('en'),
    pageUrl: text('page_url'),
    name: text('name'),
    /** Set only by a verified identity (contacts/identity.ts): every browser of one contact shares its chats. */
    contactId: uuid('contact_id').references((): AnyPgColumn => contacts.id, { onDelete: 'set null' }),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('visitors_site_idx').on(t.siteId), index('visitors_contact_idx').on(t.contactId).where(sql`${t.contactId} is not null`)],
);
export const visitorsRelations = relations(visitors, ({ one, many }) => ({
  site: one(sites, { fields: [visitors.siteId], references: [sites.id] }),
  conversations: many(conversations),
}));

// ---------- conversations ----------

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    siteId: uuid('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: uuid('visitor_id').notNull().references(() => visitors.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    status: text('status').$type<ConversationStatus>().notNull().default('bot'),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    botMisses: integer('bot_misses').notNull().default(0),
    /** Highest message seq; bumped in the same transaction as each insert, which makes seqs gap-free. */
    lastSeq: integer('last_seq').notNull().default(0),
    agentReadSeq: integer('agent_read_seq').notNull().default(0),
    locale: text('locale').$type<Locale>().notNull().default('en'),
    pageUrl: text('page_url'),
    queuedAt: at('queued_at'),
    assignedAt: at('assigned_at'),
    closedAt: at('closed_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Queue lookups: waiting conversations of a department, oldest first.
    index('conversations_queue_idx').on(t.departmentId, t.queuedAt).where(sql`${t.status} = 'queued'`),
    index('conversations_agent_idx').on(t.agentId).where(sql`${t.status} = 'assigned'`),
    // The queue's wait estimate reads a department's last 20 assignments on every queue change: a year of chats made that a 40 ms scan.
    index('conversations_assigned_idx').on(t.departmentId, t.assignedAt).where(sql`${t.assignedAt} is not null`),
    index('conversations_visitor_idx').on(t.visitorId, t.createdAt),
    // Reports: a site's conversations by creation time (reports/).
    index('conversations_site_created_idx').on(t.siteId, t.createdAt),
  ],
);
export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  site: one(sites, { fields: [conversations.siteId], references: [sites.id] }),
  visitor: one(visitors, { fields: [conversations.visitorId], references: [visitors.id] }),
  department: one(departments, { fields: [conversations.departmentId], references: [departments.id] }),
  agent: one(agents, { fields: [conversations.agentId], references: [agents.id] }),
  messages: many(messages),
}));

// ---------- messages ----------

export const messages = pgTable(
  'messages',
  {
    id: id(),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    clientId: uuid('client_id'),
    author: text('author').$type<AuthorKind>().notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name'),
    body: text('body').notNull(),
    meta: jsonb('meta').$type<MessageMeta>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq_uq').on(t.conversationId, t.seq),
    // NULL client ids (bot, system) never collide, so only sender retries are deduplicated.
    uniqueIndex('messages_conversation_client_uq').on(t.conversationId, t.clientId),
    // Reports: a chat's handoff, first agent joining and first agent reply (reports/chat-facts.ts) without its visitor and bot messages.
    index('messages_report_idx').on(t.conversationId, t.createdAt).where(sql`${t.author} in ('agent', 'system')`),
  ],
);
export const messagesRelations = relations(messages, ({ one }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
}));

// ---------- knowledge base (server/src/kb/schema.ts) ----------

export * from '../kb/schema.js';
export * from '../bot/schema.js';
export * from '../jobs/schema.js';
export * from '../tickets/schema.js';
export * from '../files/schema.js';
export * from '../mail/schema.js';
export * from '../sla/schema.js';
export * from '../surveys/schema.js';
export * from '../surveys/employee/schema.js';
export * from '../webhooks/schema.js';
export * from '../reports/schema.js';
export * from '../announcements/schema.js';
export * from '../audit/schema.js';
export * from '../auth/schema.js';
export * from '../agents/schema.js';
export * from '../contacts/schema.js';
export * from '../retention/schema.js';
export * from '../api-tokens/schema.js';
