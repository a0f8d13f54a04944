import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { DEMO_DIR } from '../paths.js';
import { demoSiteKey } from '../sites/service.js';

const REPO_DEMO_DIR = DEMO_DIR + sep;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Demo pages run the real widgets under the strict CSP that company sites are told they can use: scripts
 * only from files (no inline script, no eval), no inline styles (the elements style themselves through
 * constructed stylesheets), sockets back to this origin, and Trusted Types enforced: the only policies
 * are Lit's (`lit-html`) and Parley's (`parley`, which serves the help center's HTML sanitiser alone).
 */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types parley lit-html',
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const DEMO_PAGES: Record<string, string> = { '/': 'index.html', '/help': 'help.html', '/console': 'console.html', '/intranet': 'intranet.html' };

/** React 19 and Vue 3 apps using the elements (docs/embedding.md, "Frameworks"). */
export const FRAMEWORK_DEMOS: Record<string, { page: string; csp: string }> = {
  '/demos/react': { page: 'demos/react/index.html', csp: DEMO_CSP },
  '/demos/vue': { page: 'demos/vue/index.html', csp: DEMO_CSP.replace('trusted-types parley lit-html', 'trusted-types parley lit-html vue') },
};

/** The demo page of a customer's ticket, served at `/t/<token>` with `{{TOKEN}}` filled in. */
export const TICKET_PAGE = 'ticket.html';
/** The survey page: `<parley-survey>` for a CSAT or NPS invitation token from an email. */
export const SURVEY_PAGE = 'survey.html';

/** A link token as the server makes them: 32 random bytes, base64url without padding. */
export const TICKET_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What a malformed link gets: fixed text, so nothing from the address reaches the page. */
const LINK_NOT_FOUND_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Link not found — Acme</title>
    <link rel="stylesheet" href="/demo.css" />
  </head>
  <body>
    <main class="wrap help-page">
      <h1>This link does not open a request</h1>
      <p>The address may be incomplete. Open the link from your latest email from us, or copy all of it into the address bar.</p>
      <p lang="zh-CN">此链接无法打开您的请求。地址可能不完整：请打开我们最新邮件中的链接，或将完整地址复制到地址栏。</p>
      <p><a href="/">Acme home</a></p>
    </main>
  </body>
</html>
`;

/** Resolves `rel` inside `base`, or null when it escapes it or is not a file. */
function fileIn(base: string, rel: string): string | null {
  const root = resolve(base);
  const full = resolve(root, '.' + sep + decodeURIComponent(rel).replace(/^\/+/, ''));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

export function webRoutes(ctx: AppContext) {
  const app = new Hono();
  // Read per request: tests (and a rebuild) may point it elsewhere while the server runs.
  const distDir = () => ctx.config.distDir;

  const notBuilt = (c: Context) => {
    if (!ctx.state.distWarned) {
      ctx.state.distWarned = true;
      ctx.logger.warn({ distDir: distDir() }, 'front-end files are missing: run pnpm build');
    }
    return c.text('Parley front-end is not built: run pnpm build', 503);
  };

  const serve = async (c: Context, file: string | null) => {
    if (!file) return existsSync(distDir()) ? c.notFound() : notBuilt(c);
    const body = await readFile(file);
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    c.header('Cache-Control', 'no-cache');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(body);
  };

  // Browsers ask for it on every demo page; a 404 there reads as a broken page in the console.
  const favicon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#2b59c3"/><path d="M8 10h16v10H14l-6 5z" fill="#fff"/></svg>';
  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(favicon, 200, { 'Content-Type': 'image/svg+xml' });
  });

  app.get('/parley.js', (c) => {
    // The loader is embedded cross-origin by design.
    c.header('Access-Control-Allow-Origin', '*');
    return serve(c, fileIn(distDir(), 'parley.js'));
  });
  app.get('/elements/*', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return serve(c, fileIn(join(distDir(), 'elements'), c.req.path.slice('/elements/'.length)));
  });

  /** A demo page with its placeholders filled in, or null when the front-end is not built. */
  const demoPage = async (page: string, vars: Record<string, string> = {}): Promise<string | null> => {
    // Built pages first (vite may rewrite asset URLs), the sources in demo/ otherwise.
    const dist = distDir();
    const file = fileIn(join(dist, 'demo'), page) ?? fileIn(dist, page) ?? fileIn(REPO_DEMO_DIR, page);
    if (!file || !existsSync(dist)) return null;
    let html = (await readFile(file, 'utf8')).replaceAll('{{SITE_KEY}}', (await demoSiteKey(ctx)) ?? '');
    for (const [name, value] of Object.entries(vars)) html = html.replaceAll(`{{${name}}}`, value);
    return html;
  };

  const strictPage = (c: Context) => {
    c.header('Content-Security-Policy', DEMO_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
  };

  for (const [path, page] of Object.entries(DEMO_PAGES)) {
    app.get(path, async (c) => {
      const html = await demoPage(page);
      if (html === null) return notBuilt(c);
      strictPage(c);
      c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
      c.header('Cache-Control', 'no-cache');
      return c.html(html);
    });
  }

  // The framework demos (demo/frameworks, built into dist/demos by vite.demos.config.ts): the same strict
  // CSP, except that Vue inserts its compiled static markup through its own Trusted Types policy.
  for (const [path, { page, csp }] of Object.entries(FRAMEWORK_DEMOS)) {
    app.get(path, async (c) => {
      const html = await demoPage(page);
      if (html === null) return notBuilt(c);
      c.header('Content-Security-Policy', csp);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cache-Control', 'no-cache');
      return c.html(html);
    });
  }

  // The customer's ticket page, opened by the private link in our emails. The token is the credential:
  // it must not leak as a referrer or sit in a shared cache, and only a well-formed one is ever written
  // into the HTML (a bad one gets a fixed page; nothing from the URL is echoed).
  // The same rules for the survey page a resolved ticket's mail links to (/s/<token>).
  const tokenPage = (page: string) => async (c: Context) => {
    const token = c.req.param('token') ?? '';
    strictPage(c);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'private, no-store');
    c.header('X-Robots-Tag', 'noindex');
    if (!TICKET_TOKEN.test(token)) return c.html(LINK_NOT_FOUND_PAGE, 404);
    const html = await demoPage(page, { TOKEN: token });
    if (html === null) return notBuilt(c);
    return c.html(html);
  };
  app.get('/t/:token', tokenPage(TICKET_PAGE));
  app.get('/s/:token', tokenPage(SURVEY_PAGE));

  // Other build outputs (shared assets of the demo pages).
  app.get('/*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/socket.io/')) return next();
    const file = fileIn(distDir(), c.req.path);
    if (!file) return next();
    return serve(c, file);
  });

  return app;
}
