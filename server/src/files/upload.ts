/** Attachments on their way in: read from a multipart request, then checked. Nothing here writes. */
import type { Context } from 'hono';
import { AppError } from '../lib/errors.js';
import { FILE_LIMITS, MULTIPART_MAX_BYTES, formatBytes } from './limits.js';
import { cleanFileName, nameForType } from './names.js';
import { sniffType } from './sniff.js';

export interface Upload {
  name: string;
  bytes: Uint8Array;
  /** What the browser said; kept for logs only, never trusted. */
  claimedType?: string;
}

export type CheckedUpload = Upload & { type: string; cleanName: string };

const ACCEPTED_LABEL = 'an image (PNG, JPEG, GIF or WebP) or a PDF';

/**
 * Checks every upload (count, size, empty, content type by bytes, name) and throws AppError with a
 * clear message naming the file: 'too_large' for size, 'invalid' otherwise. Returns the cleaned name
 * (its extension made to match the content) and the sniffed type per upload. Nothing is written.
 */
export async function checkUploads(uploads: Upload[]): Promise<CheckedUpload[]> {
  if (!Array.isArray(uploads)) throw new AppError('invalid', 'Attachments must be a list of files.');
  if (uploads.length > FILE_LIMITS.perEntry) {
    throw new AppError('invalid', `At most ${FILE_LIMITS.perEntry} files can be attached to one message; ${uploads.length} were sent.`);
  }
  const checked: CheckedUpload[] = [];
  for (const upload of uploads) {
    const bytes = upload?.bytes;
    const shown = cleanFileName(typeof upload?.name === 'string' ? upload.name : '');
    if (!(bytes instanceof Uint8Array)) throw new AppError('invalid', `“${shown}” has no content.`);
    if (bytes.byteLength === 0) throw new AppError('invalid', `“${shown}” is empty.`);
    if (bytes.byteLength > FILE_LIMITS.maxBytes) {
      throw new AppError('too_large', `“${shown}” is ${formatBytes(bytes.byteLength)}; a file can be at most ${formatBytes(FILE_LIMITS.maxBytes)}.`);
    }
    const sniffed = await sniffType(bytes);
    if (!sniffed) throw new AppError('invalid', `“${shown}” is not ${ACCEPTED_LABEL}: its content was checked, not its name.`);
    checked.push({ ...upload, type: sniffed.type, cleanName: nameForType(shown, sniffed.type, sniffed.ext) });
  }
  return checked;
}

/**
 * Reads a multipart/form-data request into text fields and uploads. A body over MULTIPART_MAX_BYTES is
 * refused with 'too_large' before it is buffered: at once when Content-Length says so, else as soon as
 * the stream passes it. A non-multipart or unreadable body is 'invalid'. Files come in `fileField`
 * (default `files`, repeated once per file); an empty file input (no name, no bytes) is skipped. A
 * repeated text field keeps its last value.
 */
export async function readMultipart(c: Context, opts: { fileField?: string } = {}): Promise<{ fields: Record<string, string>; uploads: Upload[] }> {
  const fileField = opts.fileField ?? 'files';
  const contentType = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;.*\bboundary=/i.test(contentType)) {
    throw new AppError('invalid', 'Send the message and its attachments as multipart/form-data.');
  }
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > MULTIPART_MAX_BYTES) throw tooLarge();
  const body = await readCapped(c.req.raw.body, MULTIPART_MAX_BYTES);

  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new AppError('invalid', 'The form data could not be read; send it as multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') {
      if (key === fileField) {
        // Some clients send an empty file input as an empty text part.
        if (value === '') continue;
        throw new AppError('invalid', `The “${fileField}” field carries files, not text.`);
      }
      // defineProperty: a field named __proto__ must be data, not a prototype change.
      Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (key !== fileField) throw new AppError('invalid', `Attachments belong in the “${fileField}” field, not “${cleanFileName(key)}”.`);
    // What a browser sends for a file input left empty.
    if (value.name === '' && value.size === 0) continue;
    const upload: Upload = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
    if (value.type) upload.claimedType = value.type;
    uploads.push(upload);
  }
  return { fields, uploads };
}

function tooLarge(): AppError {
  return new AppError(
    'too_large',
    `The request is larger than the ${formatBytes(MULTIPART_MAX_BYTES)} allowed: at most ${FILE_LIMITS.perEntry} files of ${formatBytes(FILE_LIMITS.maxBytes)} each.`,
  );
}

/** The whole body, or 'too_large' the moment it passes `cap` (a chunked body has no length to check). */
async function readCapped(stream: ReadableStream<Uint8Array> | null, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw new AppError('invalid', 'The upload was interrupted before it was complete; send it again.');
    }
    const { done, value } = next;
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
