/** Validators for scoped API tokens (see ./api-tokens.ts). Server only, like ./schemas. */
import { z } from 'zod';
import { API_TOKEN_DOMAINS, type ApiTokenScope } from './api-tokens.js';
import { text } from './schemas.js';

const SCOPES = API_TOKEN_DOMAINS.flatMap((d) => [`${d}:read`, `${d}:write`]) as ApiTokenScope[];

export const apiTokenInputSchema = z
  .object({
    name: text().trim().min(1, 'name is required').max(100, 'name is at most 100 characters'),
    scopes: z
      .array(z.enum(SCOPES as [ApiTokenScope, ...ApiTokenScope[]], { message: `each scope must be one of: ${SCOPES.join(', ')}` }))
      .min(1, 'give the token at least one scope')
      .max(SCOPES.length)
      .refine((s) => new Set(s).size === s.length, 'a scope is listed twice'),
  })
  .strict();
