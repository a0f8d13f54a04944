/**
 * Ticket emails as plain text and HTML. Every value that came from a person (subject, reply, names)
 * is escaped in the HTML part; the HTML loads nothing from outside (no images, fonts or stylesheets),
 * so opening it reveals nothing to a tracker and it looks the same with remote content blocked.
 * The subject starts with `[number]` in every language: inbound.ts finds the ticket by it when the
 * customer answers and their mail client dropped our plus-address.
 */
import { SUPPORTED_LOCALES } from '@parley/protocol';
import type { Locale } from '@parley/protocol';
import { COPY } from './copy.js';
import type { Block, MailTemplate } from './copy.js';
import { escapeHtml } from '../lib/html.js';

export type { MailTemplate } from './copy.js';

export interface TicketMailVars {
  siteName: string;
  number: string;
  subject: string;
  /** The customer's private ticket link (null in staff mails). */
  link: string | null;
  /** Expected response time, shown in the reader's language and zone. */
  dueAt?: Date;
  /** IANA zone such as Asia/Shanghai; UTC when absent or unknown. */
  timeZone?: string;
  /** "within 2 hours" / "2 小时内" / "2 小時內". */
  targetMinutes?: number;
  /** The agent's reply (ticket.reply): text, may be multi-line. */
  body?: string;
  agentName?: string;
  /** ticket.escalated: 1 supervisor, 2 executive, 3 the executive's deadline passed. */
  level?: 1 | 2 | 3;
  /** Staff mails: where the ticket opens in the console. */
  consoleLink?: string;
  /** ticket.resolved: where the customer rates the help they got (CSAT). */
  surveyLink?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Longest subject line we put in a header; the full subject is in the body. */
const SUBJECT_CHARS = 200;

/** One line: control characters and line breaks would end a header early or split it. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);


/** The due time as the reader reads times: their language, their zone, the zone named. */
export function formatDue(at: Date, locale: Locale, timeZone: string | undefined): string | null {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) return null;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone || 'UTC' }).format(at);
  } catch {
    // An unknown zone (a typo in a department's settings) must not stop the mail: say it in UTC.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(at);
  }
}

function httpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function toText(locale: Locale, blocks: Block[]): string {
  const colon = locale === 'en' ? ':' : '：';
  return (
    blocks
      .map((b) => {
        switch (b.kind) {
          case 'link':
            return `${b.label}${colon}\n${b.url}`;
          default:
            return b.text;
        }
      })
      .join('\n\n') + '\n'
  );
}

const P = 'margin:0 0 16px';

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p style="${P}">${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p style="${P};font-size:13px;color:#59636e">${escapeHtml(b.text)}</p>`;
    case 'quote':
      return `<div style="${P};padding:8px 0 8px 14px;border-left:3px solid #d0d7de">${escapeHtml(b.text).replace(/\n/g, '<br>')}</div>`;
    case 'link': {
      const href = httpUrl(b.url);
      // Only web links become clickable; anything else is shown, never followed.
      if (!href) return `<p style="${P}">${escapeHtml(b.label)}: ${escapeHtml(b.url)}</p>`;
      return (
        `<p style="${P}"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#0b5cad;color:#ffffff;text-decoration:none">${escapeHtml(b.label)}</a></p>` +
        `<p style="${P};font-size:13px;color:#59636e;word-break:break-all">${escapeHtml(href)}</p>`
      );
    }
  }
}

function toHtml(locale: Locale, title: string, blocks: Block[]): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px 12px;background:#f5f6f8">',
    '<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;color:#1f2328;font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,\'PingFang SC\',\'Microsoft YaHei\',\'Noto Sans CJK SC\',sans-serif;font-size:15px;line-height:1.6">',
    ...blocks.map(blockHtml),
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

const isLocale = (l: unknown): l is Locale => (SUPPORTED_LOCALES as readonly unknown[]).includes(l);

/** Renders one ticket email. An unsupported locale falls back to English rather than failing the send. */
export function renderTicketMail(template: MailTemplate, locale: Locale, vars: TicketMailVars): RenderedMail {
  const lang: Locale = isLocale(locale) ? locale : 'en';
  const copy = COPY[lang];
  const render = copy.templates[template];
  if (!render) throw new Error(`unknown mail template ${String(template)}`);
  const subject = oneLine(vars.subject);
  const number = oneLine(vars.number);
  const minutes = vars.targetMinutes;
  const out = render({
    siteName: oneLine(vars.siteName),
    number,
    subject,
    link: vars.link || null,
    consoleLink: vars.consoleLink || null,
    surveyLink: vars.surveyLink || null,
    within: typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? copy.within(minutes) : null,
    due: vars.dueAt ? formatDue(vars.dueAt, lang, vars.timeZone) : null,
    body: vars.body?.replace(/\r\n?/g, '\n').trim() || null,
    agentName: vars.agentName ? oneLine(vars.agentName) || null : null,
    level: vars.level === 2 || vars.level === 3 ? vars.level : 1,
  });
  const fullSubject = clip(`[${number}] ${oneLine(out.subject)}`, SUBJECT_CHARS);
  return { subject: fullSubject, text: toText(lang, out.blocks), html: toHtml(lang, fullSubject, out.blocks) };
}
