/**
 * What an admin may set on a site (console Site tab): checked here so a bad value is a 400 naming the
 * field, never a half-working widget. Origins must be exact (scheme, host, port; no path), JWKS URLs
 * https, colours `#rrggbb` (low contrast against the launcher's white text is a warning, not a refusal).
 */
import { z } from 'zod';
import type { LocaleTexts } from '@parley/protocol';
import { text } from '@parley/protocol/schemas';

export const MAX_ORIGINS = 50;
export const MAX_WIDGET_TEXT = 500;
export const MAX_OFFSET = 200;
/** WCAG 2 AA for normal text: below this, white on the colour is hard to read. */
export const MIN_CONTRAST = 4.5;

/** Why `origin` is not an exact http(s) origin, or null when it is. */
export function originProblem(origin: string): string | null {
  if (origin === '*') return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `"${origin}" is not an origin: write it like https://shop.example`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${origin}" must start with https:// or http://`;
  // URL#origin drops path, query, default port and a trailing slash, and lower-cases the host: an exact origin equals it.
  if (url.origin !== origin) return `"${origin}" must be an exact origin without a path or trailing slash, such as ${url.origin}`;
  return null;
}

const origins = z
  .array(text().max(300, 'an origin is longer than 300 characters'))
  .max(MAX_ORIGINS, `at most ${MAX_ORIGINS} allowed origins`)
  .superRefine((list, ctx) => {
    for (const [i, o] of list.entries()) {
      const problem = originProblem(o);
      if (problem) ctx.addIssue({ code: 'custom', path: [i], message: problem });
    }
    if (list.includes('*') && list.length > 1) ctx.addIssue({ code: 'custom', message: '"*" already allows every origin: list it alone' });
    if (new Set(list).size !== list.length) ctx.addIssue({ code: 'custom', message: 'an origin is listed twice' });
  });

const jwksUrl = z
  .union([z.null(), text().max(2000, 'the JWKS URL is longer than 2000 characters')])
  .transform((v) => (v === null || v.trim() === '' ? null : v.trim()))
  .superRefine((v, ctx) => {
    if (v === null) return;
    let url: URL | null = null;
    try {
      url = new URL(v);
    } catch {
      /* reported below */
    }
    if (!url || url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'the JWKS URL must be an https:// address (keys fetched over plain http could be swapped in transit)' });
  });

const colour = text()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'colour must be a hex colour such as #2f5bd3')
  .transform((c) => (c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c).toLowerCase());

const localeTexts = (what: string) => {
  const one = (l: string) => text().max(MAX_WIDGET_TEXT, `${what} (${l}) is longer than ${MAX_WIDGET_TEXT} characters`).optional();
  return (
    z
      .object({ en: one('en'), 'zh-CN': one('zh-CN'), 'zh-TW': one('zh-TW') })
      .strict()
      // Blank means "use the default": it is not stored.
      .transform((o): LocaleTexts => Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (v && v.trim() ? [[k, v.trim()]] : []))))
  );
};

export const widgetPatchSchema = z
  .object({
    colour,
    position: z.enum(['left', 'right'], 'position must be left or right'),
    offset: z.number().int('offset must be whole pixels').min(0, 'offset must be 0 or more').max(MAX_OFFSET, `offset must be at most ${MAX_OFFSET} pixels`),
    greeting: localeTexts('greeting'),
    offlineMessage: localeTexts('offline message'),
  })
  .partial()
  .strict();

export const sitePatchSchema = z
  .object({
    name: text()
      .max(80, 'name is longer than 80 characters')
      .refine((s) => s.trim().length > 0, 'name is empty')
      .transform((s) => s.trim()),
    allowedOrigins: origins,
    employeeJwksUrl: jwksUrl,
    widget: widgetPatchSchema,
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

const channel = (v: number): number => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 contrast ratio of white text on `hex` (#rrggbb), rounded to two decimals. */
export function contrastWithWhite(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return Math.round((1.05 / (l + 0.05)) * 100) / 100;
}
