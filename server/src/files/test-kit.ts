/**
 * Small real files built byte by byte, for tests here and in the domains that take attachments
 * (tickets): each is a valid file of its type, not just a magic number.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.byteLength);
  head.set(Buffer.from(type, 'latin1'), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat([head.subarray(4), data])));
  return concat([head, data, crc]);
}

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Fixed parts of a 1x1 RGB PNG: 8 signature + 25 IHDR + IDAT + 12 IEND, and 12 per extra chunk. */
const PNG_CHUNK_OVERHEAD = 12;

/**
 * A 1x1 PNG. `payload` goes into a private ancillary chunk (`prVt`, which decoders skip), so a test can
 * carry arbitrary bytes in a valid PNG; `totalBytes` pads that chunk to make the file exactly that size.
 */
export function png(opts: { payload?: Uint8Array; totalBytes?: number } = {}): Uint8Array<ArrayBuffer> {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 1);
  v.setUint32(4, 1);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const idat = pngChunk('IDAT', deflateSync(Uint8Array.from([0, 0x1f, 0x6f, 0xb4])));
  const fixed = [PNG_SIGNATURE, pngChunk('IHDR', ihdr), idat];
  const end = pngChunk('IEND', new Uint8Array(0));
  let payload = opts.payload;
  if (opts.totalBytes !== undefined) {
    const base = fixed.reduce((n, p) => n + p.byteLength, 0) + end.byteLength + PNG_CHUNK_OVERHEAD;
    const filler = new Uint8Array(opts.totalBytes - base);
    if (payload) filler.set(payload.subarray(0, filler.byteLength));
    payload = filler;
  }
  return concat(payload ? [...fixed, pngChunk('prVt', payload), end] : [...fixed, end]);
}

/**
 * A 1x1 grey baseline JPEG: one 8x8 block whose DC difference and every AC coefficient are zero, with
 * one-symbol Huffman tables, so the whole scan is the bits `0` (DC size 0) `0` (EOB) padded with ones.
 */
export function jpeg(): Uint8Array<ArrayBuffer> {
  const table = (cls: number) => [0xff, 0xc4, 0x00, 0x14, cls, 1, ...new Array<number>(15).fill(0), 0x00];
  return Uint8Array.from([
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array<number>(64).fill(1),
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    ...table(0x00),
    ...table(0x10),
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
    0x3f,
    0xff, 0xd9,
  ]);
}

/** A one-page PDF with a correct cross-reference table. */
export function pdf(text = 'Hello'): Uint8Array<ArrayBuffer> {
  const stream = `BT /F1 12 Tf 20 50 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** The classic 1x1 transparent GIF89a. */
export function gif(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
}

/** A 1x1 lossless WebP. */
export function webp(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'));
}

/** Text as bytes: HTML, SVG or script to pass off under an image's name. */
export function text(body: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(body, 'utf8'));
}
