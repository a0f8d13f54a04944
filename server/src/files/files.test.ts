/** Attachments: real files checked by content, names cleaned, bytes kept exactly, served safely. */
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { sites } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { jsonError } from '../lib/http.js';
import { useTestServer } from '../test-clients.js';
import { ticketEntries, tickets } from '../tickets/schema.js';
import { ALLOWED_TYPES, FILE_LIMITS, MULTIPART_MAX_BYTES } from './limits.js';
import { cleanFileName } from './names.js';
import { files } from './schema.js';
import { fileResponse, filesOfEntries, loadFile, storeFiles } from './service.js';
import { sniffType } from './sniff.js';
import { gif, jpeg, pdf, png, text, webp } from './test-kit.js';
import { checkUploads, readMultipart } from './upload.js';
import type { Upload } from './upload.js';

const MiB = 1024 * 1024;
const HTML = text('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const SCRIPT = text('fetch("/api/console/agents").then((r) => r.text()).then(alert);\n');

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (err) {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a refusal');
}

test('sniffType finds each accepted type in real files and refuses text under any name', async () => {
  assert.deepEqual(await sniffType(png()), { type: 'image/png', ext: 'png' });
  assert.deepEqual(await sniffType(jpeg()), { type: 'image/jpeg', ext: 'jpg' });
  assert.deepEqual(await sniffType(gif()), { type: 'image/gif', ext: 'gif' });
  assert.deepEqual(await sniffType(webp()), { type: 'image/webp', ext: 'webp' });
  assert.deepEqual(await sniffType(pdf()), { type: 'application/pdf', ext: 'pdf' });
  assert.deepEqual([...ALLOWED_TYPES].sort(), ['application/pdf', 'image/gif', 'image/jpeg', 'image/png', 'image/webp']);
  for (const bytes of [HTML, SVG, SCRIPT, new Uint8Array(0), png().subarray(0, 4)]) assert.equal(await sniffType(bytes), null);
  // Real formats we do not take: a zip (every office document) and a Windows executable.
  assert.equal(await sniffType(text('PK\x03\x04\x14\x00\x00\x00\x08\x00' + '\x00'.repeat(40))), null);
  assert.equal(await sniffType(Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, ...new Array<number>(60).fill(0)])), null);
});

test('checkUploads keeps the type found in the bytes, whatever was claimed', async () => {
  const [asPdf, photo] = await checkUploads([
    { name: 'scan.png', bytes: png(), claimedType: 'application/pdf' },
    { name: 'photo.JPG', bytes: jpeg(), claimedType: 'image/jpeg' },
  ]);
  assert.equal(asPdf!.type, 'image/png');
  assert.equal(asPdf!.cleanName, 'scan.png');
  assert.equal(asPdf!.claimedType, 'application/pdf');
  assert.equal(photo!.type, 'image/jpeg');
  assert.equal(photo!.cleanName, 'photo.JPG');
});

test('HTML, SVG and script named .png are refused, naming the file', async () => {
  for (const [name, bytes] of [['cute-cat.png', HTML], ['logo.png', SVG], ['pic.png', SCRIPT]] as const) {
    const err = await refusal(checkUploads([{ name: 'ok.pdf', bytes: pdf() }, { name, bytes, claimedType: 'image/png' }]));
    assert.equal(err.code, 'invalid');
    assert.match(err.message, new RegExp(`“${name.replace('.', '\\.')}” is not an image`));
  }
});

test('an empty file is refused; exactly 10 MiB passes and one byte more is too large', async () => {
  const empty = await refusal(checkUploads([{ name: 'blank.png', bytes: new Uint8Array(0) }]));
  assert.equal(empty.code, 'invalid');
  assert.equal(empty.message, '“blank.png” is empty.');

  const atLimit = png({ totalBytes: FILE_LIMITS.maxBytes });
  assert.equal(atLimit.byteLength, 10 * MiB);
  const [ok] = await checkUploads([{ name: 'big.png', bytes: atLimit }]);
  assert.equal(ok!.type, 'image/png');

  const over = await refusal(checkUploads([{ name: 'bigger.png', bytes: png({ totalBytes: FILE_LIMITS.maxBytes + 1 }) }]));
  assert.equal(over.code, 'too_large');
  assert.match(over.message, /^“bigger\.png” is .*a file can be at most 10 MB\.$/);
});

