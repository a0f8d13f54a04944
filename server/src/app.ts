import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { NAMESPACES } from '@parley/protocol';
import { authRoutes } from './auth/routes.js';
import { accessGuard, installAgentEventRules } from './agents/access.js';
import { invitationPageRoutes } from './agents/invitation-page.js';
import { invitationRoutes, peopleRoutes } from './agents/routes.js';
import type { Config } from './config.js';
import type { AgentNamespace, AppContext, VisitorNamespace } from './context.js';
import { resetPresenceOnStart } from './conversations/presence.js';
import { registerAgentNamespace, registerVisitorNamespace } from './conversations/socket.js';
import { createMessageWriter } from './conversations/writer.js';
import { startCluster } from './cluster/index.js';
import type { Cluster } from './cluster/index.js';
import type { Database } from './db/client.js';
import { healthRoutes } from './health/routes.js';
import { openApiRoutes } from './openapi/routes.js';
import { apiTokenRoutes } from './api-tokens/routes.js';
import { PARLEY_VERSION } from './paths.js';
import { KB_BODY_LIMITS } from './kb/body-limits.js';
import { kbConsoleRoutes } from './kb/console-routes.js';
import { createKbIndexCache } from './kb/index-cache.js';
import { createTicketIndexCache } from './tickets/search-index.js';
import { kbRoutes } from './kb/routes.js';
import { createLimiters } from './limits/limiters.js';
import { installSocketLimits } from './limits/socket.js';
import { createMetrics } from './metrics/registry.js';
import { metricsRoutes } from './metrics/routes.js';
import { sharingEncoderOf, sharingParser } from './lib/wire.js';
import { AppError, toProtocolError } from './lib/errors.js';
import { demoIdentityRoutes } from './identity/demo-routes.js';
import { JobRunner } from './jobs/runner.js';
import { MAIL_SEND_JOB, mailSendHandler } from './mail/service.js';
import { createMailTransport } from './mail/transport.js';
import { inboundMailRoutes } from './tickets/inbound-routes.js';
import { TICKET_BODY_LIMITS } from './tickets/body.js';
import { ticketConsoleRoutes } from './tickets/console-routes.js';
import { ticketRoutes } from './tickets/routes.js';
import { registerSlaJobs } from './tickets/sla-jobs.js';
import { ANNOUNCEMENT_BODY_LIMITS, announcementConsoleRoutes } from './announcements/console-routes.js';
import { registerAnnouncementJobs } from './announcements/service.js';
import { employeeRoutes } from './announcements/employee-routes.js';
import { ensureMonthlyReportPlan, registerReportJobs } from './reports/monthly.js';
import { reportRoutes } from './reports/routes.js';
import { auditRoutes } from './audit/routes.js';
import { ensureRetentionPlan, registerRetentionJobs } from './retention/jobs.js';
import { retentionRoutes } from './retention/routes.js';
import { jsonError } from './lib/http.js';
import { siteRoutes } from './sites/routes.js';
import { siteConsoleRoutes } from './sites/console-routes.js';
import { departmentConsoleRoutes } from './departments/routes.js';
import { surveyConsoleRoutes } from './surveys/console-routes.js';
import { surveyRoutes } from './surveys/routes.js';
import { EMPLOYEE_SURVEY_BODY_LIMITS, employeeSurveyConsoleRoutes } from './surveys/employee/console-routes.js';
import { employeeSurveyRoutes } from './surveys/employee/routes.js';
import { visitorRoutes } from './visitors/routes.js';
import { contactConsoleRoutes, contactVisitorRoutes } from './contacts/routes.js';
import { webRoutes } from './web/routes.js';
import { webhookConsoleRoutes } from './webhooks/console-routes.js';
import { webhookDeliverHandler } from './webhooks/deliver.js';
import { createWebhookCache, emitMessageEvents, knownWants, WEBHOOK_DELIVER_JOB } from './webhooks/events.js';

export interface CreateAppOptions {
  db: Database;
  config: Config;
  clock?: () => Date;
  logger?: Logger;
}

export interface ParleyApp {
  app: Hono;
  io: Server;
  httpServer: HttpServer;
  ctx: AppContext;
  /** Attaches the Redis adapter (REDIS_URL), starts the leader-run jobs, resets stale presence, then listens. */
  listen(port?: number): Promise<{ port: number; url: string }>;
  /** Stops jobs and accepting, drops sockets, waits for queued messages to commit. The database stays open: its owner closes it. */
  close(): Promise<void>;
}

