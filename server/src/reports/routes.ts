/**
 * The console's report API, at /api/console/reports (Bearer agent token; `?site=` for people on
 * several sites). Supervisors get their departments' figures (the filter is in every query's WHERE),
 * admins everything, agents nothing (403). The monthly reports cover a whole site: admins only.
 *
 *   GET /                 ReportResponse; `format=csv&section=<s>[&table=<t>]` the section's tables (or one) as CSV
 *   GET /monthly          MonthlyReportSummary[]
 *   GET /monthly/:id      MonthlyReport; `format=csv` or `format=html` (printable page)
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { reportFileParamsSchema, reportRequestSchema } from '@parley/protocol/schemas';
import type { Locale, ReportComment, ReportSection, ReportSectionName } from '@parley/protocol';
import { eq, inArray } from 'drizzle-orm';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { agents, departments, sites } from '../db/schema.js';
import { kbScope, requireUuid } from '../kb/access.js';
import { AppError } from '../lib/errors.js';
import { parseInput, type AgentVars } from '../lib/http.js';
import { staffOf } from '../tickets/access.js';
import { monthlyCsv, sectionCsv } from './csv.js';
import { getMonthlyReport, listMonthlyReports } from './monthly.js';
import { monthlyPage } from './monthly-page.js';
import type { ReportScope } from './query.js';
import { buildReport } from './service.js';

type C = Context<{ Variables: AgentVars }>;
const FILE_KEYS = new Set(['format', 'section', 'table', 'locale']);

function csvResponse(c: C, body: string, filename: string): Response {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  // ASCII name plus RFC 5987 UTF-8 name; ours are ASCII already, the second form is for future names.
  c.header('Content-Disposition', `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  c.header('Cache-Control', 'no-store');
  return c.body(body);
}

export function reportRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET'], exposeHeaders: ['Content-Disposition'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));

  /** Who is asking, on which site, and what they may see. */
  const scopeOf = async (c: C, adminOnly = false): Promise<ReportScope> => {
    const site = await kbScope(ctx, c.get('agentId'), c.req.query('site'));
    const staff = await staffOf(ctx, c.get('agentId'));
    if (staff.role === 'agent' || (adminOnly && staff.role !== 'admin')) {
      throw new AppError('forbidden', adminOnly ? 'only an admin may read the monthly reports' : 'only a supervisor or an admin may read reports');
    }
    return { siteId: site.siteId, departmentIds: staff.role === 'admin' ? null : staff.departmentIds };
  };

  const splitQuery = (c: C) => {
    const report: Record<string, string> = {};
    const file: Record<string, string> = {};
    for (const [k, v] of Object.entries(c.req.query())) {
      if (k === 'site') continue;
      (FILE_KEYS.has(k) ? file : report)[k] = v;
    }
    return { report, file: parseInput(reportFileParamsSchema, file) };
  };

  app.get('/', async (c) => {
    const scope = await scopeOf(c);
    const { report: raw, file } = splitQuery(c);
    const request = parseInput(reportRequestSchema, raw);
    const locale: Locale = file.locale ?? 'en';
    if (file.format !== 'csv') return c.json(await buildReport(ctx, scope, request, { locale }));

    if (!file.section) throw new AppError('invalid', 'section is required with format=csv');
    const table = file.table ?? 'all';
    if (table === 'comments' && file.section !== 'satisfaction') throw new AppError('invalid', 'table=comments is only for section=satisfaction');
    const section: ReportSectionName = file.section;
    const report = await buildReport(ctx, scope, { ...request, sections: [section], compare: request.compare ?? (table === 'summary' || table === 'all') }, { locale });
    const data = report.sections[section]! as ReportSection<string> & { comments?: ReportComment[] };
    const names = await namesFor(ctx, data, locale);
    const filename = `parley-${section}-${table}-${report.request.from}_${report.request.to}.csv`;
    return csvResponse(c, sectionCsv(data, table, locale, names), filename);
  });

  app.get('/monthly', async (c) => {
    const scope = await scopeOf(c, true);
    return c.json({ reports: await listMonthlyReports(ctx.db, scope.siteId) });
  });

  app.get('/monthly/:id', async (c) => {
    const scope = await scopeOf(c, true);
    const id = requireUuid(c.req.param('id'), 'id');
    const q = parseInput(
      z.object({ format: z.enum(['json', 'csv', 'html'], 'format must be json, csv or html').optional(), locale: reportFileParamsSchema.shape.locale }).strict(),
      Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => k !== 'site')),
    );
    const report = await getMonthlyReport(ctx.db, scope.siteId, id);
    const locale: Locale = q.locale ?? 'en';
    if (q.format === 'csv') return csvResponse(c, monthlyCsv(report, locale), `parley-monthly-${report.month}.csv`);
    if (q.format === 'html') {
      const [site] = await ctx.db.select({ name: sites.name }).from(sites).where(eq(sites.id, scope.siteId));
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      c.header('Cache-Control', 'no-store');
      return c.html(monthlyPage(report, locale, site?.name ?? 'Parley'));
    }
    return c.json({ report });
  });

  return app;
}

/** Department and agent names for the comment table (its rows carry ids). */
async function namesFor(ctx: AppContext, data: { comments?: Array<{ departmentId: string | null; agentId: string | null }> }, locale: Locale) {
  const deptIds = [...new Set((data.comments ?? []).map((r) => r.departmentId).filter((x): x is string => !!x))];
  const agentIds = [...new Set((data.comments ?? []).map((r) => r.agentId).filter((x): x is string => !!x))];
  const depts = new Map(
    deptIds.length ? (await ctx.db.select({ id: departments.id, names: departments.names }).from(departments).where(inArray(departments.id, deptIds))).map((d) => [d.id, d.names[locale] ?? d.names.en ?? d.id]) : [],
  );
  const people = new Map(agentIds.length ? (await ctx.db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, agentIds))).map((a) => [a.id, a.name]) : []);
  return {
    department: (id: string | null) => (id ? (depts.get(id) ?? id) : ''),
    agent: (id: string | null) => (id ? (people.get(id) ?? id) : ''),
  };
}