test('five files pass, six are refused', async () => {
  const five: Upload[] = Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.png`, bytes: png() }));
  assert.equal((await checkUploads(five)).length, 5);
  const err = await refusal(checkUploads([...five, { name: 'p5.png', bytes: png() }]));
  assert.equal(err.code, 'invalid');
  assert.equal(err.message, 'At most 5 files can be attached to one message; 6 were sent.');
});

test('names lose paths, control and direction characters, and keep their extension when shortened', async () => {
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('C:\\Users\\me\\Desktop\\receipt.pdf'), 'receipt.pdf');
  assert.equal(cleanFileName('inv\r\noice\u0000.pdf'), 'invoice.pdf');
  assert.equal(cleanFileName('photo\u202Egnp.exe'), 'photognp.exe');
  assert.equal(cleanFileName('say "hi" <now>?.png'), 'say _hi_ _now__.png');
  assert.equal(cleanFileName('  ...hidden.png.. '), 'hidden.png');
  assert.equal(cleanFileName('../..'), 'file');
  const long = `${'报'.repeat(150)}${'a'.repeat(150)}.jpeg`;
  const short = cleanFileName(long);
  assert.equal(Array.from(short).length, FILE_LIMITS.nameChars);
  assert.ok(short.startsWith('报'.repeat(150)) && short.endsWith('a.jpeg'), short);
  for (const name of ['../../etc/passwd', long, 'photo\u202Egnp.exe', ' x.png.']) assert.equal(cleanFileName(cleanFileName(name)), cleanFileName(name));

  // checkUploads also makes the extension match the content: a PNG must not be saved as a page.
  const checked = await checkUploads([
    { name: '../../etc/passwd', bytes: pdf() },
    { name: 'report\r\n.pdf', bytes: pdf() },
    { name: 'invoice.html', bytes: png() },
    { name: `${'x'.repeat(300)}.png`, bytes: png() },
  ]);
  assert.deepEqual(
    checked.map((c) => c.cleanName),
    ['passwd.pdf', 'report.pdf', 'invoice.html.png', `${'x'.repeat(196)}.png`],
  );
});

test('fileResponse: sniffed type, attachment with an RFC 5987 name, nosniff, sandbox, no caching', async () => {
  const bytes = pdf('Quarterly');
  const res = fileResponse({ name: '报告 "final"%.pdf', type: 'application/pdf', size: bytes.byteLength, bytes });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.equal(res.headers.get('content-length'), String(bytes.byteLength));
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; sandbox");
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  const disposition = res.headers.get('content-disposition')!;
  assert.equal(disposition, `attachment; filename="__ _final__.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20_final_%25.pdf`);
  assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]!), '报告 _final_%.pdf');
  assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
  // A row that somehow holds another type is still never served as something a browser runs.
  assert.equal(fileResponse({ name: 'x.html', type: 'text/html', size: 1, bytes: text('<') }).headers.get('content-type'), 'application/octet-stream');
});

// ---------- database: both drivers (PGlite here; PostgreSQL when TEST_DATABASE_URL is set) ----------

const env = useTestServer();

async function ticketWithEntry(siteId: string, n: number): Promise<{ ticketId: string; entryId: string }> {
  const db = env.server.database.db;
  const [t] = await db
    .insert(tickets)
    .values({ siteId, number: `T-FILES-${n}-${randomUUID().slice(0, 8)}`, subject: 'Attachments', source: 'feedback', targetMinutes: 240, firstResponseDueAt: new Date(Date.now() + 4 * 3600_000) })
    .returning({ id: tickets.id });
  const [e] = await db.insert(ticketEntries).values({ ticketId: t!.id, kind: 'public', author: 'customer', body: 'See attached', via: 'web' }).returning({ id: ticketEntries.id });
  return { ticketId: t!.id, entryId: e!.id };
}

async function siteId(): Promise<string> {
  const [site] = await env.server.database.db.select({ id: sites.id }).from(sites).where(eq(sites.key, env.server.siteKey));
  return site!.id;
}

