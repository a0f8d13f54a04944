/**
 * The external bot: a site may hand its visitors' messages to an HTTP endpoint of its own (an LLM
 * service, Rasa...) before the built-in bot.
 *
 * Request: POST, JSON `{conversation: {id, locale, status, siteKey}, message: {id, body, createdAt},
 * history}` where history is the (at most) 10 messages before this one, oldest first, each
 * `{id, author, body, createdAt}` (system messages add `event`, their code). Headers:
 * `X-Parley-Timestamp` (Unix seconds) and `X-Parley-Signature: sha256=<hex HMAC-SHA256(secret,
 * timestamp + "." + raw body)>`; receivers should recompute it over the raw body and reject old
 * timestamps.
 *
 * Response: 2xx with JSON `{replies?: string[] (at most 5, each at most 4000 characters), handoff?:
 * boolean}`. Replies are posted in order, then the visitor is queued for a person if `handoff`.
 *
 * Anything else falls back to the built-in bot for that message: no answer within the timeout, a
 * non-2xx status (redirects are not followed), a body over 256 KiB, invalid JSON, another shape, or
 * neither a usable reply nor a handoff (the visitor always hears something). Characters PostgreSQL
 * cannot store (NUL, lone surrogates) and other control characters are removed from replies rather
 * than refusing them. There is no retry: the visitor is waiting, and the built-in bot answers now.
 *
 * Logging: a failing endpoint is logged once when it starts failing (and when the reason changes),
 * then at debug level, and once more when it recovers, so a dead endpoint on a busy site does not
 * write one warning per visitor message.
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Message } from '@parley/protocol';
import { describeZodError, text } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { sites } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { botWebhooks } from './schema.js';

export const WEBHOOK_DEFAULT_TIMEOUT_MS = 3000;
const MAX_RESPONSE_BYTES = 256 * 1024;
export const WEBHOOK_HISTORY = 10;

export interface BotWebhookInput {
  url: string;
  secret: string;
  timeoutMs?: number;
  enabled?: boolean;
}
export interface BotWebhook {
  siteId: string;
  siteKey: string;
  url: string;
  secret: string;
  timeoutMs: number;
  enabled: boolean;
}

const configSchema = z
  .object({
    url: text()
      .max(2000)
      .refine((u) => {
        try {
          return ['http:', 'https:'].includes(new URL(u).protocol);
        } catch {
          return false;
        }
      }, 'url must be an absolute http(s) URL'),
    secret: text().min(16, 'secret must have at least 16 characters').max(500),
    timeoutMs: z.number().int().min(100).max(10_000).default(WEBHOOK_DEFAULT_TIMEOUT_MS),
    enabled: z.boolean().default(true),
  })
  .strict();

/**
 * Sets (or with `null`, removes) the site's external bot. Validated here, since the admin settings
 * API that will call it is not built yet.
 */
export async function setBotWebhook(ctx: AppContext, siteId: string, cfg: BotWebhookInput | null): Promise<void> {
  if (cfg === null) {
    await ctx.db.delete(botWebhooks).where(eq(botWebhooks.siteId, siteId));
  } else {
    const parsed = configSchema.safeParse(cfg);
    if (!parsed.success) throw new AppError('invalid', describeZodError(parsed.error));
    const now = ctx.clock();
    const values = { ...parsed.data, updatedAt: now };
    await ctx.db
      .insert(botWebhooks)
      .values({ siteId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: botWebhooks.siteId, set: values });
  }
  healthOf(ctx).delete(siteId);
}

/** The site's enabled external bot, or null. */
export async function activeWebhook(ctx: AppContext, siteId: string): Promise<BotWebhook | null> {
  const [row] = await ctx.db
    .select({ siteId: botWebhooks.siteId, siteKey: sites.key, url: botWebhooks.url, secret: botWebhooks.secret, timeoutMs: botWebhooks.timeoutMs, enabled: botWebhooks.enabled })
    .from(botWebhooks)
    .innerJoin(sites, eq(sites.id, botWebhooks.siteId))
    .where(eq(botWebhooks.siteId, siteId));
  return row && row.enabled ? row : null;
}

