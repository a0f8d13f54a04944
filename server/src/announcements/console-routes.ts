/**
 * The console's announcements API, at /api/console/announcements (Bearer agent token; `?site=<id>` for
 * people on several sites). Admins: every announcement of the site. Supervisors: announcements for their
 * own departments only (audience `departments`, every one theirs; never everyone or named people).
 * Agents: 403 on every route. One outside someone's reach answers 404.
 *
 *   GET    /                          {announcements: Announcement[]}, newest first (at most 500)
 *   POST   /                          AnnouncementInput -> 201 {announcement} (a draft)
 *   POST   /preview                   AnnouncementInput (unsaved) -> {preview: AnnouncementPreview}; `?locale=&departmentId=`
 *   GET    /:id                       {announcement}
 *   PUT    /:id                       AnnouncementInput -> {announcement}; drafts and scheduled ones (409 `closed` once live)
 *   DELETE /:id                       drafts only -> 204
 *   POST   /:id/publish               -> {announcement}: live at once (pushed to the audience) when `startsAt` is
 *                                     empty or past, otherwise `scheduled` (goes live at `startsAt` by a durable job)
 *   POST   /:id/withdraw              -> {announcement}: taken down everywhere at once; withdrawing twice is fine
 *   GET    /:id/preview               {preview: AnnouncementPreview}: `?locale=` (default en) and `?departmentId=`
 *                                     (what an employee of that department would see, and whether they are in the audience)
 *   GET    /:id/receipts              {receipts: AnnouncementReceipts} (rates, not acknowledged by department, rows)
 *   POST   /:id/remind                {departmentId?} -> {reminded}: pushes it again to the known audience members
 *                                     (of that department) who have not acknowledged it; live ones only
 *   GET    /:id/receipts.csv          every known audience member with their receipt times, CSV, UTF-8 with BOM (for audit)
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { AnnouncementPreview, Locale } from '@parley/protocol';
import { announcementRemindSchema } from '@parley/protocol/schemas';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { kbScope, parseLocale, requireUuid } from '../kb/access.js';
import { AppError } from '../lib/errors.js';
import { parseInput, type AgentVars } from '../lib/http.js';
import { staffOf } from '../tickets/access.js';
import { inAudience } from './audience.js';
import { previewView, type AnnouncementRow } from './push.js';
import { receiptsCsv, receiptsOf, remind } from './receipts.js';
import {
  announcementFor,
  authorNameOf,
  columnsOf,
  createAnnouncement,
  deleteDraft,
  listAnnouncements,
  publishAnnouncement,
  requireManager,
  updateAnnouncement,
  view,
  withdrawAnnouncement,
} from './service.js';

type C = Context<{ Variables: AgentVars }>;

/** Three language versions of up to 20,000 characters (CJK: 3 bytes each) and up to 5,000 named people. */
export const ANNOUNCEMENT_BODY_LIMITS: ReadonlyArray<{ prefix: string; maxSize: number }> = [{ prefix: '/api/console/announcements', maxSize: 2 * 1024 * 1024 }];

async function body(c: C): Promise<unknown> {
  return c.req.json().catch(() => {
    throw new AppError('invalid', 'the request body must be JSON');
  });
}

/** What an employee of `departmentId` (or anyone, without one) would get, in `locale`. */
function preview(row: AnnouncementRow, locale: Locale, departmentId: string | undefined, authorName: string | null): AnnouncementPreview {
  const member = departmentId ? inAudience(row, '', [departmentId]) : row.audienceKind === 'everyone';
  return { inAudience: member, announcement: previewView(row, locale, authorName) };
}

export function announcementConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const who = async (c: C) => {
    const scope = await kbScope(ctx, c.get('agentId'), c.req.query('site'));
    const staff = await staffOf(ctx, c.get('agentId'));
    requireManager(staff);
    return { siteId: scope.siteId, staff };
  };
  const idOf = (c: C) => requireUuid(c.req.param('id'), 'id');
  const previewArgs = (c: C) => {
    const dept = c.req.query('departmentId');
    return { locale: parseLocale(c.req.query('locale'), 'en'), departmentId: dept ? requireUuid(dept, 'departmentId') : undefined };
  };

  app.get('/', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ announcements: await listAnnouncements(ctx, staff, siteId) });
  });

  app.post('/', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ announcement: await createAnnouncement(ctx, staff, siteId, await body(c)) }, 201);
  });

  app.post('/preview', async (c) => {
    const { siteId, staff } = await who(c);
    const cols = await columnsOf(ctx, staff, siteId, await body(c));
    const now = ctx.clock();
    const draft: AnnouncementRow = { ...cols, id: '00000000-0000-0000-0000-000000000000', siteId, state: 'draft', publishedAt: null, wentLiveAt: null, withdrawnAt: null, createdBy: staff.id, createdAt: now, updatedAt: now };
    const { locale, departmentId } = previewArgs(c);
    return c.json({ preview: preview(draft, locale, departmentId, staff.name) });
  });

  app.get('/:id', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ announcement: await view(ctx, await announcementFor(ctx, staff, siteId, idOf(c))) });
  });

  app.put('/:id', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ announcement: await updateAnnouncement(ctx, staff, siteId, idOf(c), await body(c)) });
  });

  app.delete('/:id', async (c) => {
    const { siteId, staff } = await who(c);
    await deleteDraft(ctx, staff, siteId, idOf(c));
    return c.body(null, 204);
  });

  app.post('/:id/publish', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ announcement: await publishAnnouncement(ctx, staff, siteId, idOf(c)) });
  });

  app.post('/:id/withdraw', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ announcement: await withdrawAnnouncement(ctx, staff, siteId, idOf(c)) });
  });

  app.get('/:id/preview', async (c) => {
    const { siteId, staff } = await who(c);
    const row = await announcementFor(ctx, staff, siteId, idOf(c));
    const { locale, departmentId } = previewArgs(c);
    return c.json({ preview: preview(row, locale, departmentId, await authorNameOf(ctx.db, row)) });
  });

  app.get('/:id/receipts', async (c) => {
    const { siteId, staff } = await who(c);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ receipts: await receiptsOf(ctx, await announcementFor(ctx, staff, siteId, idOf(c))) });
  });

  app.post('/:id/remind', async (c) => {
    const { siteId, staff } = await who(c);
    const row = await announcementFor(ctx, staff, siteId, idOf(c));
    // The body is optional: none means everyone not yet acknowledged.
    const text = await c.req.text();
    let raw: unknown = {};
    if (text.trim()) {
      try {
        raw = JSON.parse(text);
      } catch {
        throw new AppError('invalid', 'the request body must be JSON');
      }
    }
    const input = parseInput(announcementRemindSchema, raw);
    return c.json(await remind(ctx, row, input.departmentId));
  });

  app.get('/:id/receipts.csv', async (c) => {
    const { siteId, staff } = await who(c);
    const row = await announcementFor(ctx, staff, siteId, idOf(c));
    const csv = await receiptsCsv(ctx, row);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="announcement-${row.id}-receipts.csv"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(csv);
  });

  return app;
}
