/**
 * What every console REST client shares (`/api/console/kb`, `/tickets`, `/reports`): the agent's Bearer
 * token, the optional site, one error type, and signing out when the server refuses the session.
 * Plain fetch rather than the agent socket: these are request/response edits, and the server's REST
 * routes are where the role checks and validation live.
 */
import { ApiError } from '../internal/rest.js';

export { ApiError as ConsoleApiError };

export type Params = Record<string, string | undefined>;

export class ConsoleRest {
  constructor(
    /** Origin of the Parley server, without a trailing slash. */
    protected readonly server: string,
    protected readonly token: string,
    /** Site id; empty when the agent works on one site only (the server then picks it). */
    protected readonly site: string,
    /** Called when the server refuses the token (expired or revoked session). */
    protected readonly onUnauthorized: () => void,
    /** The domain's routes, e.g. `/api/console/kb`. */
    private readonly base: string,
  ) {}

  protected url(path: string, params: Params = {}): string {
    const query = new URLSearchParams();
    if (this.site) query.set('site', this.site);
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    const qs = query.toString();
    return `${this.server}${this.base}${path}${qs ? `?${qs}` : ''}`;
  }

  /** One request; a refusal becomes an ApiError carrying the server's code and message. Multipart bodies leave `type` out (the browser sets the boundary). */
  protected async request(method: string, path: string, params: Params = {}, body?: { data: BodyInit; type?: string }, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body?.type) headers['content-type'] = body.type;
    let res: Response;
    try {
      res = await fetch(this.url(path, params), { method, headers, body: body?.data, signal });
    } catch (err) {
      // Callers tell an abort apart by signal.aborted.
      if (signal?.aborted) throw err;
      throw new ApiError('unavailable', 'Cannot reach the server.', 0);
    }
    if (!res.ok) {
      if (res.status === 401) this.onUnauthorized();
      const e = ((await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiError(e?.code ?? (res.status >= 500 ? 'unavailable' : 'invalid'), e?.message ?? `HTTP ${res.status}`, res.status);
    }
    return res;
  }

  protected async call<T>(method: string, path: string, params: Params = {}, body?: unknown, signal?: AbortSignal): Promise<T> {
    const res = await this.request(method, path, params, body === undefined ? undefined : { data: JSON.stringify(body), type: 'application/json' }, signal);
    return (await res.json().catch(() => null)) as T;
  }

  /** A download: its bytes and the name the server gave it (Content-Disposition), else `fallback`. */
  protected async download(path: string, params: Params, fallback: string, signal?: AbortSignal): Promise<{ blob: Blob; name: string }> {
    const res = await this.request('GET', path, params, undefined, signal);
    const disposition = res.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const name = encoded ? decodeURIComponent(encoded) : (/filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback);
    return { blob: await res.blob(), name };
  }
}

/** Saves a blob under its name: the way to hand a token-protected download to the browser. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser the moment it needs to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