export interface WebhookPayload {
  conversation: { id: string; locale: string; status: string; siteKey: string };
  message: { id: string; body: string; createdAt: string };
  history: Array<{ id: string; author: string; body: string; createdAt: string; event?: string }>;
}

export function webhookPayload(hook: Pick<BotWebhook, 'siteKey'>, conv: { id: string; locale: string; status: string }, message: Message, history: Message[]): WebhookPayload {
  return {
    conversation: { id: conv.id, locale: conv.locale, status: conv.status, siteKey: hook.siteKey },
    message: { id: message.id, body: message.body, createdAt: message.createdAt },
    history: history.map((m) => ({ id: m.id, author: m.author, body: m.body, createdAt: m.createdAt, ...(m.meta?.system ? { event: m.meta.system.kind } : {}) })),
  };
}

/** `sha256=<hex>` over `timestamp.body`: what a receiver recomputes to trust the request. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const responseSchema = z.object({
  replies: z.array(z.string().max(4000, 'a reply is longer than 4000 characters')).max(5, 'more than 5 replies').optional(),
  handoff: z.boolean().optional(),
});

/** NUL, other control characters but tab and newline, and lone surrogates: removed, then trimmed. */
export function cleanReply(s: string): string {
  return s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();
}

export type WebhookOutcome = { ok: true; replies: string[]; handoff: boolean } | { ok: false; reason: string };

async function readCapped(res: Response, max: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One call to the external bot; never throws. */
export async function callWebhook(ctx: AppContext, hook: BotWebhook, payload: WebhookPayload): Promise<WebhookOutcome> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(ctx.clock().getTime() / 1000));
  const outcome = await (async (): Promise<WebhookOutcome> => {
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Parley-Bot/1', 'x-parley-timestamp': timestamp, 'x-parley-signature': signature(hook.secret, timestamp, body) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(hook.timeoutMs),
      });
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, reason: `status ${res.status}` };
      }
      const raw = await readCapped(res, MAX_RESPONSE_BYTES);
      if (raw === null) return { ok: false, reason: `response larger than ${MAX_RESPONSE_BYTES} bytes` };
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return { ok: false, reason: 'response is not JSON' };
      }
      const parsed = responseSchema.safeParse(json);
      if (!parsed.success) return { ok: false, reason: `invalid response: ${describeZodError(parsed.error)}` };
      const replies = (parsed.data.replies ?? []).map(cleanReply).filter((r) => r.length > 0);
      const handoff = parsed.data.handoff === true;
      if (replies.length === 0 && !handoff) return { ok: false, reason: 'neither replies nor handoff' };
      return { ok: true, replies, handoff };
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, reason: `no response within ${hook.timeoutMs} ms` };
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, reason: `request failed: ${cause?.code ?? cause?.message ?? (err as Error).message}` };
    }
  })();
  noteHealth(ctx, hook, outcome);
  return outcome;
}

// ---------- once-per-episode logging ----------

interface Health {
  reason: string;
  failures: number;
}
const health = new WeakMap<AppContext, Map<string, Health>>();

function healthOf(ctx: AppContext): Map<string, Health> {
  let map = health.get(ctx);
  if (!map) health.set(ctx, (map = new Map()));
  return map;
}

function noteHealth(ctx: AppContext, hook: BotWebhook, outcome: WebhookOutcome): void {
  const map = healthOf(ctx);
  const known = map.get(hook.siteId);
  if (outcome.ok) {
    if (known) {
      map.delete(hook.siteId);
      ctx.logger.info({ siteId: hook.siteId, url: hook.url, failures: known.failures }, 'bot webhook answers again');
    }
    return;
  }
  if (known && known.reason === outcome.reason) {
    known.failures++;
    ctx.logger.debug({ siteId: hook.siteId, url: hook.url, reason: outcome.reason, failures: known.failures }, 'bot webhook still failing');
    return;
  }
  map.set(hook.siteId, { reason: outcome.reason, failures: (known?.failures ?? 0) + 1 });
  ctx.logger.warn({ siteId: hook.siteId, url: hook.url, reason: outcome.reason }, 'bot webhook failed; the built-in bot answers instead');
}
