import type { VisitorIdentity } from '@parley/protocol';

/** The identity attributes of `<parley-chat>` and `<parley-messenger>` (set by `Parley('identify', ...)`). */
export interface IdentityAttributes {
  userId: string;
  userHash: string;
  userJwt: string;
  userName: string;
  userEmail: string;
}

export const IDENTITY_PROPS = ['userId', 'userHash', 'userJwt', 'userName', 'userEmail'] as const;

/** What the attributes vouch for, or null when they name nobody (the chat stays anonymous). */
export function identityOf(a: IdentityAttributes): VisitorIdentity | null {
  const extra = { ...(a.userName ? { name: a.userName } : {}), ...(a.userEmail ? { email: a.userEmail } : {}) };
  if (a.userJwt) return { jwt: a.userJwt, ...extra };
  // A user id without its hash is sent as it is: the server refuses it and says why (never joined).
  if (a.userId) return { userId: a.userId, userHash: a.userHash, ...extra };
  return null;
}
