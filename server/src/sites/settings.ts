/**
 * A site as its admin configures it in the console: name, allowed origins, the employee JWKS URL, the
 * widget, and rotating the identity secret. Every change is audited in its own transaction with the
 * fields that changed; the secret never leaves the server except in the one answer to a rotation.
 */
import { eq } from 'drizzle-orm';
import { DEFAULT_WIDGET, type Locale, type LocaleTexts, type SecretRotation, type SiteSettings, type SiteWidget } from '@parley/protocol';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { sites } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { parseInput } from '../lib/http.js';
import { newIdentitySecret, SECRET_GRACE_MS } from './identity-secret.js';
import type { SiteRow } from './service.js';
import { contrastWithWhite, MIN_CONTRAST, sitePatchSchema } from './validation.js';

/** Who acts, for the audit log. */
export interface Actor {
  agentId: string;
  ip: string | null;
}

/** The stored widget over the defaults: what visitors get. */
export function widgetOf(site: Pick<SiteRow, 'widget'>): SiteWidget {
  const w = site.widget ?? {};
  return { ...DEFAULT_WIDGET, ...w, greeting: { ...w.greeting }, offlineMessage: { ...w.offlineMessage } };
}

/**
 * The site's text (greeting, offline message) for a locale: the other Chinese script before nothing, never
 * English for a Chinese reader (the built-in text in their language reads better). Same rule as the widget.
 */
export function siteText(texts: LocaleTexts | undefined, locale: Locale): string | undefined {
  if (!texts) return undefined;
  if (locale === 'zh-CN') return texts['zh-CN'] ?? texts['zh-TW'];
  if (locale === 'zh-TW') return texts['zh-TW'] ?? texts['zh-CN'];
  return texts.en;
}

export function contrastWarnings(widget: SiteWidget): string[] {
  const ratio = contrastWithWhite(widget.colour);
  return ratio < MIN_CONTRAST ? [`White text on ${widget.colour} has a contrast of ${ratio.toFixed(2)}:1, below the ${MIN_CONTRAST}:1 that WCAG asks for; visitors may struggle to read the launcher and header.`] : [];
}

export function toSiteSettings(site: SiteRow): SiteSettings {
  const widget = widgetOf(site);
  return {
    id: site.id,
    key: site.key,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    employeeJwksUrl: site.employeeJwksUrl,
    widget,
    previousSecretExpiresAt: site.previousSecret && site.previousSecretExpiresAt ? site.previousSecretExpiresAt.toISOString() : null,
    contrast: contrastWithWhite(widget.colour),
    warnings: contrastWarnings(widget),
  };
}

async function siteById(ctx: AppContext, siteId: string): Promise<SiteRow> {
  const [site] = await ctx.db.select().from(sites).where(eq(sites.id, siteId));
  if (!site) throw new AppError('not_found', 'no such site');
  return site;
}

export const readSiteSettings = async (ctx: AppContext, siteId: string): Promise<SiteSettings> => toSiteSettings(await siteById(ctx, siteId));

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export async function updateSiteSettings(ctx: AppContext, actor: Actor, siteId: string, raw: unknown): Promise<SiteSettings> {
  const patch = parseInput(sitePatchSchema, raw);
  return ctx.db.transaction(async (tx) => {
    const [site] = await tx.select().from(sites).where(eq(sites.id, siteId)).for('update');
    if (!site) throw new AppError('not_found', 'no such site');
    const next = {
      name: patch.name ?? site.name,
      allowedOrigins: patch.allowedOrigins ?? site.allowedOrigins,
      employeeJwksUrl: patch.employeeJwksUrl === undefined ? site.employeeJwksUrl : patch.employeeJwksUrl,
      // Only what was sent replaces; the rest of the stored widget stays.
      widget: patch.widget ? { ...site.widget, ...patch.widget } : site.widget,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of Object.keys(next) as Array<keyof typeof next>) {
      if (!same(site[k], next[k])) {
        before[k] = site[k];
        after[k] = next[k];
      }
    }
    if (Object.keys(after).length === 0) return toSiteSettings(site);
    const [row] = await tx.update(sites).set(next).where(eq(sites.id, siteId)).returning();
    await recordAudit(tx, { siteId, actorId: actor.agentId, action: 'site.updated', targetType: 'site', targetId: siteId, before, after, ip: actor.ip, at: ctx.clock() });
    return toSiteSettings(row!);
  });
}

/**
 * A new identity secret; the current one becomes the previous, accepted until `now + grace` so host
 * sites and intranets can switch without signing anyone out. A second rotation inside the grace
 * period drops the oldest at once (only one previous secret is kept).
 */
export async function rotateSecret(ctx: AppContext, actor: Actor, siteId: string, graceMs = SECRET_GRACE_MS): Promise<SecretRotation> {
  const secret = newIdentitySecret();
  const now = ctx.clock();
  const until = new Date(now.getTime() + graceMs);
  await ctx.db.transaction(async (tx) => {
    const [site] = await tx.select({ secret: sites.secret }).from(sites).where(eq(sites.id, siteId)).for('update');
    if (!site) throw new AppError('not_found', 'no such site');
    await tx.update(sites).set({ secret, previousSecret: site.secret, previousSecretExpiresAt: until }).where(eq(sites.id, siteId));
    // "rotated", never the secret: the log is readable by more people, and for longer, than the secret should be.
    await recordAudit(tx, { siteId, actorId: actor.agentId, action: 'site.secret_rotated', targetType: 'site', targetId: siteId, before: null, after: { secret: 'rotated', previousValidUntil: until.toISOString() }, ip: actor.ip, at: now });
  });
  return { secret, previousValidUntil: until.toISOString() };
}
