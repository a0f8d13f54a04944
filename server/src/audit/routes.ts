/**
 * The audit log's reading side, at /api/console/audit (Bearer agent token). Admins only: an entry's
 * target (a site, a webhook, a person) is often not one department's, so a supervisor's share of the
 * log cannot be told reliably; supervisors and agents get 403.
 *
 *   GET /   AuditPage, newest first; filters actor, action (prefix), targetType, targetId, from, to, q
 *           (text in the action, target, actor or changed values), cursor + limit (keyset pages);
 *           `?site=` narrows to that site's entries and the company-wide ones.
 *           `format=csv[&locale=]`: every matching entry as CSV (Excel-safe: BOM, formulas neutralised).
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { kbScope } from '../kb/access.js';
import { AppError } from '../lib/errors.js';
import { parseInput, type AgentVars } from '../lib/http.js';
import { staffOf } from '../tickets/access.js';
import { auditCsv, auditQuerySchema, listAudit } from './query.js';

/** Throws 403 unless the caller is an admin; shared with the retention routes. */
export async function requireAdmin(ctx: AppContext, agentId: string, what: string): Promise<void> {
  const staff = await staffOf(ctx, agentId);
  if (staff.role !== 'admin') throw new AppError('forbidden', `only an admin may ${what}`);
}

export function auditRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET'], exposeHeaders: ['Content-Disposition'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));

  app.get('/', async (c) => {
    await requireAdmin(ctx, c.get('agentId'), 'read the audit log');
    const { site, ...raw } = c.req.query();
    const q = parseInput(auditQuerySchema, raw);
    const siteId = site ? (await kbScope(ctx, c.get('agentId'), site)).siteId : null;
    if (q.format !== 'csv') return c.json(await listAudit(ctx.db, q, siteId));
    const body = await auditCsv(ctx.db, q, siteId);
    const filename = `parley-audit-${ctx.clock().toISOString().slice(0, 10)}.csv`;
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    c.header('Cache-Control', 'no-store');
    return c.body(body);
  });

  return app;
}
