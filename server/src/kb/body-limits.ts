/**
 * Request-body caps for the KB routes that need more than the API's 64 KiB (app.ts picks the first
 * prefix that matches). An article of 20,000 CJK characters is ~60 KB of UTF-8 before JSON escaping;
 * an import carries a whole knowledge base.
 */
export const KB_BODY_LIMITS: ReadonlyArray<{ prefix: string; maxSize: number }> = [
  { prefix: '/api/console/kb/import', maxSize: 5 * 1024 * 1024 },
  { prefix: '/api/console/kb/articles', maxSize: 256 * 1024 },
  { prefix: '/api/console/kb/preview', maxSize: 256 * 1024 },
];
