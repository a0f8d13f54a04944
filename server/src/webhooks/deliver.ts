/**
 * The `webhook.deliver` job (JobRunner.registerExternal: the POST runs outside any transaction). One try
 * per run: 2xx (and, for the robots, a zero code in the answer) is delivered; anything else is written
 * to the delivery row at once, so the console's log shows it while the runner retries with its backoff
 * (30 s, 2 min, 8 min...). The last try ends the row `failed`. A delivery already settled (a repeated
 * job) is left alone; receivers deduplicate on the event id for the rare repeat after a crash.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import type { ExternalJobHandler } from '../jobs/runner.js';
import { publicBase } from '../tickets/notify.js';
import { buildRequest, judgeResponse } from './formats.js';
import { postJson } from './http.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';
import type { DeliveryTry } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Tries kept on a row: the first few and the latest say enough. */
const MAX_TRIES_KEPT = 20;

export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'skipped';

/**
 * Tries one delivery now. `lastAttempt`: a failure is final. Returns what happened; the job handler
 * turns `retry` into a throw for the runner.
 */
export async function attemptDelivery(ctx: AppContext, db: Executor, deliveryId: string, now: Date, lastAttempt: boolean, opts: { ignoreActive?: boolean } = {}): Promise<{ outcome: AttemptOutcome; error: string | null }> {
  if (!UUID.test(deliveryId)) return { outcome: 'skipped', error: null };
  const [found] = await db
    .select({ d: webhookDeliveries, e: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!found || found.d.status !== 'pending') return { outcome: 'skipped', error: null };
  const { d, e } = found;
  if (!e.active && !opts.ignoreActive) {
    await settle(db, d.id, { status: 'failed', error: 'the endpoint was turned off before this was sent' });
    return { outcome: 'failed', error: null };
  }

  let result: Awaited<ReturnType<typeof postJson>>;
  try {
    const req = buildRequest({ format: e.format, url: e.url, secret: e.secret, locale: e.locale }, { id: d.id, envelope: d.envelope }, now, publicBase(ctx));
    result = await postJson(req.url, req.headers, req.body, { allowInternal: ctx.config.webhookPrivate === 'allow' });
  } catch (err) {
    // Building the request cannot fail for a stored endpoint; if it does, retrying will not help.
    result = { status: null, body: '', error: err instanceof Error ? err.message : String(err), ms: 0, permanent: true };
  }
  const error = result.error ?? judgeResponse(e.format, result.status ?? 0, result.body);
  const attempt: DeliveryTry = { at: now.toISOString(), status: result.status, error: error?.slice(0, 500) ?? null, ms: result.ms };
  const outcome: AttemptOutcome = error === null ? 'delivered' : result.permanent || lastAttempt ? 'failed' : 'retry';
  await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatus: result.status,
      lastError: attempt.error,
      lastDurationMs: result.ms,
      lastAttemptAt: now,
      // Appended in SQL and trimmed to the newest MAX_TRIES_KEPT.
      tries: sql`(select coalesce(jsonb_agg(t order by n), '[]'::jsonb) from (
        select t, n from jsonb_array_elements(${webhookDeliveries.tries} || jsonb_build_array(${JSON.stringify(attempt)}::jsonb)) with ordinality as x(t, n)
        order by n desc limit ${MAX_TRIES_KEPT}) kept)`,
      ...(outcome === 'delivered' ? { status: 'delivered' as const, deliveredAt: now } : outcome === 'failed' ? { status: 'failed' as const } : {}),
    })
    .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.status, 'pending')));
  return { outcome, error };
}

async function settle(db: Executor, id: string, r: { status: 'failed'; error: string }): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: r.status, lastError: r.error })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')));
}

export function webhookDeliverHandler(ctx: AppContext): ExternalJobHandler {
  return async (job, { db, now, lastAttempt }) => {
    const { outcome, error } = await attemptDelivery(ctx, db, job.key, now, lastAttempt);
    // A throw is what makes the runner retry later (or give the job up after its last try).
    if (outcome === 'retry' || (outcome === 'failed' && lastAttempt && error)) throw new Error(error ?? 'webhook delivery failed');
  };
}
