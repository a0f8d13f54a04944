/**
 * Runtime validators for every inbound payload. Server-only: widgets never import this file.
 * Each schema is checked against its TypeScript twin in events.ts by the `satisfies` lines below,
 * so the two cannot drift apart silently.
 */
import { z } from 'zod';
import { LIMITS, SUPPORTED_LOCALES } from './constants.js';
import type {
  AgentHandshake,
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

const id = z.string().uuid('must be a UUID');
const locale = z.enum(SUPPORTED_LOCALES);

export const startConversationSchema = z
  .object({
    departmentId: id.optional(),
    locale: locale.optional(),
    pageUrl: z.string().max(2000).optional(),
  })
  .strict();
export const syncSchema = z.object({ conversationId: id.optional(), afterSeq: z.number().int().min(0) }).strict();
export const agentSyncSchema = z.object({ conversationId: id, afterSeq: z.number().int().min(0) }).strict();
export const sendMessageSchema = z
  .object({
    conversationId: id,
    clientId: id,
    body: z
      .string()
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

export const visitorHandshakeSchema = z.object({ siteKey: z.string().min(1).max(100), token: z.string().min(16).max(200) });
export const agentHandshakeSchema = z.object({ token: z.string().min(16).max(200) });

export const loginSchema = z.object({
  email: z.string().email('email is not valid').max(254),
  password: z.string().min(1, 'password is required').max(1000),
});
export const visitorSessionSchema = z.object({ siteKey: z.string().min(1).max(100) });

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
