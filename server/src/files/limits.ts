/** What an attachment may be. One place, so the routes, the checks and the console agree. */
export const FILE_LIMITS = { maxBytes: 10 * 1024 * 1024, perEntry: 5, nameChars: 200 } as const;

/**
 * Types a browser shows safely and a person expects to attach: images and PDF. No SVG or HTML (they
 * run script), no office formats (macros). Decided from the bytes, never from the name or the claim.
 */
export const ALLOWED_TYPES: readonly string[] = Object.freeze(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

/** The extensions a cleaned name may keep for each type; any other gets the sniffed one appended. */
export const TYPE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
});

/**
 * The largest multipart body a route with attachments takes: every file at its cap plus 1 MiB for the
 * text fields and the multipart framing. app.ts's bodyLimit for such routes should use this too.
 */
export const MULTIPART_MAX_BYTES = FILE_LIMITS.maxBytes * FILE_LIMITS.perEntry + 1024 * 1024;

/** "10 MB" style, for messages people read. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  const mb = n / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
