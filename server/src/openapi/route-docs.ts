/**
 * What each REST route does and the zod schema it validates its request with: the same schema objects
 * the handlers pass to readJson / parseInput, so the published description cannot drift from what the
 * server accepts. Keyed like agents/access-rules.ts ('METHOD /hono/path'); openapi.test.ts fails when an
 * API route (under /api, /health, /metrics) has no entry here. Who may call a route comes from the
 * access rules, not from this table.
 */
import type { ZodType } from 'zod';
import {
  agentReplySchema,
  announcementInputSchema,
  announcementRemindSchema,
  apiTokenInputSchema,
  articleInputSchema,
  articlePatchSchema,
  cannedReplyInputSchema,
  categoryInputSchema,
  categoryPatchSchema,
  changePasswordSchema,
  customerReplySchema,
  employeeAnswerSchema,
  employeeReceiptInputSchema,
  employeeSurveyInputSchema,
  employeeSurveyOpenSchema,
  invitationAcceptSchema,
  loginSchema,
  loginVerifySchema,
  npsRequestSchema,
  personInviteSchema,
  personPatchSchema,
  previewSchema,
  reportRequestSchema,
  resolveGapSchema,
  revokeLinksSchema,
  signInPolicySchema,
  surveyAnswerSchema,
  surveySettingsPatchSchema,
  ticketCategoryInputSchema,
  ticketFromChatSchema,
  ticketInputSchema,
  ticketPatchSchema,
  twoFactorConfirmSchema,
  twoFactorProofSchema,
  visitorPageSchema,
  visitorSessionSchema,
  voteInputSchema,
  webhookEndpointInputSchema,
  webhookEndpointPatchSchema,
  webhookTestSchema,
} from '@parley/protocol/schemas';
import { auditQuerySchema } from '../audit/query.js';
import { identifySchema } from '../contacts/identity.js';
import { departmentInputSchema, departmentOrderSchema, departmentPatchSchema } from '../departments/validation.js';
import { previewQuerySchema, retentionPatchSchema } from '../retention/settings.js';
import { sitePatchSchema } from '../sites/validation.js';
import { businessCalendarSchema } from '../sla/calendar.js';
import { departmentTargetsSchema, slaSettingsSchema } from '../sla/policy.js';

export interface RouteDoc {
  summary: string;
  /** The JSON body, validated with this schema. */
  body?: ZodType;
  /** The query string, validated with this schema. */
  query?: ZodType;
  /** Also accepts multipart/form-data: the JSON in a `payload` field and files in `files`. */
  files?: boolean;
  /** Answers with something other than JSON (CSV, a ZIP, an event stream, a file). */
  produces?: string;
}

