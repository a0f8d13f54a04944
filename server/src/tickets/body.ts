/**
 * Ticket requests come as JSON, or as multipart/form-data when files are attached: the JSON object in
 * the `payload` field and the files in `files`. Both paths end in the same validated object.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { checkUploads, readMultipart, type CheckedUpload } from '../files/upload.js';
import { AppError } from '../lib/errors.js';
import { parseInput, readJson } from '../lib/http.js';

import { MULTIPART_MAX_BYTES } from '../files/limits.js';
import { MAX_INBOUND_BYTES } from '../mail/inbound.js';

/** Routes that take files (5 of 10 MiB plus the form) or a whole email; everything else keeps app.ts's 64 KiB. */
export const TICKET_BODY_LIMITS: ReadonlyArray<{ prefix: string; maxSize: number }> = [
  { prefix: '/api/tickets/', maxSize: MULTIPART_MAX_BYTES },
  { prefix: '/api/console/tickets/', maxSize: MULTIPART_MAX_BYTES },
  { prefix: '/api/mail/inbound', maxSize: MAX_INBOUND_BYTES },
];

export async function readTicketBody<S extends z.ZodType>(c: Context, schema: S): Promise<{ data: z.infer<S>; uploads: CheckedUpload[] }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) return { data: await readJson(c, schema), uploads: [] };
  const { fields, uploads } = await readMultipart(c);
  if (fields.payload === undefined) throw new AppError('invalid', 'the form needs a "payload" field holding the request as JSON');
  let raw: unknown;
  try {
    raw = JSON.parse(fields.payload);
  } catch {
    throw new AppError('invalid', 'the "payload" field must be JSON');
  }
  // Validate the text before reading files: a bad form fails fast and cheaply.
  const data = parseInput(schema, raw);
  return { data, uploads: await checkUploads(uploads) };
}
