/**
 * The demo intranet's stand-in for a company's own sign-in: `GET /api/demo/employee-token?as=finance`
 * signs an employee token for one of six demo employees of the demo site (finance, engineering, hr,
 * support, support2, sales), so /intranet can show the banner, the suggestion box and surveys as any of them, with
 * nothing else running. A real intranet signs these itself (docs/intranet.md). On only with
 * DEMO_INTRANET=on, which `pnpm start` sets: a production server must never hand out identities.
 */
import { asc } from 'drizzle-orm';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import type { Locale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { sites } from '../db/schema.js';
import { AppError } from '../lib/errors.js';

export const DEMO_EMPLOYEES: Record<string, { sub: string; name: string; departments: string[]; locale: Locale }> = {
  finance: { sub: 'demo-emp-wangfang', name: '王芳', departments: ['Finance'], locale: 'zh-CN' },
  engineering: { sub: 'demo-emp-lilei', name: 'Li Lei', departments: ['Engineering'], locale: 'en' },
  hr: { sub: 'demo-emp-chenmei', name: '陳美', departments: ['HR'], locale: 'zh-TW' },
  // The two departments the demo's agents work in, so announcements aimed at Support or Sales have someone to reach.
  support: { sub: 'demo-emp-zhangwei', name: '张伟', departments: ['Support'], locale: 'zh-CN' },
  // A second in Support, so an announcement's receipts can show someone who has not acknowledged yet.
  support2: { sub: 'demo-emp-mariasantos', name: 'Maria Santos', departments: ['Support'], locale: 'en' },
  sales: { sub: 'demo-emp-emilychen', name: 'Emily Chen', departments: ['Sales'], locale: 'en' },
};

export function demoIdentityRoutes(ctx: AppContext) {
  const app = new Hono();
  app.get('/employee-token', async (c) => {
    if (!ctx.config.demoIntranet) throw new AppError('not_found', 'the demo intranet is off (DEMO_INTRANET)');
    const who = c.req.query('as') ?? 'finance';
    const employee = DEMO_EMPLOYEES[who];
    if (!employee) throw new AppError('invalid', `as must be one of ${Object.keys(DEMO_EMPLOYEES).join(', ')}`);
    // The demo site is the first one seeded.
    const [site] = await ctx.db.select({ key: sites.key, secret: sites.secret }).from(sites).orderBy(asc(sites.createdAt)).limit(1);
    if (!site) throw new AppError('not_found', 'no site');
    const { sub, ...claims } = employee;
    const now = Math.floor(ctx.clock().getTime() / 1000);
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt(now).setExpirationTime(now + 3600).sign(new TextEncoder().encode(site.secret));
    c.header('Cache-Control', 'no-store');
    return c.json({ token, siteKey: site.key, employee: { id: sub, ...claims } });
  });
  return app;
}