/** Socket.IO payload cap: a maximal CJK message is ~12 KB of UTF-8; anything far above is abuse. */
const MAX_SOCKET_PAYLOAD = 100_000;

export function createApp(opts: CreateAppOptions): ParleyApp {
  const { config } = opts;
  const logger = opts.logger ?? pino({ level: config.logLevel });
  const app = new Hono();
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  // CORS for the polling transport only; which origins may talk to a site is checked per site at the handshake.
  // The parser's encoder turns a fanned-out message into JSON once for all its packets (lib/wire.ts).
  const io = new Server(httpServer, { cors: { origin: true }, maxHttpBufferSize: MAX_SOCKET_PAYLOAD, serveClient: false, parser: sharingParser });

  const metrics = createMetrics();
  const ctx: AppContext = {
    db: opts.db.db,
    database: opts.db,
    config,
    clock: opts.clock ?? (() => new Date()),
    logger,
    io,
    wire: sharingEncoderOf(io),
    visitors: io.of(NAMESPACES.visitor) as unknown as VisitorNamespace,
    agents: io.of(NAMESPACES.agent) as unknown as AgentNamespace,
    limits: createLimiters({ config, logger, onLimited: (name) => metrics.rateLimited.inc({ limit: name }) }),
    metrics,
    writer: createMessageWriter({
      db: opts.db.db,
      line: opts.db.transactionLine(),
      clock: () => ctx.clock(),
      inBatch: {
        // A site known to want no message events (the usual case) lets COMMIT ride behind the insert.
        mayWrite: (siteIds) => siteIds.some((id) => knownWants(ctx, id, 'message.created') !== false),
        run: (tx, written) => emitMessageEvents(tx, ctx, written),
      },
    }),
    jobs: new JobRunner({ db: opts.db.db, clock: () => ctx.clock(), logger }),
    state: { lastAutoAssigned: new Map(), loginFailures: new Map(), routing: Promise.resolve(), distWarned: false, closing: false, kbIndexes: createKbIndexCache(), ticketIndexes: createTicketIndexCache(), webhooks: createWebhookCache() },
  };

  metrics.attach(ctx);
  registerSlaJobs(ctx);
  registerReportJobs(ctx);
  registerAnnouncementJobs(ctx);
  registerRetentionJobs(ctx);
  // With SMTP_URL mail is delivered by a job; without, it stays in the outbox for the console's email log.
  const mailTransport = config.smtpUrl ? createMailTransport(config.smtpUrl) : null;
  // Lease: the POST's 10 s deadline with room to spare, so no second runner takes a delivery mid-call.
  ctx.jobs.registerExternal(WEBHOOK_DELIVER_JOB, webhookDeliverHandler(ctx), { leaseMs: 60_000 });
  if (mailTransport) ctx.jobs.registerExternal(MAIL_SEND_JOB, mailSendHandler({ transport: mailTransport, from: config.mailFrom }), { leaseMs: 120_000 });

  app.onError((err, c) => {
    if (err instanceof AppError) return jsonError(c, err);
    const { error } = toProtocolError(err);
    logger.error({ err, path: c.req.path }, 'request failed');
    return jsonError(c, new AppError(error.code, error.message));
  });
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    logger.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - t0) }, 'http');
  });
  // 64 KiB for every API route but the few that take more (knowledge-base articles and import): the first prefix that matches decides.
  const bodyLimits = [...KB_BODY_LIMITS, ...TICKET_BODY_LIMITS, ...EMPLOYEE_SURVEY_BODY_LIMITS, ...ANNOUNCEMENT_BODY_LIMITS, { prefix: '/api/', maxSize: 64 * 1024 }].map(({ prefix, maxSize }) => {
    const size = maxSize >= 1024 * 1024 ? `${maxSize / 1024 / 1024} MiB` : `${maxSize / 1024} KiB`;
    return { prefix, limit: bodyLimit({ maxSize, onError: (c) => jsonError(c, new AppError('too_large', `The request body is larger than the ${size} this API accepts.`)) }) };
  });
  app.use('/api/*', (c, next) => bodyLimits.find((l) => c.req.path.startsWith(l.prefix))!.limit(c, next));
  app.use('/api/*', async (c, next) => {
    metrics.dbInFlight.inc({ source: 'http' });
    try {
      await next();
    } finally {
      metrics.dbInFlight.dec({ source: 'http' });
      if (c.res.status === 503) metrics.dbErrors.inc({ source: 'http' });
    }
  });
  // Who may call what (agents/access-rules.ts), before any route's own code.
  app.use('*', accessGuard(ctx));
  app.route('/health', healthRoutes(ctx, Date.now()));
  app.route('/metrics', metricsRoutes(ctx));
  app.route('/api/auth', authRoutes(ctx));
  app.route('/api/auth/invitation', invitationRoutes(ctx));
  app.route('/api/console/people', peopleRoutes(ctx));
  app.route('/invite', invitationPageRoutes(ctx));
  app.route('/api/sites', siteRoutes(ctx));
  app.route('/api/visitor', visitorRoutes(ctx));
  app.route('/api/visitor', contactVisitorRoutes(ctx));
  app.route('/api/kb', kbRoutes(ctx));
  app.route('/api/console/kb', kbConsoleRoutes(ctx));
  app.route('/api/tickets', ticketRoutes(ctx));
  app.route('/api/console/tickets', ticketConsoleRoutes(ctx));
  app.route('/api/surveys', surveyRoutes(ctx));
  app.route('/api/console/surveys', surveyConsoleRoutes(ctx));
  app.route('/api/console/reports', reportRoutes(ctx));
  app.route('/api/console/webhooks', webhookConsoleRoutes(ctx));
  app.route('/api/surveys/employee', employeeSurveyRoutes(ctx));
  app.route('/api/console/employee-surveys', employeeSurveyConsoleRoutes(ctx));
  app.route('/api/console/announcements', announcementConsoleRoutes(ctx));
  app.route('/api/employee', employeeRoutes(ctx));
  app.route('/api/console/audit', auditRoutes(ctx));
  app.route('/api/console/retention', retentionRoutes(ctx));
  app.route('/api/console/sites', siteConsoleRoutes(ctx));
  app.route('/api/console/departments', departmentConsoleRoutes(ctx));
  app.route('/api/console/contacts', contactConsoleRoutes(ctx));
  app.route('/api/console/api-tokens', apiTokenRoutes(ctx));
  app.route('/api/mail', inboundMailRoutes(ctx));
  app.route('/api/demo', demoIdentityRoutes(ctx));
  app.route('/api', openApiRoutes(ctx, PARLEY_VERSION));
  app.route('/', webRoutes(ctx));
  app.notFound((c) => (c.req.path.startsWith('/api/') ? jsonError(c, new AppError('not_found', 'no such route')) : c.text('Not found', 404)));

  // Limits, then access rules, then handlers: packet middlewares run in that order. Commands report
  // their own metrics (lib/socket.ts), the middlewares their refusals.
  installSocketLimits(ctx);
  installAgentEventRules(ctx);
  registerVisitorNamespace(ctx);
  registerAgentNamespace(ctx);
  // Redis adapter (with REDIS_URL) and the leader's background jobs; started by listen().
  let cluster: Cluster | undefined;
  let closing: Promise<void> | undefined;

  return {
    app,
    io,
    httpServer,
    ctx,
    async listen(port = config.port) {
      cluster = await startCluster(ctx);
      await ensureMonthlyReportPlan(ctx);
      await ensureRetentionPlan(ctx);
      await resetPresenceOnStart(ctx);
      return new Promise((resolveListen, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, config.host, () => {
          httpServer.off('error', reject);
          const actual = (httpServer.address() as AddressInfo).port;
          const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          const url = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
          ctx.state.listeningUrl = url;
          resolveListen({ port: actual, url });
        });
      });
    },
    close() {
      // Idempotent: a test that restarts the app and the owner's cleanup may both close it.
      closing ??= shutDown();
      return closing;
    },
  };

  async function shutDown(): Promise<void> {
    ctx.state.closing = true;
    await cluster?.stopJobs();
    io.disconnectSockets(true);
    await new Promise<void>((done) => {
      // io.close() also closes the http server; idle keep-alive connections would hold it open.
      io.close(() => done());
      httpServer.closeAllConnections?.();
    });
    await ctx.state.routing.catch(() => undefined);
    await ctx.writer.close();
    await cluster?.close();
    await ctx.limits.close();
    await mailTransport?.close();
  }
}
