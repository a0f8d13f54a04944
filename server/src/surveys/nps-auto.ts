/**
 * NPS for a visitor of the widget: on request (`Parley('survey', 'nps')`) or, with `auto`, parley.js's
 * daily check for "after a number of days as a contact" (the site's `npsAfterDays`).
 *
 * The person is the contact email when this browser filed a ticket with one (so another browser of the
 * same person is not asked again within the frequency), else the browser. "Known since" is the browser's
 * first visit (`visitors.created_at`).
 *
 * Cheap on purpose, since every returning browser of a site may call it once a day: the site's settings
 * (one primary-key read; off stops there), the visitor with its contact email (one query on two indexes),
 * then the same claim as on request (service.ts), which makes two tabs ask once.
 */
import { eq, sql } from 'drizzle-orm';
import type { Locale, NpsSkipReason } from '@parley/protocol';
import { sha256 } from '../auth/password.js';
import type { AppContext } from '../context.js';
import { visitors } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { inviteNps } from './service.js';
import { readSurveySettings } from './settings.js';

const DAY = 86_400_000;

export type NpsAsk = { token: string; expiresAt: Date } | { asked: false; reason: NpsSkipReason };

async function visitorOf(ctx: AppContext, siteId: string, visitorToken: string) {
  // The newest ticket this browser filed with an email says who the person is (tickets_visitor_idx).
  // Spelled out: drizzle leaves columns unqualified in a one-table select, and a bare "id" in here would
  // be the ticket's.
  const email = sql<string | null>`(select t.contact_email from tickets t
    where t.visitor_id = "visitors"."id" and t.contact_email is not null
    order by t.created_at desc limit 1)`;
  const [v] = await ctx.db
    .select({ id: visitors.id, siteId: visitors.siteId, createdAt: visitors.createdAt, email })
    .from(visitors)
    .where(eq(visitors.tokenHash, sha256(visitorToken)));
  if (!v || v.siteId !== siteId) throw new AppError('invalid', 'visitorToken: not a visitor of this site');
  return v;
}

export async function askNps(ctx: AppContext, input: { siteId: string; visitorToken: string; locale: Locale; auto: boolean }): Promise<NpsAsk> {
  if (!input.auto) {
    const v = await visitorOf(ctx, input.siteId, input.visitorToken);
    return inviteNps(ctx, { siteId: input.siteId, visitorId: v.id, contactEmail: v.email, locale: input.locale });
  }
  const settings = await readSurveySettings(ctx.db, input.siteId);
  if (settings.npsAfterDays === null) return { asked: false, reason: 'off' };
  const v = await visitorOf(ctx, input.siteId, input.visitorToken);
  if (ctx.clock().getTime() - v.createdAt.getTime() < settings.npsAfterDays * DAY) return { asked: false, reason: 'not_due' };
  return inviteNps(ctx, { siteId: input.siteId, visitorId: v.id, contactEmail: v.email, locale: input.locale, settings });
}
