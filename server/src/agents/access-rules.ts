/**
 * Who may call what: every route of the app (method and Hono path pattern, as `app.routes` lists it)
 * and every command of the agent Socket.IO namespace, with its rule. ./access.ts enforces the staff
 * rules in one middleware before any handler runs; access.test.ts fails when a route or event has none.
 *
 *   public      anyone (sign-in, widget config, the public help center, web pages)
 *   visitor     a widget visitor's token, checked by the route itself
 *   employee    an intranet employee token, checked by the route itself
 *   token       a credential in the request itself (a private link, mail inbound, the metrics token)
 *   staff       any signed-in, active agent; the service narrows further (departments, ownership)
 *   supervisor  a supervisor or an admin; the service narrows supervisors to their departments
 *   admin       admins only
 *
 * The per-service checks stay (defence in depth): this table says who may knock, the service what
 * they may touch. A route not listed here is refused (see access.ts).
 */
import type { AgentRole } from '@parley/protocol';

export type AccessRule = 'public' | 'visitor' | 'employee' | 'token' | 'staff' | 'supervisor' | 'admin';

/** The rules the middleware enforces, and which roles each lets through. */
export const STAFF_RULES: Record<'staff' | 'supervisor' | 'admin', readonly AgentRole[]> = {
  staff: ['agent', 'supervisor', 'admin'],
  supervisor: ['supervisor', 'admin'],
  admin: ['admin'],
};

export const isStaffRule = (r: AccessRule): r is keyof typeof STAFF_RULES => r in STAFF_RULES;

