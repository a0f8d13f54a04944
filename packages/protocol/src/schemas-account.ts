/** Validators for `/api/auth/...` beyond login (see ./account.ts). Server only, like ./schemas. */
import { z } from 'zod';
import { text } from './schemas.js';

/** Six digits; spaces people type in "123 456" are dropped. */
export const totpCode = text()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'code must be 6 digits'));

/** Recovery codes are shown as xxxx-xxxx-xxxx-xxxx; case, spaces and dashes do not matter. */
export const recoveryCode = text()
  .max(64, 'recoveryCode is too long')
  .transform((s) => s.toLowerCase().replace(/[\s-]+/g, ''))
  .pipe(z.string().regex(/^[a-z2-7]{16}$/, 'recoveryCode is not valid'));

export const loginVerifySchema = z
  .object({
    challenge: text().min(1, 'challenge is required').max(200),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), 'send either code or recoveryCode');

export const twoFactorConfirmSchema = z.object({ code: totpCode });

/** Turning two-factor off or new recovery codes: proof that the person at the keyboard is the owner. */
export const twoFactorProofSchema = z
  .object({
    code: totpCode.optional(),
    password: text().min(1, 'password is required').max(1000).optional(),
  })
  .refine((v) => v.code !== undefined || v.password !== undefined, 'send your current code or your password');

export const PASSWORD_LIMITS = { min: 10, max: 200 } as const;

export const changePasswordSchema = z.object({
  currentPassword: text().min(1, 'currentPassword is required').max(1000),
  newPassword: text()
    .min(PASSWORD_LIMITS.min, `newPassword must be at least ${PASSWORD_LIMITS.min} characters`)
    .max(PASSWORD_LIMITS.max, `newPassword is longer than ${PASSWORD_LIMITS.max} characters`),
});

export const signInPolicySchema = z.object({ requireTwoFactorForAll: z.boolean() });
