/**
 * Validators for the webhooks' inbound payloads (see ./webhooks.ts). Server only, like ./schemas.
 * Every string goes through `text()`, which refuses what PostgreSQL cannot store. Whether a URL may be
 * called at all (addresses, schemes) is the server's check, on top of these.
 */
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './constants.js';
import { text } from './schemas.js';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from './webhooks.js';
import type { WebhookEndpointInput, WebhookEndpointPatch } from './webhooks.js';

export const WEBHOOK_LIMITS = {
  nameChars: 100,
  urlChars: 2000,
  secretMin: 16,
  secretChars: 200,
  /** Endpoints per site: a sanity bound, not a product limit. */
  endpointsPerSite: 50,
} as const;

const name = text()
  .max(WEBHOOK_LIMITS.nameChars, `name is longer than ${WEBHOOK_LIMITS.nameChars} characters`)
  .refine((s) => s.trim().length > 0, 'name is empty')
  .transform((s) => s.trim());

/** http(s) only, no user:password@ (it would end up in logs), no fragment (never sent anyway). */
export const webhookUrlSchema = text()
  .max(WEBHOOK_LIMITS.urlChars, `url is longer than ${WEBHOOK_LIMITS.urlChars} characters`)
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'url is not a valid URL (e.g. https://example.com/hooks/parley)' });
      return;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: 'url must start with https:// or http://' });
    else if (u.username || u.password) ctx.addIssue({ code: 'custom', message: 'url must not contain a user name or password; use the secret to authenticate' });
    else if (u.hash) ctx.addIssue({ code: 'custom', message: 'url must not contain a #fragment' });
  });

const events = z
  .array(z.enum(WEBHOOK_EVENTS, `each event must be one of ${WEBHOOK_EVENTS.join(', ')}`))
  .min(1, 'choose at least one event')
  .transform((list) => WEBHOOK_EVENTS.filter((e) => list.includes(e)));

const secret = text()
  .min(WEBHOOK_LIMITS.secretMin, `secret must be at least ${WEBHOOK_LIMITS.secretMin} characters`)
  .max(WEBHOOK_LIMITS.secretChars, `secret is longer than ${WEBHOOK_LIMITS.secretChars} characters`)
  .refine((s) => !/\s/.test(s), 'secret must not contain spaces or line breaks');

export const webhookEndpointInputSchema = z
  .object({
    name,
    url: webhookUrlSchema,
    format: z.enum(WEBHOOK_FORMATS, `format must be one of ${WEBHOOK_FORMATS.join(', ')}`).optional(),
    events,
    active: z.boolean().optional(),
    locale: z.enum(SUPPORTED_LOCALES).optional(),
    secret: secret.optional(),
  })
  .strict();

export const webhookEndpointPatchSchema = z
  .object({
    name,
    url: webhookUrlSchema,
    events,
    active: z.boolean(),
    locale: z.enum(SUPPORTED_LOCALES),
    secret: secret.nullable(),
    rotateSecret: z.literal(true),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change')
  .refine((p) => !(p.rotateSecret && p.secret !== undefined), 'give either secret or rotateSecret, not both');

export const webhookTestSchema = z.object({ event: z.enum(WEBHOOK_EVENTS, `event must be one of ${WEBHOOK_EVENTS.join(', ')}`).optional() }).strict();

// Compile-time agreement with the wire types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree = <T extends true>(): T => true as T;
agree<Same<z.infer<typeof webhookEndpointInputSchema>, WebhookEndpointInput>>();
agree<Same<z.infer<typeof webhookEndpointPatchSchema>, WebhookEndpointPatch>>();