export const ROUTE_RULES: Readonly<Record<string, AccessRule>> = {
  // ---------- operations ----------
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'token',

  // ---------- agents: sign-in, invitation, people ----------
  'POST /api/auth/login': 'public',
  // The second step of a two-factor sign-in: the challenge from the first step is the credential.
  'POST /api/auth/login/verify': 'token',
  'POST /api/auth/logout': 'staff',
  'GET /api/auth/me': 'staff',
  // One's own account (auth/account-routes.ts): enrol-only sessions reach only some of these, which requireAgent decides.
  'GET /api/auth/account': 'staff',
  'POST /api/auth/two-factor/start': 'staff',
  'POST /api/auth/two-factor/confirm': 'staff',
  'POST /api/auth/two-factor/disable': 'staff',
  'POST /api/auth/two-factor/recovery-codes': 'staff',
  'POST /api/auth/password': 'staff',
  'GET /api/auth/sessions': 'staff',
  'POST /api/auth/sessions/end-others': 'staff',
  'DELETE /api/auth/sessions/:id': 'staff',
  'GET /api/auth/policy': 'admin',
  'PUT /api/auth/policy': 'admin',
  'GET /api/auth/invitation': 'token',
  'POST /api/auth/invitation/accept': 'token',
  'GET /api/console/people': 'admin',
  'POST /api/console/people': 'admin',
  'PATCH /api/console/people/:id': 'admin',
  'POST /api/console/people/:id/deactivate': 'admin',
  'POST /api/console/people/:id/reactivate': 'admin',
  'POST /api/console/people/:id/invitation': 'admin',
  'GET /invite/:token': 'token',
  'POST /invite/:token': 'token',

  // ---------- widget and public help center ----------
  'GET /api/sites/:siteKey': 'public',
  'GET /api/sites/:siteKey/widget': 'public',
  'POST /api/visitor/session': 'public',
  'POST /api/visitor/identify': 'visitor',
  'POST /api/visitor/page': 'visitor',
  'GET /api/kb/:siteKey/categories': 'public',
  'GET /api/kb/:siteKey/articles': 'public',
  'GET /api/kb/:siteKey/articles/:id': 'public',
  'GET /api/kb/:siteKey/search': 'public',
  'POST /api/kb/:siteKey/articles/:id/votes': 'public',

  // ---------- knowledge base (console) ----------
  'GET /api/console/kb/categories': 'staff',
  'POST /api/console/kb/categories': 'supervisor',
  'PATCH /api/console/kb/categories/:id': 'supervisor',
  'DELETE /api/console/kb/categories/:id': 'supervisor',
  'GET /api/console/kb/articles': 'staff',
  // Agents write drafts; publishing and touching published articles is checked by kb/authoring.ts.
  'POST /api/console/kb/articles': 'staff',
  'GET /api/console/kb/articles/:id': 'staff',
  'PATCH /api/console/kb/articles/:id': 'staff',
  'DELETE /api/console/kb/articles/:id': 'supervisor',
  'GET /api/console/kb/articles/:id/comments': 'staff',
  'POST /api/console/kb/preview': 'staff',
  'GET /api/console/kb/export': 'staff',
  'POST /api/console/kb/import': 'supervisor',
  'GET /api/console/kb/gaps': 'staff',
  'POST /api/console/kb/gaps/:key/resolve': 'staff',

  // ---------- tickets: customers ----------
  'GET /api/tickets/sites/:siteKey/categories': 'public',
  'POST /api/tickets/sites/:siteKey': 'public',
  'GET /api/tickets/link/:token': 'token',
  'POST /api/tickets/link/:token/replies': 'token',
  'POST /api/tickets/link/:token/resolve': 'token',
  'GET /api/tickets/link/:token/files/:fileId': 'token',
  'POST /api/mail/inbound': 'token',

  // ---------- tickets: console ----------
  'GET /api/console/tickets': 'staff',
  'GET /api/console/tickets/categories': 'staff',
  'POST /api/console/tickets/categories': 'supervisor',
  'PUT /api/console/tickets/categories/:id': 'supervisor',
  'DELETE /api/console/tickets/categories/:id': 'supervisor',
  'POST /api/console/tickets/from-chat': 'staff',
  'GET /api/console/tickets/canned': 'staff',
  'POST /api/console/tickets/canned': 'supervisor',
  'PUT /api/console/tickets/canned/:id': 'supervisor',
  'DELETE /api/console/tickets/canned/:id': 'supervisor',
  'GET /api/console/tickets/settings': 'staff',
  'PUT /api/console/tickets/settings/sla': 'admin',
  'PUT /api/console/tickets/settings/sla/departments/:departmentId': 'admin',
  // Supervisors set their own departments' calendars (tickets/settings.ts narrows).
  'PUT /api/console/tickets/calendars/:departmentId': 'supervisor',
  'GET /api/console/tickets/mail': 'supervisor',
  'GET /api/console/tickets/mail/:id': 'supervisor',
  'GET /api/console/tickets/:id': 'staff',
  'POST /api/console/tickets/:id/replies': 'staff',
  'PATCH /api/console/tickets/:id': 'staff',
  'POST /api/console/tickets/:id/links/revoke': 'staff',
  'GET /api/console/tickets/:id/files/:fileId': 'staff',

  // ---------- surveys ----------
  'GET /api/surveys/invitations/:token': 'token',
  'POST /api/surveys/invitations/:token/answer': 'token',
  'POST /api/surveys/sites/:siteKey/nps': 'visitor',
  'GET /api/console/surveys/responses': 'supervisor',
  'GET /api/console/surveys/settings': 'supervisor',
  'PUT /api/console/surveys/settings': 'admin',
  'GET /api/surveys/employee/:siteKey': 'employee',
  'GET /api/surveys/employee/:siteKey/:id': 'employee',
  'POST /api/surveys/employee/:siteKey/:id/answers': 'employee',
  // Intranet announcements: the banner's stream and receipts (announcements/employee-routes.ts).
  'GET /api/employee/stream': 'employee',
  'POST /api/employee/receipts': 'employee',
  'GET /api/console/employee-surveys': 'supervisor',
  'POST /api/console/employee-surveys': 'supervisor',
  'GET /api/console/employee-surveys/:id': 'supervisor',
  'PUT /api/console/employee-surveys/:id': 'supervisor',
  'DELETE /api/console/employee-surveys/:id': 'supervisor',
  'POST /api/console/employee-surveys/:id/open': 'supervisor',
  'POST /api/console/employee-surveys/:id/close': 'supervisor',
  'GET /api/console/employee-surveys/:id/results': 'supervisor',
  'GET /api/console/employee-surveys/:id/results.csv': 'supervisor',

  // ---------- reports, webhooks, announcements ----------
  'GET /api/console/reports': 'supervisor',
  'GET /api/console/reports/monthly': 'admin',
  'GET /api/console/reports/monthly/:id': 'admin',
  'GET /api/console/webhooks': 'admin',
  'POST /api/console/webhooks': 'admin',
  'GET /api/console/webhooks/deliveries': 'admin',
  'GET /api/console/webhooks/deliveries/:id': 'admin',
  'POST /api/console/webhooks/deliveries/:id/resend': 'admin',
  'GET /api/console/webhooks/:id': 'admin',
  'PATCH /api/console/webhooks/:id': 'admin',
  'DELETE /api/console/webhooks/:id': 'admin',
  'POST /api/console/webhooks/:id/test': 'admin',
  'GET /api/console/announcements': 'supervisor',
  'POST /api/console/announcements': 'supervisor',
  'POST /api/console/announcements/preview': 'supervisor',
  'GET /api/console/announcements/:id': 'supervisor',
  'PUT /api/console/announcements/:id': 'supervisor',
  'DELETE /api/console/announcements/:id': 'supervisor',
  'POST /api/console/announcements/:id/publish': 'supervisor',
  'POST /api/console/announcements/:id/withdraw': 'supervisor',
  'GET /api/console/announcements/:id/preview': 'supervisor',
  'GET /api/console/announcements/:id/receipts': 'supervisor',
  'POST /api/console/announcements/:id/remind': 'supervisor',
  'GET /api/console/announcements/:id/receipts.csv': 'supervisor',
  // audit log and retention (audit/routes.ts, retention/routes.ts)
  'GET /api/console/audit': 'admin',
  'GET /api/console/retention': 'admin',
  'GET /api/console/retention/preview': 'admin',
  'PUT /api/console/retention': 'admin',

  // ---------- company settings, privacy and audit ----------
  'GET /api/console/sites': 'admin',
  'GET /api/console/sites/:id': 'admin',
  'PATCH /api/console/sites/:id': 'admin',
  'POST /api/console/sites/:id/secret': 'admin',
  'GET /api/console/departments': 'admin',
  'POST /api/console/departments': 'admin',
  'PUT /api/console/departments/order': 'admin',
  'PATCH /api/console/departments/:id': 'admin',
  'DELETE /api/console/departments/:id': 'admin',
  // Contacts: agents see those of their departments (contacts/access.ts); export and erasure are the admin's.
  'GET /api/console/contacts': 'staff',
  'GET /api/console/contacts/:id': 'staff',
  'GET /api/console/contacts/:id/export': 'admin',
  'POST /api/console/contacts/:id/erase': 'admin',

  // ---------- demo and web pages ----------
  // The demo intranet's stand-in identity provider (identity/demo-routes.ts decides whether it is on).
  'GET /api/demo/employee-token': 'public',
  // Scoped API tokens for integrations (api-tokens/); a token itself can never reach these.
  'GET /api/console/api-tokens': 'admin',
  'POST /api/console/api-tokens': 'admin',
  'DELETE /api/console/api-tokens/:id': 'admin',
  // The API's own description (openapi/).
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /favicon.ico': 'public',
  'GET /parley.js': 'public',
  'GET /elements/*': 'public',
  'GET /': 'public',
  'GET /help': 'public',
  'GET /console': 'public',
  'GET /intranet': 'public',
  'GET /demos/react': 'public',
  'GET /demos/vue': 'public',
  'GET /t/:token': 'token',
  'GET /s/:token': 'token',
  'GET /*': 'public',
};

/** Commands of the agent namespace (conversations/socket.ts and others): every one needs a rule too. */
export const AGENT_EVENT_RULES: Readonly<Record<string, 'staff' | 'supervisor' | 'admin'>> = {
  'agent:presence': 'staff',
  'directory:list': 'staff',
  'queue:list': 'staff',
  'conversation:list': 'staff',
  'conversation:claim': 'staff',
  'conversation:sync': 'staff',
  'conversation:read': 'staff',
  'conversation:transfer': 'staff',
  'conversation:close': 'staff',
  'message:send': 'staff',
  'typing:set': 'staff',
};

/** The domain a route belongs to: `/api/console/tickets/...` and `/api/tickets/...` are `tickets`; /health and /metrics are `operations`. */
export function routeDomain(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'api') return 'operations';
  return (parts[1] === 'console' ? parts[2] : parts[1]) ?? 'api';
}
