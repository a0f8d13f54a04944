/**
 * Validators for the tickets' inbound payloads (see ./tickets.ts). Server only, like ./schemas.
 * Every string goes through `text()`, which refuses what PostgreSQL cannot store.
 */
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './constants.js';
import { text } from './schemas.js';

export const TICKET_LIMITS = {
  subjectChars: 200,
  messageChars: 10_000,
  nameChars: 100,
  emailChars: 254,
  slugChars: 64,
  categoryNameChars: 100,
  /** A target longer than a year is a typo. */
  targetMinutesMax: 60 * 24 * 365,
} as const;

const uuid = z.string().uuid('must be a UUID');
const nonBlank = (max: number, what: string) =>
  text()
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => s.trim().length > 0, `${what} is empty`)
    .transform((s) => s.trim());
const email = text()
  .max(TICKET_LIMITS.emailChars, 'email address is too long')
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email('that is not an email address'));
const message = nonBlank(TICKET_LIMITS.messageChars, 'message');
const status = z.enum(['new', 'open', 'pending', 'resolved', 'closed']);
const priority = z.enum(['low', 'normal', 'high', 'urgent']);

export const ticketInputSchema = z
  .object({
    categoryId: uuid,
    subject: nonBlank(TICKET_LIMITS.subjectChars, 'subject'),
    message,
    email: email.optional(),
    name: nonBlank(TICKET_LIMITS.nameChars, 'name').optional(),
    locale: z.enum(SUPPORTED_LOCALES).optional(),
    source: z.enum(['feedback', 'offline']).optional(),
    visitorToken: text().min(16).max(200).optional(),
    employeeToken: text().min(1).max(4096).optional(),
    anonymous: z.boolean().optional(),
    pageUrl: text().max(2000).optional(),
  })
  .strict();

export const customerReplySchema = z.object({ message }).strict();

export const agentReplySchema = z.object({ message, kind: z.enum(['public', 'note']).optional(), status: status.optional() }).strict();

export const ticketPatchSchema = z
  .object({
    status,
    priority,
    assigneeId: uuid.nullable(),
    departmentId: uuid,
    categoryId: uuid,
    subject: nonBlank(TICKET_LIMITS.subjectChars, 'subject'),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

const localizedName = z
  .object({
    en: nonBlank(TICKET_LIMITS.categoryNameChars, 'name'),
    'zh-CN': nonBlank(TICKET_LIMITS.categoryNameChars, 'name').optional(),
    'zh-TW': nonBlank(TICKET_LIMITS.categoryNameChars, 'name').optional(),
  })
  .strict();

export const ticketCategoryInputSchema = z
  .object({
    slug: text()
      .max(TICKET_LIMITS.slugChars, `slug is longer than ${TICKET_LIMITS.slugChars} characters`)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lower-case letters, digits and single hyphens, such as "complaint"'),
    names: localizedName,
    audience: z.enum(['customer', 'employee', 'both']),
    departmentId: uuid.nullable(),
    targetMinutes: z.number().int().min(1, 'the target must be at least a minute').max(TICKET_LIMITS.targetMinutesMax, 'the target must be under a year'),
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

export const ticketFromChatSchema = z
  .object({
    conversationId: uuid,
    subject: nonBlank(TICKET_LIMITS.subjectChars, 'subject'),
    categoryId: uuid,
    priority: priority.optional(),
    // Required: the ticket's link reaches the visitor by email, never through the chat.
    email,
    name: nonBlank(TICKET_LIMITS.nameChars, 'name').optional(),
  })
  .strict();

export const cannedReplyInputSchema = z
  .object({
    title: nonBlank(100, 'title'),
    body: nonBlank(TICKET_LIMITS.messageChars, 'body'),
    locale: z.enum(SUPPORTED_LOCALES).nullable().optional(),
  })
  .strict();

/** Revoking a ticket's private links; `resend` mails the customer a fresh one. */
export const revokeLinksSchema = z.object({ resend: z.boolean().optional() }).strict();
