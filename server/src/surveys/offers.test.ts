/**
 * CSAT offered where the person is (surveys/offers.ts), through a real server: a chat closed over the
 * sockets carries its survey to its own visitor only, and again after a reconnect; a resolved ticket's
 * page carries the same token as the resolution email.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { AgentConversation, CustomerTicket, SurveyAnswer, SurveyInvitation, VisitorConversation } from '@parley/protocol';
import { conversations, mailOutbox, tickets } from '../db/schema.js';
import { api, fixture, staff } from '../kb/test-kit.js';
import { call, closeAllSockets, connect, connectAgent, connectVisitor, nextEvent, unwrap, type Socket } from '../test-clients.js';
import { startTestServer, type TestServer } from '../testing.js';
import { complaint, HOUR, movableClock } from '../tickets/test-kit.js';
import { surveyInvitations } from './schema.js';
import { hashToken, newToken } from './tokens.js';

const DAY = 24 * HOUR;
const clock = movableClock('2026-12-01T09:00:00Z');
const env = fixture(async () => {
  const server = await startTestServer({ clock: clock.now, config: { rateKbVotesPerIp: null, rateTicketsPerIp: null, rateTicketReplies: null } });
  return { server };
});
after(async () => {
  closeAllSockets();
  await (await env()).server.close();
});

const invitation = (server: TestServer, token: string) => api<{ invitation: SurveyInvitation }>(server, `/api/surveys/invitations/${token}`);
const answer = (server: TestServer, token: string, body: unknown) => api<{ answer: SurveyAnswer }>(server, `/api/surveys/invitations/${token}/answer`, { json: body });

/** A visitor who asked for a person, and an agent (Alice) who took the chat. */
async function chatWithAlice(server: TestServer): Promise<{ visitor: Socket; token: string; agent: Socket; conversationId: string }> {
  const { socket: visitor, session } = await connectVisitor(server);
  const started = unwrap(await call<{ conversation: VisitorConversation }>(visitor, 'conversation:start', { locale: 'en' }));
  const conversationId = started.conversation.id;
  unwrap(await call(visitor, 'conversation:handoff', { conversationId, departmentId: server.departments.support.id }));
  const { socket: agent } = await connectAgent(server, server.accounts.alice);
  unwrap(await call(agent, 'conversation:claim', { conversationId }));
  unwrap(await call(agent, 'message:send', { conversationId, clientId: crypto.randomUUID(), body: 'Hello, how can I help?' }));
  return { visitor, token: session.token, agent, conversationId };
}

test('an agent closes a chat: its visitor is offered the rating with the close, and again after a reconnect', async () => {
  const { server } = await env();
  const { visitor, token, agent, conversationId } = await chatWithAlice(server);
  const closedEvent = nextEvent<VisitorConversation>(visitor, 'conversation:updated', (c) => c.id === conversationId && c.status === 'closed');
  const agentView = unwrap(await call<AgentConversation>(agent, 'conversation:close', { conversationId }));
  assert.equal(JSON.stringify(agentView).includes('survey'), false, 'the agent is not handed the token');

  const closed = await closedEvent;
  assert.ok(closed.survey, 'the closed conversation offers the survey');
  assert.match(closed.survey.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(closed.survey.answered, false);
  const shown = (await invitation(server, closed.survey.token)).body.invitation;
  assert.deepEqual([shown.kind, shown.answer], ['csat', null]);
  const [row] = await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.conversationId, conversationId));
  assert.deepEqual([row!.about, row!.agentId, row!.departmentId], ['conversation', server.accounts.alice.id, server.departments.support.id]);

  // A reload: a new socket of the same visitor resumes the closed chat by id, survey included.
  visitor.close();
  const again = await connect(server.url, '/visitor', { siteKey: server.siteKey, token });
  const resumed = unwrap(await call<{ conversation: VisitorConversation }>(again, 'conversation:sync', { conversationId, afterSeq: 0 }));
  assert.equal(resumed.conversation.survey?.token, closed.survey.token, 'the same token: one invitation, one answer');

  // Another visitor cannot read this conversation, so cannot get its token.
  const { socket: stranger } = await connectVisitor(server);
  const refused = await call(stranger, 'conversation:sync', { conversationId, afterSeq: 0 });
  assert.equal(refused.ok, false);

  // Answered: still offered (thanks, change my answer) for the 24 hours the answer can change.
  assert.equal((await answer(server, closed.survey.token, { score: 5, comment: 'Quick and kind' })).status, 201);
  clock.advance(23 * HOUR);
  const later = unwrap(await call<{ conversation: VisitorConversation }>(again, 'conversation:sync', { conversationId, afterSeq: 0 }));
  assert.deepEqual(later.conversation.survey, { token: closed.survey.token, answered: true });
  clock.advance(HOUR);
  const settled = unwrap(await call<{ conversation: VisitorConversation }>(again, 'conversation:sync', { conversationId, afterSeq: 0 }));
  assert.equal(settled.conversation.survey, null, 'final answers are not offered any more');
});