export const ROUTE_DOCS: Readonly<Record<string, RouteDoc>> = {
  // ---------- operations ----------
  'GET /health': { summary: 'Liveness and readiness in one answer' },
  'GET /health/live': { summary: 'The process is up' },
  'GET /health/ready': { summary: 'The database answers and the process takes traffic' },
  'GET /metrics': { summary: 'Prometheus metrics (needs the metrics token as a Bearer token)', produces: 'text/plain' },

  // ---------- sign-in and one's own account ----------
  'POST /api/auth/login': { summary: 'Sign in with email and password; answers a session or a two-factor challenge', body: loginSchema },
  'POST /api/auth/login/verify': { summary: 'Second step of a two-factor sign-in: the challenge and a code', body: loginVerifySchema },
  'POST /api/auth/logout': { summary: 'End this session' },
  'GET /api/auth/me': { summary: 'The signed-in person' },
  'GET /api/auth/account': { summary: 'Own account: two-factor state and the site policy' },
  'POST /api/auth/two-factor/start': { summary: 'Start two-factor enrolment: a secret and its QR code' },
  'POST /api/auth/two-factor/confirm': { summary: 'Confirm enrolment with a first code; answers ten recovery codes', body: twoFactorConfirmSchema },
  'POST /api/auth/two-factor/disable': { summary: 'Turn two-factor off (a current code or recovery code)', body: twoFactorProofSchema },
  'POST /api/auth/two-factor/recovery-codes': { summary: 'Replace the recovery codes (a current code)', body: twoFactorProofSchema },
  'POST /api/auth/password': { summary: 'Change own password; other sessions end', body: changePasswordSchema },
  'GET /api/auth/sessions': { summary: 'Own sessions' },
  'POST /api/auth/sessions/end-others': { summary: 'End every other session' },
  'DELETE /api/auth/sessions/{id}': { summary: 'End one session' },
  'GET /api/auth/policy': { summary: 'Site sign-in policy (two-factor for everyone)' },
  'PUT /api/auth/policy': { summary: 'Change the sign-in policy', body: signInPolicySchema },
  'GET /api/auth/invitation': { summary: 'Check an invitation token (`?token=`)' },
  'POST /api/auth/invitation/accept': { summary: 'Set a password with an invitation token', body: invitationAcceptSchema },

  // ---------- people, departments, sites ----------
  'GET /api/console/people': { summary: 'Everyone who works in the console, with role, departments and state' },
  'POST /api/console/people': { summary: 'Invite a person by email', body: personInviteSchema },
  'PATCH /api/console/people/{id}': { summary: 'Change role, departments or capacity', body: personPatchSchema },
  'POST /api/console/people/{id}/deactivate': { summary: 'Deactivate: sockets dropped, chats requeued, tickets unassigned' },
  'POST /api/console/people/{id}/reactivate': { summary: 'Reactivate a deactivated person' },
  'POST /api/console/people/{id}/invitation': { summary: 'Send a new invitation link (the old one stops working)' },
  'GET /api/console/departments': { summary: 'Departments in routing order' },
  'POST /api/console/departments': { summary: 'Create a department', body: departmentInputSchema },
  'PUT /api/console/departments/order': { summary: 'Reorder the departments', body: departmentOrderSchema },
  'PATCH /api/console/departments/{id}': { summary: 'Rename a department or change its routing', body: departmentPatchSchema },
  'DELETE /api/console/departments/{id}': { summary: 'Delete a department with nothing open' },
  'GET /api/console/sites': { summary: 'Sites' },
  'GET /api/console/sites/{id}': { summary: 'One site: origins, widget, JWKS URL' },
  'PATCH /api/console/sites/{id}': { summary: 'Change a site', body: sitePatchSchema },
  'POST /api/console/sites/{id}/secret': { summary: 'Rotate the identity secret (shown once; the old one works 24 h more)' },
  'GET /api/sites/{siteKey}': { summary: 'Public site configuration for the widget' },
  'GET /api/sites/{siteKey}/widget': { summary: 'Launcher colour, position and greetings, for parley.js' },

  // ---------- visitors and contacts ----------
  'POST /api/visitor/session': { summary: 'A new anonymous visitor session', body: visitorSessionSchema },
  'POST /api/visitor/page': { summary: "A single-page app's new page (parley.js): the visitor's open conversation shows it to its agent", body: visitorPageSchema },
  'POST /api/visitor/identify': { summary: 'Join the visitor to a contact with a userHash or a signed JWT', body: identifySchema },
  'GET /api/console/contacts': { summary: 'Find contacts by name, email or user id (`?q=`)' },
  'GET /api/console/contacts/{id}': { summary: "A contact's profile, conversations, tickets and survey answers you may see" },
  'GET /api/console/contacts/{id}/export': { summary: 'Everything held about a contact, as JSON' },
  'POST /api/console/contacts/{id}/erase': { summary: 'Erase a contact (the user id repeated as confirmation)' },

  // ---------- help center ----------
  'GET /api/kb/{siteKey}/categories': { summary: 'Published help-center categories' },
  'GET /api/kb/{siteKey}/articles': { summary: 'Published articles, by category or popularity' },
  'GET /api/kb/{siteKey}/articles/{id}': { summary: 'One published article, rendered' },
  'GET /api/kb/{siteKey}/search': { summary: 'Search the help center (`?q=`, any of the three languages)' },
  'POST /api/kb/{siteKey}/articles/{id}/votes': { summary: 'Was this article helpful', body: voteInputSchema },
  'GET /api/console/kb/categories': { summary: 'Categories, drafts included' },
  'POST /api/console/kb/categories': { summary: 'Create a category', body: categoryInputSchema },
  'PATCH /api/console/kb/categories/{id}': { summary: 'Change a category', body: categoryPatchSchema },
  'DELETE /api/console/kb/categories/{id}': { summary: 'Delete an empty category' },
  'GET /api/console/kb/articles': { summary: 'Articles, drafts included' },
  'POST /api/console/kb/articles': { summary: 'Create an article', body: articleInputSchema },
  'GET /api/console/kb/articles/{id}': { summary: 'One article with every language version' },
  'PATCH /api/console/kb/articles/{id}': { summary: 'Edit or publish an article', body: articlePatchSchema },
  'DELETE /api/console/kb/articles/{id}': { summary: 'Delete an article' },
  'GET /api/console/kb/articles/{id}/comments': { summary: 'Readers’ comments on an article' },
  'POST /api/console/kb/preview': { summary: 'Render markdown as the help center would', body: previewSchema },
  'GET /api/console/kb/export': { summary: 'The whole help center as a ZIP', produces: 'application/zip' },
  'POST /api/console/kb/import': { summary: 'Import a help-center ZIP', produces: 'application/json' },
  'GET /api/console/kb/gaps': { summary: 'Questions the bot could not answer' },
  'POST /api/console/kb/gaps/{key}/resolve': { summary: 'Mark a gap answered by an article', body: resolveGapSchema },

  // ---------- tickets ----------
  'GET /api/tickets/sites/{siteKey}/categories': { summary: 'Ticket categories a customer (or employee, `?for=employee`) may use' },
  'POST /api/tickets/sites/{siteKey}': { summary: 'Open a ticket; answers its number, promise and private link', body: ticketInputSchema, files: true },
  'GET /api/tickets/link/{token}': { summary: 'A ticket by its private link' },
  'POST /api/tickets/link/{token}/replies': { summary: 'The customer answers through the private link', body: customerReplySchema, files: true },
  'POST /api/tickets/link/{token}/resolve': { summary: 'The customer marks the ticket solved' },
  'GET /api/tickets/link/{token}/files/{fileId}': { summary: 'A file of the ticket', produces: 'application/octet-stream' },
  'POST /api/mail/inbound': { summary: 'An inbound email (raw MIME) for a ticket thread; needs the inbound token', produces: 'application/json' },
  'GET /api/console/tickets': { summary: 'Ticket inbox by view (mine, unassigned, breached …) and search' },
  'GET /api/console/tickets/categories': { summary: 'Ticket categories with targets' },
  'POST /api/console/tickets/categories': { summary: 'Create a ticket category', body: ticketCategoryInputSchema },
  'PUT /api/console/tickets/categories/{id}': { summary: 'Change a ticket category', body: ticketCategoryInputSchema },
  'DELETE /api/console/tickets/categories/{id}': { summary: 'Delete a ticket category' },
  'POST /api/console/tickets/from-chat': { summary: 'Open a ticket from a chat', body: ticketFromChatSchema },
  'GET /api/console/tickets/canned': { summary: 'Saved replies' },
  'POST /api/console/tickets/canned': { summary: 'Create a saved reply', body: cannedReplyInputSchema },
  'PUT /api/console/tickets/canned/{id}': { summary: 'Change a saved reply', body: cannedReplyInputSchema },
  'DELETE /api/console/tickets/canned/{id}': { summary: 'Delete a saved reply' },
  'GET /api/console/tickets/settings': { summary: "The site's targets and escalation steps, and every department's calendar and own targets" },
  'PUT /api/console/tickets/settings/sla': { summary: "Change the site's targets and escalation steps", body: slaSettingsSchema },
  'PUT /api/console/tickets/settings/sla/departments/{departmentId}': {
    summary: "Give a department targets of its own (null: follow the site's)",
    body: departmentTargetsSchema.nullable(),
  },
  'PUT /api/console/tickets/calendars/{departmentId}': { summary: "A department's business hours (null: around the clock)", body: businessCalendarSchema.nullable() },
  'GET /api/console/tickets/mail': { summary: 'The outgoing mail log' },
  'GET /api/console/tickets/mail/{id}': { summary: 'One outgoing mail' },
  'GET /api/console/tickets/{id}': { summary: 'A ticket with its thread and history' },
  'POST /api/console/tickets/{id}/replies': { summary: 'Reply to the customer or add an internal note', body: agentReplySchema, files: true },
  'PATCH /api/console/tickets/{id}': { summary: 'Change status, priority, category, department or assignee', body: ticketPatchSchema },
  'POST /api/console/tickets/{id}/links/revoke': { summary: "Revoke the ticket's private links; `resend` mails the customer a new one", body: revokeLinksSchema },
  'GET /api/console/tickets/{id}/files/{fileId}': { summary: 'A file of the ticket', produces: 'application/octet-stream' },

  // ---------- surveys ----------
  'GET /api/surveys/invitations/{token}': { summary: 'A survey invitation (CSAT after a chat or ticket)' },
  'POST /api/surveys/invitations/{token}/answer': { summary: 'Answer a survey invitation', body: surveyAnswerSchema },
  'POST /api/surveys/sites/{siteKey}/nps': { summary: 'Ask or answer the NPS question for this visitor', body: npsRequestSchema },
  'GET /api/console/surveys/responses': { summary: 'Survey answers in a period' },
  'GET /api/console/surveys/settings': { summary: 'Survey settings' },
  'PUT /api/console/surveys/settings': { summary: 'Change the survey settings', body: surveySettingsPatchSchema },
  'GET /api/surveys/employee/{siteKey}': { summary: "Open employee surveys for the token's employee" },
  'GET /api/surveys/employee/{siteKey}/{id}': { summary: 'One employee survey' },
  'POST /api/surveys/employee/{siteKey}/{id}/answers': { summary: 'Answer an employee survey (anonymous where the survey says so)', body: employeeAnswerSchema },
  'GET /api/console/employee-surveys': { summary: 'Employee surveys' },
  'POST /api/console/employee-surveys': { summary: 'Create an employee survey', body: employeeSurveyInputSchema },
  'GET /api/console/employee-surveys/{id}': { summary: 'One employee survey' },
  'PUT /api/console/employee-surveys/{id}': { summary: 'Change a draft employee survey', body: employeeSurveyInputSchema },
  'DELETE /api/console/employee-surveys/{id}': { summary: 'Delete a draft employee survey' },
  'POST /api/console/employee-surveys/{id}/open': { summary: 'Open an employee survey', body: employeeSurveyOpenSchema },
  'POST /api/console/employee-surveys/{id}/close': { summary: 'Close an employee survey' },
  'GET /api/console/employee-surveys/{id}/results': { summary: 'Results (small groups pooled)' },
  'GET /api/console/employee-surveys/{id}/results.csv': { summary: 'Results as CSV', produces: 'text/csv' },

  // ---------- announcements (intranet) ----------
  'GET /api/employee/stream': { summary: "The employee's announcements, live (Server-Sent Events)", produces: 'text/event-stream' },
  'POST /api/employee/receipts': { summary: 'Seen and acknowledged receipts', body: employeeReceiptInputSchema },
  'GET /api/console/announcements': { summary: 'Announcements' },
  'POST /api/console/announcements': { summary: 'Create an announcement', body: announcementInputSchema },
  'POST /api/console/announcements/preview': { summary: 'Render an announcement body', body: announcementInputSchema },
  'GET /api/console/announcements/{id}': { summary: 'One announcement' },
  'PUT /api/console/announcements/{id}': { summary: 'Edit an announcement', body: announcementInputSchema },
  'DELETE /api/console/announcements/{id}': { summary: 'Delete a draft announcement' },
  'POST /api/console/announcements/{id}/publish': { summary: 'Publish now or at its start time' },
  'POST /api/console/announcements/{id}/withdraw': { summary: 'Withdraw an announcement' },
  'GET /api/console/announcements/{id}/preview': { summary: 'What an employee of a department would see (`?departmentId=`)' },
  'GET /api/console/announcements/{id}/receipts': { summary: 'Seen and acknowledged, by department and person' },
  'POST /api/console/announcements/{id}/remind': { summary: 'Push it again to those who have not acknowledged', body: announcementRemindSchema },
  'GET /api/console/announcements/{id}/receipts.csv': { summary: 'Receipts as CSV, for audit', produces: 'text/csv' },

  // ---------- reports, webhooks, audit, retention ----------
  'GET /api/console/reports': { summary: 'A report (volume, response times, CSAT, NPS …) for a period', query: reportRequestSchema },
  'GET /api/console/reports/monthly': { summary: 'Stored monthly reports' },
  'GET /api/console/reports/monthly/{id}': { summary: 'One monthly report (`?format=json|csv|html`)' },
  'GET /api/console/webhooks': { summary: 'Webhook endpoints' },
  'POST /api/console/webhooks': { summary: 'Add a webhook endpoint (plain, DingTalk, WeCom or Feishu)', body: webhookEndpointInputSchema },
  'GET /api/console/webhooks/deliveries': { summary: 'The delivery log' },
  'GET /api/console/webhooks/deliveries/{id}': { summary: 'One delivery with its tries' },
  'POST /api/console/webhooks/deliveries/{id}/resend': { summary: 'Send a delivery again' },
  'GET /api/console/webhooks/{id}': { summary: 'One webhook endpoint' },
  'PATCH /api/console/webhooks/{id}': { summary: 'Change a webhook endpoint', body: webhookEndpointPatchSchema },
  'DELETE /api/console/webhooks/{id}': { summary: 'Remove a webhook endpoint' },
  'POST /api/console/webhooks/{id}/test': { summary: 'Send a test event', body: webhookTestSchema },
  'GET /api/console/audit': { summary: 'The audit log, filtered (`?format=csv` exports)', query: auditQuerySchema },
  'GET /api/console/retention': { summary: 'Retention settings' },
  'GET /api/console/retention/preview': { summary: 'How much the retention job would delete now (dry run)', query: previewQuerySchema },
  'PUT /api/console/retention': { summary: 'Change the retention settings', body: retentionPatchSchema },

  // ---------- demo ----------
  'GET /api/demo/employee-token': { summary: 'Demo intranet only: a signed token for a demo employee' },

  // ---------- API tokens ----------
  'GET /api/console/api-tokens': { summary: 'Scoped API tokens (never their secrets)' },
  'POST /api/console/api-tokens': { summary: 'Create a scoped API token; the secret is answered this once', body: apiTokenInputSchema },
  'DELETE /api/console/api-tokens/{id}': { summary: 'Revoke an API token' },

  // ---------- this description ----------
  'GET /api/openapi.json': { summary: 'This API described as OpenAPI 3.1', produces: 'application/json' },
  'GET /api/docs': { summary: 'This API described as a page to read', produces: 'text/html' },
};
