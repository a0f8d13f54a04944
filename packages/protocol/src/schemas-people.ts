/** Validators for the People settings and the invitation (see ./people.ts). Server only, like ./schemas. */
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './constants.js';
import { text } from './schemas.js';
import type { InvitationAccept, PersonInvite, PersonPatch } from './people.js';

export const PEOPLE_LIMITS = {
  nameChars: 100,
  emailChars: 254,
  /** A password policy of length only (NIST 800-63B): at least 10 characters, no composition rules. */
  passwordMin: 10,
  passwordChars: 200,
  capacityMax: 50,
  /** How long an invitation link works. */
  invitationHours: 72,
} as const;

const role = z.enum(['admin', 'supervisor', 'agent'], { message: 'role must be admin, supervisor or agent' });
const departmentIds = z.array(z.uuid({ message: 'departmentIds must be department ids' })).max(100, 'too many departments');
const capacity = z
  .number({ message: 'capacity must be a number' })
  .int('capacity must be a whole number')
  .min(0, 'capacity must be 0 or more')
  .max(PEOPLE_LIMITS.capacityMax, `capacity must be at most ${PEOPLE_LIMITS.capacityMax}`);

export const personInviteSchema = z.object({
  email: text()
    .max(PEOPLE_LIMITS.emailChars, 'email is too long')
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.email({ message: 'email is not a valid email address' })),
  name: text()
    .max(PEOPLE_LIMITS.nameChars, `name is longer than ${PEOPLE_LIMITS.nameChars} characters`)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, 'name is empty'),
  role,
  departmentIds,
  capacity,
  locale: z.enum(SUPPORTED_LOCALES).optional(),
}) satisfies z.ZodType<PersonInvite, unknown>;

export const personPatchSchema = z
  .object({ role: role.optional(), departmentIds: departmentIds.optional(), capacity: capacity.optional() })
  .refine((p) => p.role !== undefined || p.departmentIds !== undefined || p.capacity !== undefined, 'nothing to change') satisfies z.ZodType<PersonPatch, unknown>;

export const invitationAcceptSchema = z.object({
  token: text().min(1, 'token is missing').max(200, 'token is not valid'),
  password: text()
    .min(PEOPLE_LIMITS.passwordMin, `the password must have at least ${PEOPLE_LIMITS.passwordMin} characters`)
    .max(PEOPLE_LIMITS.passwordChars, `the password must have at most ${PEOPLE_LIMITS.passwordChars} characters`),
}) satisfies z.ZodType<InvitationAccept, unknown>;