test('the visitor ends the chat: rated if a person took part; a bot-only chat is not; an unanswered survey lapses after 7 days', async () => {
  const { server } = await env();
  const { visitor, conversationId } = await chatWithAlice(server);
  const ended = unwrap(await call<VisitorConversation>(visitor, 'conversation:close', { conversationId }));
  assert.equal(ended.status, 'closed');
  assert.ok(ended.survey, 'the close ack carries the survey');
  const again = unwrap(await call<VisitorConversation>(visitor, 'conversation:close', { conversationId }));
  assert.equal(again.survey?.token, ended.survey.token, 'a repeated close changes nothing');
  assert.equal((await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.conversationId, conversationId))).length, 1);

  const { socket: botOnly } = await connectVisitor(server);
  const started = unwrap(await call<{ conversation: VisitorConversation }>(botOnly, 'conversation:start', { locale: 'en' }));
  const botClosed = unwrap(await call<VisitorConversation>(botOnly, 'conversation:close', { conversationId: started.conversation.id }));
  assert.equal(botClosed.status, 'closed');
  assert.equal(botClosed.survey, null, 'nobody to rate');
  assert.equal((await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.conversationId, started.conversation.id))).length, 0);

  // An invitation whose token was random (made before tokens were signed) cannot be handed out again.
  const [conv] = await server.database.db.select().from(conversations).where(eq(conversations.id, started.conversation.id));
  await server.database.db.insert(surveyInvitations).values({ siteId: conv!.siteId, kind: 'csat', about: 'conversation', conversationId: conv!.id, tokenHash: hashToken(newToken().token), locale: 'en', expiresAt: new Date(clock.now().getTime() + DAY) });
  const unsigned = unwrap(await call<{ conversation: VisitorConversation }>(botOnly, 'conversation:sync', { conversationId: conv!.id, afterSeq: 0 }));
  assert.equal(unsigned.conversation.survey, null);

  clock.advance(7 * DAY);
  const lapsed = unwrap(await call<{ conversation: VisitorConversation }>(visitor, 'conversation:sync', { conversationId, afterSeq: 0 }));
  assert.equal(lapsed.conversation.survey, null);
});

async function ticketOf(server: TestServer, number: string) {
  const [t] = await server.database.db.select().from(tickets).where(eq(tickets.number, number));
  return t!;
}
const page = (server: TestServer, link: string) => api<{ ticket: CustomerTicket }>(server, `/api/tickets/link/${link}`);

test('a ticket resolved by the team: its page offers the same survey as the email, until answered and settled', async () => {
  const { server } = await env();
  const s = await staff(server);
  const created = await complaint(server, { email: 'ivy@example.com' });
  const t = await ticketOf(server, created.number);
  assert.equal((await page(server, created.token)).body.ticket.survey, null, 'nothing to rate while it is open');

  const resolved = await api(server, `/api/console/tickets/${t.id}`, { token: s.admin, method: 'PATCH', json: { status: 'resolved' } });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
  const offered = (await page(server, created.token)).body.ticket;
  assert.equal(offered.status, 'resolved');
  assert.ok(offered.survey);
  const [mail] = await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'ticket.resolved'));
  assert.ok(mail!.text.includes(`/s/${offered.survey.token}`), 'the email links the same invitation');
  assert.equal((await invitation(server, offered.survey.token)).body.invitation.kind, 'csat');

  assert.equal((await answer(server, offered.survey.token, { score: 4 })).status, 201);
  assert.equal((await page(server, created.token)).body.ticket.survey?.token, offered.survey.token, 'the answer can still be changed there');
  clock.advance(DAY);
  assert.equal((await page(server, created.token)).body.ticket.survey, null);
});

test('"this is solved" on the page asks there; a reopened ticket shows no survey; resolving again within the week offers the same one', async () => {
  const { server } = await env();
  const created = await complaint(server, { email: 'noor@example.com' });
  const solved = await api<{ ticket: CustomerTicket }>(server, `/api/tickets/link/${created.token}/resolve`, { method: 'POST' });
  assert.equal(solved.status, 200, JSON.stringify(solved.body));
  const first = solved.body.ticket.survey;
  assert.ok(first, 'asked right after "this is solved"');
  const t = await ticketOf(server, created.number);
  const mails = await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.ticketId, t.id));
  assert.equal(mails.filter((m) => m.template === 'ticket.resolved').length, 0, 'no email: they are on the page');

  const replied = await api<{ ticket: CustomerTicket }>(server, `/api/tickets/link/${created.token}/replies`, { json: { message: 'Actually, it broke again.' } });
  assert.equal(replied.status, 201);
  assert.equal(replied.body.ticket.status, 'in_progress');
  assert.equal(replied.body.ticket.survey, null, 'not while the team is on it again');

  const again = await api<{ ticket: CustomerTicket }>(server, `/api/tickets/link/${created.token}/resolve`, { method: 'POST' });
  assert.equal(again.body.ticket.survey?.token, first.token, 'one open invitation per ticket');
  assert.equal((await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.ticketId, t.id))).length, 1);
  assert.equal((await page(server, 'x'.repeat(43))).status, 404, 'a wrong link shows nothing');
});
