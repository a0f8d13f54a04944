/**
 * GET /api/openapi.json: the OpenAPI 3.1 document (import it into Postman, Insomnia or Swagger UI to
 * try calls). GET /api/docs: the same document as a page to read, rendered here as plain HTML: no
 * script, so it works under the same strict CSP as the invitation page, and without shipping a 1.5 MB
 * API explorer with the server.
 */
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { escapeHtml } from '../lib/html.js';
import { buildOpenApiDocument, type OpenApiDocument } from './document.js';

type Operation = { summary?: string; description?: string; tags?: string[]; security?: unknown[]; requestBody?: { content?: Record<string, { schema?: unknown }> }; parameters?: Array<{ in: string; name: string }> };

export function openApiRoutes(_ctx: AppContext, version: string): Hono {
  const app = new Hono();
  let doc: OpenApiDocument | null = null;
  let page: string | null = null;
  const document = () => (doc ??= buildOpenApiDocument(version));

  app.get('/openapi.json', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(document());
  });
  app.get('/docs', (c) => {
    page ??= renderDocs(document());
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    return c.html(page);
  });
  return app;
}

/** One section per tag, one entry per operation: method, path, who may call it, and the request body's JSON Schema. */
export function renderDocs(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(item as Record<string, Operation>)) {
      const op = raw as Operation;
      const tag = op.tags?.[0] ?? 'api';
      const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const multipart = op.requestBody?.content?.['multipart/form-data'] ? '<p>Also takes <code>multipart/form-data</code>: the JSON in a <code>payload</code> field, files in <code>files</code>.</p>' : '';
      const entry = `<section class="op" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h">
  <h3 id="${escapeHtml(id)}-h"><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
  <p>${escapeHtml(op.summary ?? '')}</p>
  <p class="who">${escapeHtml(op.description ?? '')}</p>
  ${body ? `<details><summary>Request body (JSON Schema)</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>${multipart}` : ''}
</section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 16px; color: #1f2328; }
  code, pre { font-family: ui-monospace, monospace; font-size: 13px; }
  pre { background: #f6f8fa; padding: 8px; overflow: auto; }
  .op { border-top: 1px solid #d0d7de; padding: 4px 0 8px; }
  .op h3 { font-size: 15px; margin: 8px 0 0; }
  .method { display: inline-block; min-width: 4.5em; font-family: ui-monospace, monospace; }
  .get { color: #0a5a2a; } .post { color: #0b4fa0; } .put, .patch { color: #7a4a00; } .delete { color: #a0111f; }
  .who { color: #57606a; margin: 0; }
  nav ul { columns: 3 12em; padding-left: 1.2em; }
  @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } pre { background: #161b22; } .who { color: #9198a1; }
    .get { color: #6fdd8b; } .post { color: #79c0ff; } .put, .patch { color: #e3b341; } .delete { color: #ff7b72; } a { color: #79c0ff; } }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
  <p>${escapeHtml(doc.info.description ?? '')}</p>
  <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p>
</header>
<nav aria-label="Domains"><ul>${tags.map((t) => `<li><a href="#tag-${escapeHtml(t)}">${escapeHtml(t)}</a> (${byTag.get(t)!.length})</li>`).join('')}</ul></nav>
<main>
${tags.map((t) => `<section aria-labelledby="tag-${escapeHtml(t)}"><h2 id="tag-${escapeHtml(t)}">${escapeHtml(t)}</h2>${byTag.get(t)!.join('\n')}</section>`).join('\n')}
</main>
</body>
</html>`;
}
