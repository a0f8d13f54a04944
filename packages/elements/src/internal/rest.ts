/**
 * Plain fetch for the visitor-side REST calls (feedback, the ticket page): they must not pay for
 * Socket.IO or zod. One error type, one way to read the server's `{error: {code, message}}`, and the
 * JSON-or-multipart body the ticket routes accept.
 */

/** A refused or failed call: `code` is the server's error code (`unavailable` when unreachable), `status` the HTTP status (0: no answer). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The parsed JSON of a successful answer; an ApiError with the server's words otherwise. */
export async function callJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    // An abort is the caller's own doing; it checks signal.aborted.
    if (init.signal?.aborted) throw err;
    throw new ApiError('unavailable', 'Cannot reach the server.', 0);
  }
  const parsed = (await res.json().catch(() => null)) as ({ error?: { code?: string; message?: string } } & T) | null;
  if (!res.ok || parsed === null) {
    const e = parsed?.error;
    const code = e?.code ?? (res.status === 404 ? 'not_found' : res.status >= 500 || res.ok ? 'unavailable' : 'invalid');
    throw new ApiError(code, e?.message ?? `HTTP ${res.status}`, res.status);
  }
  return parsed;
}

/** JSON without files; multipart with them (`payload` holding the JSON, each file as `files`). */
export function jsonOrMultipart(method: string, payload: unknown, files: readonly File[]): RequestInit {
  if (!files.length) return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const f of files) form.append('files', f, f.name);
  return { method, body: form };
}
