import type { ProtocolError } from '@parley/protocol';
import { ParleyError } from './errors.js';

/** JSON over fetch with the server's `{error: {code, message}}` turned into a ParleyError. */
export async function requestJson<T>(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ParleyError({ code: 'unavailable', message: 'Cannot reach the server.' });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, for instance: fall through to the generic error below.
  }
  if (!response.ok) {
    const error = (parsed as { error?: ProtocolError } | null)?.error;
    throw new ParleyError(error ?? { code: response.status >= 500 ? 'unavailable' : 'invalid', message: `HTTP ${response.status}` });
  }
  return parsed as T;
}