test(`bytes round-trip exactly through storeFiles and loadFile (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  const db = env.server.database.db;
  const site = await siteId();
  const owner = { siteId: site, ...(await ticketWithEntry(site, 1)) };
  const everyByte = png({ payload: Uint8Array.from({ length: 512 }, (_, i) => i % 256) });
  const big = png({ payload: randomBytes(FILE_LIMITS.maxBytes - 200) });
  const checked = await checkUploads([
    { name: 'b-every-byte.png', bytes: everyByte },
    { name: 'a-scan.pdf', bytes: pdf() },
    { name: '照片.jpg', bytes: jpeg() },
    { name: 'big.png', bytes: big },
  ]);
  const stored = await db.transaction((tx) => storeFiles(tx, owner, checked));
  assert.deepEqual(
    stored.map(({ name, type, size }) => ({ name, type, size })),
    [
      { name: 'b-every-byte.png', type: 'image/png', size: everyByte.byteLength },
      { name: 'a-scan.pdf', type: 'application/pdf', size: pdf().byteLength },
      { name: '照片.jpg', type: 'image/jpeg', size: jpeg().byteLength },
      { name: 'big.png', type: 'image/png', size: big.byteLength },
    ],
  );

  for (const [i, original] of [everyByte, pdf(), jpeg(), big].entries()) {
    const file = await loadFile(db, { siteId: site, ticketId: owner.ticketId, fileId: stored[i]!.id });
    assert.ok(file, `file ${i} loads`);
    assert.equal(file.size, original.byteLength);
    assert.equal(file.entryId, owner.entryId);
    assert.equal(Buffer.compare(file.bytes, original), 0, `file ${i} is byte-exact`);
    assert.equal(file.bytes.byteOffset, 0);
    assert.equal(file.bytes.buffer.byteLength, original.byteLength);
  }
  const [row] = await db.select({ sha256: files.sha256, bytes: files.bytes }).from(files).where(eq(files.id, stored[0]!.id));
  assert.equal(row!.sha256, createHash('sha256').update(everyByte).digest('hex'));
  // The column read through the driver's own bytea path holds the same bytes.
  assert.equal(Buffer.compare(row!.bytes, everyByte), 0);

  // Listing carries no bytes and orders each entry's files stably (time, then name).
  const other = await ticketWithEntry(site, 2);
  const listed = await filesOfEntries(db, [owner.entryId, other.entryId, 'not-a-uuid']);
  assert.deepEqual(listed.get(owner.entryId)!.map((f) => f.name), ['a-scan.pdf', 'b-every-byte.png', 'big.png', '照片.jpg']);
  assert.deepEqual(Object.keys(listed.get(owner.entryId)![0]!).sort(), ['id', 'name', 'size', 'type']);
  assert.deepEqual(listed.get(other.entryId), []);
  assert.deepEqual(listed.get('not-a-uuid'), []);
  assert.deepEqual(await filesOfEntries(db, []), new Map());
});

test('loadFile answers null for another ticket, another site, or a malformed id', async () => {
  const db = env.server.database.db;
  const site = await siteId();
  const mine = { siteId: site, ...(await ticketWithEntry(site, 3)) };
  const theirs = await ticketWithEntry(site, 4);
  const [stored] = await storeFiles(db, mine, await checkUploads([{ name: 'private.pdf', bytes: pdf('secret') }]));
  const fileId = stored!.id;
  assert.ok(await loadFile(db, { siteId: site, ticketId: mine.ticketId, fileId }));
  assert.equal(await loadFile(db, { siteId: site, ticketId: theirs.ticketId, fileId }), null);
  assert.equal(await loadFile(db, { siteId: randomUUID(), ticketId: mine.ticketId, fileId }), null);
  assert.equal(await loadFile(db, { siteId: site, ticketId: mine.ticketId, fileId: randomUUID() }), null);
  assert.equal(await loadFile(db, { siteId: site, ticketId: mine.ticketId, fileId: `${fileId}' or '1'='1` }), null);
});

test('files stored in a transaction that fails are not kept', async () => {
  const db = env.server.database.db;
  const site = await siteId();
  const owner = { siteId: site, ...(await ticketWithEntry(site, 5)) };
  const checked = await checkUploads([{ name: 'draft.png', bytes: png() }]);
  await assert.rejects(
    db.transaction(async (tx) => {
      await storeFiles(tx, owner, checked);
      throw new Error('the entry could not be written');
    }),
    /could not be written/,
  );
  assert.deepEqual(await filesOfEntries(db, [owner.entryId]), new Map([[owner.entryId, []]]));
});

// ---------- readMultipart, through a real HTTP server ----------

function uploadApp(): Hono {
  const app = new Hono();
  app.post('/upload', async (c) => {
    const { fields, uploads } = await readMultipart(c);
    const checked = await checkUploads(uploads);
    return c.json({ fields, files: checked.map((f) => ({ name: f.cleanName, type: f.type, size: f.bytes.byteLength, claimed: f.claimedType ?? null, sha: createHash('sha256').update(f.bytes).digest('hex') })) });
  });
  app.onError((err, c) => (err instanceof AppError ? jsonError(c, err) : c.json({ error: { code: 'internal', message: String(err) } }, 500)));
  return app;
}

async function withServer(run: (url: string, port: number) => Promise<void>): Promise<void> {
  const server = serve({ fetch: uploadApp().fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  try {
    await run(`http://127.0.0.1:${port}`, port);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

test('readMultipart: text fields and files from a real FormData body', async () => {
  await withServer(async (url) => {
    const form = new FormData();
    form.append('subject', 'Broken checkout');
    form.append('body', '第一行\r\n第二行');
    form.append('files', new Blob([png()], { type: 'application/pdf' }), '截图 1.png');
    form.append('files', new Blob([pdf()], { type: 'application/pdf' }), 'receipt.pdf');
    const res = await fetch(`${url}/upload`, { method: 'POST', body: form });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { fields: Record<string, string>; files: unknown[] };
    assert.deepEqual(body.fields, { subject: 'Broken checkout', body: '第一行\r\n第二行' });
    assert.deepEqual(body.files, [
      { name: '截图 1.png', type: 'image/png', size: png().byteLength, claimed: 'application/pdf', sha: createHash('sha256').update(png()).digest('hex') },
      { name: 'receipt.pdf', type: 'application/pdf', size: pdf().byteLength, claimed: 'application/pdf', sha: createHash('sha256').update(pdf()).digest('hex') },
    ]);

    // What a browser sends for a form whose file input was left empty: an unnamed, empty file part.
    const b = 'ParleyBoundary7';
    const raw = `--${b}\r\nContent-Disposition: form-data; name="body"\r\n\r\nNo picture\r\n--${b}\r\nContent-Disposition: form-data; name="files"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--${b}--\r\n`;
    const empty = await fetch(`${url}/upload`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${b}` }, body: raw });
    assert.equal(empty.status, 200);
    assert.deepEqual(await empty.json(), { fields: { body: 'No picture' }, files: [] });
  });
});

test('readMultipart refuses JSON, files outside the file field, and HTML posing as an image', async () => {
  await withServer(async (url) => {
    const json = await fetch(`${url}/upload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"files":[]}' });
    assert.equal(json.status, 400);
    assert.deepEqual(await json.json(), { error: { code: 'invalid', message: 'Send the message and its attachments as multipart/form-data.' } });

    const misplaced = new FormData();
    misplaced.append('avatar', new Blob([png()]), 'me.png');
    const wrong = await fetch(`${url}/upload`, { method: 'POST', body: misplaced });
    assert.equal(wrong.status, 400);
    assert.match(((await wrong.json()) as { error: { message: string } }).error.message, /belong in the “files” field, not “avatar”/);

    const disguised = new FormData();
    disguised.append('files', new Blob([HTML], { type: 'image/png' }), 'holiday.png');
    const html = await fetch(`${url}/upload`, { method: 'POST', body: disguised });
    assert.equal(html.status, 400);
    assert.match(((await html.json()) as { error: { message: string } }).error.message, /“holiday\.png” is not an image/);
  });
});

test('a body declared larger than the cap is refused before it is read', { timeout: 15_000 }, async () => {
  await withServer(async (_url, port) => {
    const declared = 60 * MiB;
    assert.ok(declared > MULTIPART_MAX_BYTES);
    let sent = 0;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/upload', method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': declared } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      // Without an early answer the server would wait for the 60 MiB that never come.
      req.setTimeout(5000, () => req.destroy(new Error('no answer: the server is waiting for the body')));
      // Only the first 64 KiB is ever sent: the answer must come without the rest.
      const chunk = new Uint8Array(64 * 1024);
      sent += chunk.byteLength;
      req.write(chunk);
    });
    assert.equal(answer.status, 413);
    assert.equal(JSON.parse(answer.body).error.code, 'too_large');
    assert.match(JSON.parse(answer.body).error.message, /larger than the 51 MB allowed: at most 5 files of 10 MB each/);
    assert.equal(sent, 64 * 1024);
  });
});

test('a chunked body with no length is cut off as soon as it passes the cap', async () => {
  const chunk = new Uint8Array(MiB);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      if (pulled > 80) controller.close();
      else controller.enqueue(chunk);
    },
  });
  const res = await uploadApp().request('/upload', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body, duplex: 'half' } as RequestInit);
  assert.equal(res.status, 413);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'too_large');
  // 51 MiB is the cap: reading stops within a chunk or two of it, far short of the 80 offered.
  assert.ok(pulled <= MULTIPART_MAX_BYTES / MiB + 3, `pulled ${pulled} MiB`);
});
