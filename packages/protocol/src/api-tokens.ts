/**
 * Scoped API tokens for integrations (server/src/api-tokens/): a token reaches the console REST routes
 * of the domains it names, reading (GET) or reading and writing, and nothing else: not the sockets, not
 * one's account, not other tokens.
 */

/** The domains a token may be given: the `/api/console/<domain>` routes. */
export const API_TOKEN_DOMAINS = [
  'tickets',
  'contacts',
  'kb',
  'reports',
  'surveys',
  'employee-surveys',
  'announcements',
  'webhooks',
  'audit',
  'people',
  'departments',
  'sites',
  'retention',
] as const;
export type ApiTokenDomain = (typeof API_TOKEN_DOMAINS)[number];

/** `tickets:read` reads; `tickets:write` reads and writes. */
export type ApiTokenScope = `${ApiTokenDomain}:${'read' | 'write'}`;

/** What the console lists; the token itself is shown once, when created. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The first characters of the token, to tell tokens apart. */
  prefix: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenCreated {
  token: ApiTokenView;
  /** The secret: shown this once, stored only as a hash. */
  secret: string;
}
