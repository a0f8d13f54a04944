import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCodeValue } from '@parley/protocol';
import type { z } from 'zod';
import { describeZodError } from '@parley/protocol/schemas';
import { AppError } from './errors.js';

export interface AgentVars {
  agentId: string;
  sessionId: string;
}

const STATUS: Record<ErrorCodeValue, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_claimed: 409,
  closed: 409,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
  internal: 500,
  two_factor_enrolment_required: 403,
};

/** REST errors are `{error: {code, message}}` with the HTTP status that matches the code. */
export function jsonError(c: Context, error: AppError) {
  if (error.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
  return c.json({ error: error.toProtocol() }, STATUS[error.code]);
}
export { STATUS as HTTP_STATUS };

/** Validates an already-read value: a clear `invalid` naming the field, never a 500. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid', describeZodError(parsed.error));
  return parsed.data;
}

/** The JSON body, validated. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw: unknown = await c.req.json().catch(() => {
    throw new AppError('invalid', 'the request body must be JSON');
  });
  return parseInput(schema, raw);
}
