import type { ProtocolError } from '@parley/protocol';

/** Thrown by the REST helpers; carries the server's code so callers can branch without parsing text. */
export class ParleyError extends Error {
  readonly code: string;
  constructor(error: ProtocolError) {
    super(error.message);
    this.name = 'ParleyError';
    this.code = error.code;
  }
}

/**
 * Codes after which re-sending the same payload cannot succeed. Connection problems (timeouts,
 * `unavailable`, `rate_limited`) keep the message pending; other codes (`internal`) are retried a few
 * times (see the outbox).
 */
const FINAL = new Set(['invalid', 'closed', 'too_large', 'forbidden', 'not_found', 'unauthorized']);
export const isFinal = (error: ProtocolError): boolean => FINAL.has(error.code);

/**
 * The server could not be reached or asked us to wait: the same payload will go through later, so the
 * outbox retries these without limit. Any other non-final error gets a bounded number of tries.
 */
export const isConnectionProblem = (error: ProtocolError): boolean => error.code === 'unavailable' || error.code === 'rate_limited';

export const timeoutError = (): ProtocolError => ({ code: 'unavailable', message: 'The server did not answer in time.' });
export const offlineError = (): ProtocolError => ({ code: 'unavailable', message: 'Not connected.' });

/** Anything thrown on the way (REST failure, bug) as the error shape the UI already knows how to show. */
export function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof ParleyError) return { code: error.code as ProtocolError['code'], message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
