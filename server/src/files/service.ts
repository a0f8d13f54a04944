/**
 * The files table's queries. Callers (tickets) decide who may see a ticket; this module only makes
 * sure a file is served under the ticket and site it belongs to.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TicketFile } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { ALLOWED_TYPES, FILE_LIMITS } from './limits.js';
import { contentDisposition } from './names.js';
import { files } from './schema.js';
import type { CheckedUpload } from './upload.js';

export interface StoredFile {
  name: string;
  type: string;
  size: number;
  bytes: Uint8Array;
}

/**
 * Bytes cross the driver as base64 text, decoded and encoded by PostgreSQL. PGlite's own bytea
 * (de)serializer works byte by byte in JS: a 10 MB file took ~6 s to insert and ~2 s to read that
 * way, against ~0.3 s and ~0.15 s as base64. postgres.js is as fast either way, so one path serves both.
 */
const bytesIn = (bytes: Uint8Array) => sql`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}, 'base64')`;
const bytesOut = () => sql<string>`encode(${files.bytes}, 'base64')`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keeps each `in (...)` well below PostgreSQL's 65,535 parameters. */
const ID_BATCH = 1000;

/**
 * Writes checked uploads for one entry, in the caller's transaction, and returns them as the protocol
 * shows them, in the order given. One insert per file keeps a single statement to one file's size.
 */
export async function storeFiles(tx: Executor, owner: { siteId: string; ticketId: string; entryId: string }, checked: CheckedUpload[]): Promise<TicketFile[]> {
  if (checked.length > FILE_LIMITS.perEntry) throw new AppError('invalid', `At most ${FILE_LIMITS.perEntry} files can be attached to one message.`);
  const stored: TicketFile[] = [];
  for (const file of checked) {
    // A cheap guard against a caller that skipped checkUploads: the limits hold at the table too.
    if (!ALLOWED_TYPES.includes(file.type) || file.bytes.byteLength === 0 || file.bytes.byteLength > FILE_LIMITS.maxBytes) {
      throw new Error(`storeFiles: "${file.cleanName}" was not checked with checkUploads`);
    }
    const row = {
      id: randomUUID(),
      siteId: owner.siteId,
      ticketId: owner.ticketId,
      entryId: owner.entryId,
      name: file.cleanName,
      type: file.type,
      size: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    };
    await tx.insert(files).values({ ...row, bytes: bytesIn(file.bytes) });
    stored.push({ id: row.id, name: row.name, type: row.type, size: row.size });
  }
  return stored;
}

/**
 * The files of each entry (every requested id is a key, with [] when it has none), without their
 * bytes. Within an entry: by upload time, then name, so the order is stable across reads.
 */
export async function filesOfEntries(db: Executor, entryIds: string[]): Promise<Map<string, TicketFile[]>> {
  const result = new Map<string, TicketFile[]>();
  for (const id of entryIds) result.set(id, []);
  const ids = [...result.keys()].filter((id) => UUID.test(id));
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const rows = await db
      .select({ id: files.id, entryId: files.entryId, name: files.name, type: files.type, size: files.size })
      .from(files)
      .where(inArray(files.entryId, ids.slice(i, i + ID_BATCH)))
      .orderBy(asc(files.createdAt), asc(files.name), asc(files.id));
    for (const { entryId, ...file } of rows) result.get(entryId!)?.push(file);
  }
  return result;
}

/**
 * One file with its bytes, or null when it is not that ticket's on that site (or an id is malformed):
 * callers answer 404 either way, so a file id from another ticket reveals nothing. `entryId` lets the
 * caller refuse files of internal notes to customers.
 */
export async function loadFile(db: Executor, where: { siteId: string; ticketId: string; fileId: string }): Promise<(StoredFile & { id: string; entryId: string | null }) | null> {
  if (![where.siteId, where.ticketId, where.fileId].every((id) => typeof id === 'string' && UUID.test(id))) return null;
  const [row] = await db
    .select({ id: files.id, entryId: files.entryId, name: files.name, type: files.type, size: files.size, base64: bytesOut() })
    .from(files)
    .where(and(eq(files.id, where.fileId), eq(files.ticketId, where.ticketId), eq(files.siteId, where.siteId)))
    .limit(1);
  if (!row) return null;
  const { base64, ...meta } = row;
  return { ...meta, bytes: ownBytes(Buffer.from(base64, 'base64')) };
}

/**
 * Node hands back small Buffers as views into its shared pool; a copy keeps a caller that reaches
 * for `.buffer` from seeing (or sending) other data.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  // A plain view when the memory is its own (no copy of a 10 MB file), a copy when it is shared.
  return whole ? new Uint8Array(bytes.buffer, 0, bytes.byteLength) : new Uint8Array(bytes);
}

/**
 * The download: the sniffed Content-Type, always as an attachment, never sniffed or rendered as a
 * page by the browser (nosniff, CSP sandbox), and kept out of shared caches.
 */
export function fileResponse(file: StoredFile): Response {
  const type = ALLOWED_TYPES.includes(file.type) ? file.type : 'application/octet-stream';
  const bytes = new Uint8Array(file.bytes.buffer as ArrayBuffer, file.bytes.byteOffset, file.bytes.byteLength);
  return new Response(bytes, {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}
