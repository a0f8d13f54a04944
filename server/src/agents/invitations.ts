/**
 * Inviting a person: a row in `invited` state with an unusable password, and a mail (through the
 * outbox, so it is sent exactly when the invitation commits) with a set-password link. The link's
 * token is random, kept only as SHA-256, expires after PEOPLE_LIMITS.invitationHours and works once.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { PEOPLE_LIMITS } from '@parley/protocol/schemas';
import type { InvitationInfo, Locale, PersonInvite, PersonView } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { hashPassword, randomToken, sha256 } from '../auth/password.js';
import { recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { agentDepartments, agentInvitations, agents, departments, sites } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { queueMail } from '../mail/service.js';
import { publicBase } from '../tickets/notify.js';
import { invitationMail } from './invitation-mail.js';
import type { Actor } from './people.js';
import { checkDepartments, personView } from './people.js';

/** The page that sets the password (./invitation-page.ts). The token is in the path like the ticket pages' /t/<token>. */
export const invitationUrl = (ctx: AppContext, token: string) => `${publicBase(ctx)}/invite/${token}`;

/** Outbox rows belong to a site: the site of their first department, else the oldest site. */
async function mailSite(tx: Tx, departmentIds: string[]): Promise<{ id: string; name: string }> {
  const [viaDept] = departmentIds.length
    ? await tx.select({ id: sites.id, name: sites.name }).from(departments).innerJoin(sites, eq(sites.id, departments.siteId)).where(eq(departments.id, departmentIds[0]!))
    : [];
  if (viaDept) return viaDept;
  const [first] = await tx.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.createdAt)).limit(1);
  if (!first) throw new AppError('invalid', 'create a site before inviting people');
  return first;
}

/** Ends any link still out, writes a new one and mails it. */
async function sendInvitation(ctx: AppContext, tx: Tx, person: { id: string; email: string; name: string }, departmentIds: string[], inviter: string, locale: Locale, now: Date): Promise<void> {
  await tx.update(agentInvitations).set({ expiresAt: now }).where(and(eq(agentInvitations.agentId, person.id), isNull(agentInvitations.usedAt), gt(agentInvitations.expiresAt, now)));
  const token = randomToken();
  await tx.insert(agentInvitations).values({
    agentId: person.id,
    tokenHash: sha256(token),
    invitedBy: inviter,
    expiresAt: new Date(now.getTime() + PEOPLE_LIMITS.invitationHours * 3_600_000),
    createdAt: now,
  });
  const site = await mailSite(tx, departmentIds);
  const [me] = await tx.select({ name: agents.name }).from(agents).where(eq(agents.id, inviter));
  const mail = invitationMail(locale, { siteName: site.name, name: person.name, inviter: me?.name ?? '', link: invitationUrl(ctx, token), hours: PEOPLE_LIMITS.invitationHours });
  await queueMail(tx, { siteId: site.id, template: 'agent.invitation', to: person.email, ...mail }, { delivering: !!ctx.config.smtpUrl, now });
}

export async function invitePerson(ctx: AppContext, actor: Actor, input: PersonInvite): Promise<PersonView> {
  const now = ctx.clock();
  const id = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: agents.id }).from(agents).where(eq(agents.email, input.email));
    if (taken) throw new AppError('invalid', 'someone with this email is already in People');
    const depts = await checkDepartments(tx, input.departmentIds);
    // Nobody knows this password: the account cannot sign in until the link sets one (and the status says invited anyway).
    const [row] = await tx
      .insert(agents)
      .values({ email: input.email, name: input.name, role: input.role, capacity: input.capacity, passwordHash: await hashPassword(randomToken()), status: 'invited', invitedAt: now, createdAt: now })
      .onConflictDoNothing({ target: agents.email })
      .returning({ id: agents.id });
    if (!row) throw new AppError('invalid', 'someone with this email is already in People');
    if (depts.length) await tx.insert(agentDepartments).values(depts.map((departmentId) => ({ agentId: row.id, departmentId })));
    await sendInvitation(ctx, tx, { id: row.id, email: input.email, name: input.name }, depts, actor.id, input.locale ?? 'en', now);
    const after = { email: input.email, name: input.name, role: input.role, departmentIds: depts, capacity: input.capacity, status: 'invited' };
    await recordAudit(tx, { actorId: actor.id, action: 'agent.invited', targetType: 'agent', targetId: row.id, after, ip: actor.ip, at: now });
    return row.id;
  });
  return personView(ctx.db, id);
}

/** A new link for someone still invited (the first expired or got lost); the old one stops working. */
export async function resendInvitation(ctx: AppContext, actor: Actor, id: string, locale: Locale = 'en'): Promise<PersonView> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const [p] = await tx.select().from(agents).where(eq(agents.id, id)).for('update');
    if (!p) throw new AppError('not_found', 'no such person');
    if (p.status !== 'invited') throw new AppError('invalid', 'only someone who has not yet set a password can be sent a new invitation');
    const depts = (await tx.select({ id: agentDepartments.departmentId }).from(agentDepartments).where(eq(agentDepartments.agentId, id))).map((d) => d.id);
    await sendInvitation(ctx, tx, p, depts, actor.id, locale, now);
    await tx.update(agents).set({ invitedAt: now }).where(eq(agents.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'agent.invitation_resent', targetType: 'agent', targetId: id, ip: actor.ip, at: now });
  });
  return personView(ctx.db, id);
}

const INVALID_LINK = 'This invitation link is not valid any more: it was used, replaced or has expired. Ask an admin for a new one.';

async function liveInvitation(db: AppContext['db'] | Tx, token: string, now: Date, lock: boolean) {
  const q = db
    .select({ invitationId: agentInvitations.id, agentId: agents.id, email: agents.email, name: agents.name, status: agents.status })
    .from(agentInvitations)
    .innerJoin(agents, eq(agents.id, agentInvitations.agentId))
    .where(and(eq(agentInvitations.tokenHash, sha256(token)), isNull(agentInvitations.usedAt), gt(agentInvitations.expiresAt, now), eq(agents.status, 'invited')));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', INVALID_LINK);
  return row;
}

export async function checkInvitation(ctx: AppContext, token: string): Promise<InvitationInfo> {
  const row = await liveInvitation(ctx.db, token, ctx.clock(), false);
  return { email: row.email, name: row.name };
}

/** Sets the first password and makes the person active; the token is spent in the same transaction. */
export async function acceptInvitation(ctx: AppContext, input: { token: string; password: string; ip: string | null }): Promise<InvitationInfo> {
  const now = ctx.clock();
  // A wrong token is refused before the (deliberately slow) password hash: guessing costs us nothing.
  await liveInvitation(ctx.db, input.token, now, false);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const row = await liveInvitation(tx, input.token, now, true);
    await tx.update(agentInvitations).set({ usedAt: now }).where(eq(agentInvitations.id, row.invitationId));
    await tx.update(agents).set({ passwordHash, status: 'active' }).where(and(eq(agents.id, row.agentId), sql`${agents.status} = 'invited'`));
    await recordAudit(tx, { actorId: row.agentId, action: 'agent.invitation_accepted', targetType: 'agent', targetId: row.agentId, before: { status: 'invited' }, after: { status: 'active' }, ip: input.ip, at: now });
    return { email: row.email, name: row.name };
  });
}
