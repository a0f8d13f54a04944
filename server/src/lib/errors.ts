import type { ErrorCodeValue, ProtocolError } from '@parley/protocol';

/** An expected refusal: carried to the client as `{ok:false, error}` (or a REST error body). */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCodeValue,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
  toProtocol(): ProtocolError {
    return this.retryAfterMs === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/**
 * True when the database could not be reached (as opposed to a bug): clients keep the item
 * pending and retry on `unavailable`, but give up on `internal`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DeadlineExceeded) return true;
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (CONNECTION_CODES.has(code)) return true;
    // SQLSTATE classes 08 (connection), 53 (resources), 57P0x (shutdown), and 57014: a statement the
    // server cancelled (the writer's statement_timeout, db/prepared.ts), which nothing of is kept.
    if (/^(08|53)/.test(code) || /^57P0/.test(code) || code === '57014') return true;
    const message = String((e as { message?: unknown }).message ?? '');
    if (/PGlite is closed|connection.*(closed|terminated|refused)/i.test(message)) return true;
  }
  return false;
}

/** Postgres unique violation (both drivers surface SQLSTATE 23505 somewhere in the cause chain). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Maps anything thrown to a protocol error; unexpected ones never leak their message. */
export function toProtocolError(error: unknown): { error: ProtocolError; unexpected: boolean } {
  if (error instanceof AppError) return { error: error.toProtocol(), unexpected: false };
  if (isDatabaseUnavailable(error)) return { error: { code: 'unavailable', message: 'The server cannot reach its database; retry shortly.' }, unexpected: true };
  return { error: { code: 'internal', message: 'Something went wrong on the server.' }, unexpected: true };
}

/** A database call that outlived its deadline (see `deadline`). */
export class DeadlineExceeded extends AppError {
  constructor(what: string, ms: number) {
    super('unavailable', `${what} did not finish within ${ms} ms; it will be retried`);
  }
}

/**
 * Settles with `work`, or rejects with DeadlineExceeded after `ms`. Needed because a PostgreSQL link
 * that drops mid-transaction can leave postgres.js promises pending forever (porsager/postgres#1186),
 * and one such promise would stall the writer for every conversation. Answering `unavailable` is safe:
 * nothing is acked as stored, and the client's retry is idempotent on its clientId.
 */
export function deadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  // One promise and one timer, settled by whichever comes first: this runs for every message, and
  // Promise.race plus finally cost three more promises and their closures each time (GC on the hot path).
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineExceeded(what, ms)), ms);
    timer.unref?.();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
