/**
 * Runtime validators for every inbound payload. Server-only: widgets never import this file.
 * Each schema is checked against its TypeScript twin in events.ts by the `satisfies` lines below,
 * so the two cannot drift apart silently.
 */
import { z } from 'zod';
import { LIMITS, SUPPORTED_LOCALES } from './constants.js';
import type {
  AgentHandshake,
  BotFeedbackInput,
  ConversationRef,
  HandoffInput,
  PresenceInput,
  ReadInput,
  SendMessageInput,
  StartConversationInput,
  SyncInput,
  TransferInput,
  TypingInput,
  VisitorHandshake,
} from './events.js';

/**
 * Text PostgreSQL can store: a text column refuses NUL, and a lone UTF-16 surrogate has no UTF-8
 * encoding. Both would fail at commit as `internal` (and a client would retry them forever), so every
 * inbound string is checked here and refused as `invalid` instead. Use `text()` for every string field.
 */
const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export function isStorableText(s: string): boolean {
  return !NUL_OR_LONE_SURROGATE.test(s);
}
// A function declaration, not a const: schemas-kb.ts (re-exported below) calls it while this module is
// still being evaluated, and only declarations are initialised that early.
export function text() {
  return z.string().refine(isStorableText, 'contains a character that cannot be stored (NUL or a broken surrogate pair)');
}

const id = z.string().uuid('must be a UUID');
const locale = z.enum(SUPPORTED_LOCALES);

export const startConversationSchema = z
  .object({
    departmentId: id.optional(),
    locale: locale.optional(),
    pageUrl: text().max(2000).optional(),
    help: z
      .object({ articleId: id.optional(), articleTitle: text().max(300).optional(), query: text().max(500).optional() })
      .strict()
      .optional(),
  })
  .strict();
export const syncSchema = z.object({ conversationId: id.optional(), afterSeq: z.number().int().min(0) }).strict();
export const agentSyncSchema = z.object({ conversationId: id, afterSeq: z.number().int().min(0) }).strict();
export const sendMessageSchema = z
  .object({
    conversationId: id,
    clientId: id,
    body: text()
      .max(LIMITS.messageChars, `message is longer than ${LIMITS.messageChars} characters`)
      .refine((s) => s.trim().length > 0, 'message is empty'),
  })
  .strict();
export const typingSchema = z.object({ conversationId: id, typing: z.boolean() }).strict();
export const conversationRefSchema = z.object({ conversationId: id }).strict();
export const handoffSchema = z.object({ conversationId: id, departmentId: id.optional() }).strict();
export const presenceSchema = z.object({ presence: z.enum(['online', 'away']) }).strict();
export const readSchema = z.object({ conversationId: id, seq: z.number().int().min(0) }).strict();
export const transferSchema = z
  .object({ conversationId: id, toAgentId: id.optional(), toDepartmentId: id.optional() })
  .strict()
  .refine((t) => (t.toAgentId ? 1 : 0) + (t.toDepartmentId ? 1 : 0) === 1, 'give exactly one of toAgentId, toDepartmentId');
export const emptySchema = z.object({}).strict();
export const botFeedbackSchema = z.object({ conversationId: id, messageId: id, helpful: z.boolean() }).strict();

export const visitorHandshakeSchema = z.object({ siteKey: text().min(1).max(100), token: text().min(16).max(200) });
export const agentHandshakeSchema = z.object({ token: text().min(16).max(200) });

export const loginSchema = z.object({
  email: text().email('email is not valid').max(254),
  password: text().min(1, 'password is required').max(1000),
});
export const visitorSessionSchema = z.object({ siteKey: text().min(1).max(100) });
/** A single-page app moved to another page (parley.js): what the agent sees as the visitor's page. */
export const visitorPageSchema = z.object({ siteKey: text().min(1).max(100), visitorToken: text().min(16).max(200), url: text().min(1).max(2000) }).strict();

/** First issue's message, prefixed with its path: one clear line for the `message` of an error ack. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

// Compile-time agreement between the validators and the public types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree = <T extends true>(): T => true as T;
agree<Same<z.infer<typeof startConversationSchema>, StartConversationInput>>();
agree<Same<z.infer<typeof syncSchema>, SyncInput>>();
agree<Same<z.infer<typeof sendMessageSchema>, SendMessageInput>>();
agree<Same<z.infer<typeof typingSchema>, TypingInput>>();
agree<Same<z.infer<typeof conversationRefSchema>, ConversationRef>>();
agree<Same<z.infer<typeof handoffSchema>, HandoffInput>>();
agree<Same<z.infer<typeof presenceSchema>, PresenceInput>>();
agree<Same<z.infer<typeof readSchema>, ReadInput>>();
agree<Same<z.infer<typeof transferSchema>, TransferInput>>();
agree<Same<z.infer<typeof visitorHandshakeSchema>, VisitorHandshake>>();
agree<Same<z.infer<typeof agentHandshakeSchema>, AgentHandshake>>();
agree<Same<z.infer<typeof botFeedbackSchema>, BotFeedbackInput>>();
export * from './schemas-kb.js';
export * from './schemas-tickets.js';
export * from './schemas-surveys.js';
export * from './schemas-reports.js';
export * from './schemas-employee-surveys.js';
export * from './schemas-webhooks.js';
export * from './schemas-announcements.js';
export * from './schemas-account.js';
export * from './schemas-people.js';
export * from './schemas-api-tokens.js';
