/**
 * Mail coming in: a customer answering a ticket email. Parsed with mailparser; the ticket is found by
 * the plus-address we reply from (support+T-2026-000123@...) or, when the client dropped it, by the
 * `[T-2026-000123]` every ticket subject carries. Nothing here trusts the sender: the caller decides
 * whether the From address may write to that ticket.
 */
import { simpleParser } from 'mailparser';
import type { AddressObject, HeaderValue, ParsedMail } from 'mailparser';
import { AppError } from '../lib/errors.js';
import { stripQuotedReply } from './reply-text.js';

/** Bigger than any provider accepts (Gmail 25 MB with attachments' base64 overhead counted). */
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface InboundMail {
  /** The sender's address, lowercased. */
  from: string;
  fromName: string | null;
  /** Every address it was delivered to (To, Cc, Delivered-To, X-Original-To), lowercased. */
  to: string[];
  subject: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The new part of the reply only: quoted history stripped, trimmed, at most 20,000 characters. */
  text: string;
  attachments: InboundAttachment[];
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): Array<{ address: string; name: string }> =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((o) =>
    o.value.flatMap((a) => [...(a.address ? [{ address: a.address, name: a.name }] : []), ...(a.group ?? []).filter((g) => g.address).map((g) => ({ address: g.address!, name: g.name }))]),
  );

/** Delivered-To style headers: a string, or an address object once mailparser has read them. */
function headerAddresses(value: HeaderValue | undefined): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => {
    if (typeof v === 'string') return v.split(',').map((s) => s.replace(/^.*</, '').replace(/>.*$/, '').trim());
    if (v && typeof v === 'object' && 'value' in v && Array.isArray((v as AddressObject).value)) return addressesOf(v as AddressObject).map((a) => a.address);
    return [];
  });
}

const idList = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((s) => s.trim()).filter(Boolean);

/** Parses raw RFC 822 bytes. AppError `invalid` for something that is not a mail, `too_large` past 25 MB. */
export async function parseInboundMail(raw: Uint8Array | string): Promise<InboundMail> {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.byteLength;
  if (size > MAX_INBOUND_BYTES) throw new AppError('too_large', `a mail may be at most ${MAX_INBOUND_BYTES / 1024 / 1024} MB`);
  if (size === 0) throw new AppError('invalid', 'the mail is empty');
  const source = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);

  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (err) {
    throw new AppError('invalid', `not a readable mail: ${err instanceof Error ? err.message : String(err)}`);
  }

  const sender = addressesOf(parsed.from)[0];
  const from = sender?.address.trim().toLowerCase() ?? '';
  if (!from.includes('@')) throw new AppError('invalid', 'not a mail: it has no From address');

  const to = [
    ...addressesOf(parsed.to).map((a) => a.address),
    ...addressesOf(parsed.cc).map((a) => a.address),
    ...headerAddresses(parsed.headers.get('delivered-to')),
    ...headerAddresses(parsed.headers.get('x-original-to')),
  ]
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a.includes('@'));

  // An HTML-only mail has no text part; mailparser then derives one from the HTML.
  const body = parsed.text ?? '';
  return {
    from,
    fromName: sender?.name.trim() || null,
    to: [...new Set(to)],
    subject: (parsed.subject ?? '').trim(),
    messageId: parsed.messageId?.trim() || null,
    inReplyTo: idList(parsed.inReplyTo)[0] ?? null,
    references: idList(parsed.references),
    text: stripQuotedReply(body),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename?.trim() || 'attachment',
      contentType: a.contentType || 'application/octet-stream',
      content: new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
  };
}

const NUMBER = String.raw`T-\d{4}-\d{4,9}`;
const PLUS_ADDRESS = new RegExp(String.raw`^[^@\s]*\+(${NUMBER})@`, 'i');
const SUBJECT_TAG = new RegExp(String.raw`\[\s*(${NUMBER})\s*\]`, 'i');

/**
 * The ticket number the mail refers to: from a plus-address in To (support+T-2026-000123@...), else
 * from `[T-2026-000123]` in the subject; null if neither. Uppercased, as numbers are stored.
 */
export function ticketNumberOf(mail: Pick<InboundMail, 'to' | 'subject'>): string | null {
  for (const address of mail.to) {
    const m = PLUS_ADDRESS.exec(address.trim());
    if (m) return m[1]!.toUpperCase();
  }
  const m = SUBJECT_TAG.exec(mail.subject);
  return m ? m[1]!.toUpperCase() : null;
}
