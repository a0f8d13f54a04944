/**
 * Two builds, both run by `pnpm build`:
 *  - default mode: the Lit elements as ES modules into dist/elements/ (chat.js, faq.js, console.js, shared
 *    chunks under dist/elements/chunks/). Only dist/elements is emptied: dist/parley.js and anything
 *    else in dist/ belong to the other build.
 *  - `--mode embed`: the script-tag loader as one IIFE file, dist/parley.js.
 *  - `--mode banner`: the intranet's <parley-banner> as one self-contained ES module,
 *    dist/elements/banner.js, with its own copy of Lit: an intranet page has nothing else of Parley,
 *    and the shared UI chunk (every element's strings and styles) would double its 15 KB budget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { litCssMinify } from './scripts/vite-lit-css.js';
import { sharedLitPolicy } from './scripts/vite-lit-policy.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

const elementEntries: Record<string, string> = {
  chat: at('./packages/elements/src/chat/chat.ts'),
  // The help center: shares Lit and the internals with chat.js through chunks/.
  faq: at('./packages/elements/src/faq/faq.ts'),
  // What parley.js loads: the chat plus the tabbed panel; it imports faq.js on first use of Help.
  messenger: at('./packages/elements/src/messenger/messenger.ts'),
  // The feedback form on its own, for pages that embed it inline (the intranet's suggestion box).
  feedback: at('./packages/elements/src/feedback/feedback.ts'),
  // The customer's ticket page (/t/<token>): plain fetch, no socket, so it stays small.
  ticket: at('./packages/elements/src/ticket/ticket.ts'),
  // The survey answered from an email link, or NPS on request: plain fetch, no socket.
  survey: at('./packages/elements/src/survey/survey.ts'),
};
// The console element is built by another workstream; build it whenever its entry exists.
const consoleEntry = at('./packages/elements/src/console/console.ts');
if (existsSync(consoleEntry)) elementEntries.console = consoleEntry;

/**
 * Two shared chunks by what a page needs, not by which entries happen to share a module: the UI
 * runtime (Lit, the element base, strings, host styles, the REST helper) that every element loads, and
 * the realtime client (Socket.IO and @parley/client) that only the chat, the messenger and the console
 * load. Left to itself Rollup cut these into many small files as entries were added (each file pays its
 * own gzip overhead on first open: the messenger went over its budget twice that way).
 */
const UI_RUNTIME = [
  // Lit, but not the directives only the forms and the console use: the chat would carry them unread.
  /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:lit|lit-html|lit-element|@lit\/reactive-element)\/(?!(?:development\/)?directives\/(?:keyed|live|style-map|class-map|guard|until|cache|map|join|range|when|choose|unsafe-html|unsafe-svg|ref|template-content|async-append|async-replace)\.js$)/,
  // styles/panel.ts is the visitor forms' alone (feedback, ticket page, survey), not the chat's.
  /packages\/elements\/src\/styles\/(?!panel\.ts$)/,
  /packages\/elements\/src\/internal\/(?:parley-element|define|i18n|lazy-module|rest|client-controller)\.ts$/,
  /vite\/preload-helper/,
];
const REALTIME = [
  // identity.ts is loaded only for a host site's signed-in users (VisitorClient imports it on demand).
  /packages\/client\/src\/(?!identity\.ts$)[^/]+\.ts$/,
  /packages\/elements\/src\/internal\/visitor-token\.ts$/,
  /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser|@socket\.io\/component-emitter|debug|ms)\//,
];
/**
 * The agent's client is the console's alone; named so the realtime chunk (which the chat loads) does
 * not absorb it. (The employee's client is the banner's, which has a build of its own, `--mode banner`.)
 */
const AGENT_CLIENT = /packages\/client\/src\/agent\.ts$/;
const chunkOf = (id: string): string | undefined =>
  AGENT_CLIENT.test(id)
    ? 'agent'
    : UI_RUNTIME.some((re) => re.test(id))
      ? 'ui'
      : REALTIME.some((re) => re.test(id))
        ? 'realtime'
        : undefined;

/**
 * engine.io-client bundles its WebTransport transport (about 1 KB gzip) whatever the options; Parley's
 * client asks for `['websocket', 'polling']` only (packages/client/src/connection.ts) and the server
 * offers no WebTransport, so the chat would carry it unused. This swaps the module for one that says
 * so if it were ever constructed.
 */
function withoutWebTransport(): Plugin {
  const stub = '\0parley-no-webtransport';
  return {
    name: 'parley-no-webtransport',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === './webtransport.js' && importer?.includes('engine.io-client') ? stub : null;
    },
    load(id) {
      return id === stub ? 'export class WT { constructor() { throw new Error("Parley does not use WebTransport"); } }' : null;
    },
  };
}

/**
 * The demo pages link /demo.css and the intranet page /demo-intranet.js (no inline styles or scripts
 * under their CSP). The server serves build outputs from dist/, so both are copied there with the loader.
 */
function demoAssets(): Plugin {
  return {
    name: 'parley-demo-assets',
    generateBundle() {
      const css = at('./demo/demo.css');
      if (existsSync(css)) this.emitFile({ type: 'asset', fileName: 'demo.css', source: readFileSync(css) });
      // The intranet page's "View the intranet as" picker (a script file: the page's CSP allows no inline script).
      const intranet = at('./demo/intranet.js');
      if (existsSync(intranet)) this.emitFile({ type: 'asset', fileName: 'demo-intranet.js', source: readFileSync(intranet) });
    },
  };
}

/**
 * Terser rather than esbuild's minifier: two compress passes come out about 1% smaller after gzip
 * (the messenger with the `message` event 39.60 KB, 39.99 without it on esbuild; docs/benchmarks.md), at ~10 s of build time; every budget is tight.
 */
const minify = (module = true) => ({ minify: 'terser' as const, terserOptions: { module, ecma: 2020 as const, compress: { passes: 2 }, format: { comments: false } } });

export default defineConfig(({ mode }) => {
  const common = {
    root,
    publicDir: false as const,
    logLevel: 'warn' as const,
  };

  if (mode === 'banner') {
    return {
      ...common,
      plugins: [litCssMinify(), sharedLitPolicy()],
      build: {
        outDir: at('./dist/elements'),
        // After the default build, which empties dist/elements: keep its files.
        emptyOutDir: false,
        target: 'es2021',
        ...minify(),
        modulePreload: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rollupOptions: {
          input: { banner: at('./packages/elements/src/banner/banner.ts') },
          preserveEntrySignatures: 'exports-only' as const,
          // One file: no chunk of its own to fetch after it (nothing in the banner is imported lazily).
          output: { format: 'es' as const, entryFileNames: '[name].js', inlineDynamicImports: true },
        },
      },
    };
  }

  if (mode === 'embed') {
    return {
      ...common,
      plugins: [demoAssets()],
      build: {
        outDir: at('./dist'),
        emptyOutDir: false,
        target: 'es2021',
        ...minify(false),
        modulePreload: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        // Library mode: Vite then leaves the runtime `import()` alone (no preload helper in the loader).
        lib: {
          entry: at('./packages/embed/src/parley.ts'),
          formats: ['iife' as const],
          name: 'ParleyLoader',
          fileName: () => 'parley.js',
        },
        rollupOptions: {
          // One file: the loader must not pull chunks from the host page's origin.
          output: { inlineDynamicImports: true },
        },
      },
    };
  }

  return {
    ...common,
    // The banner's own Lit and this one share one `lit-html` policy (scripts/vite-lit-policy.ts). The
    // styles' comments and indentation cost the messenger about 1 KB of its 40 KB: minified here too.
    plugins: [withoutWebTransport(), sharedLitPolicy(), litCssMinify()],
    build: {
      outDir: at('./dist/elements'),
      emptyOutDir: true,
      target: 'es2021',
      ...minify(),
      // No preload helper: the entries are imported from other origins; plain ES imports load the graph.
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: elementEntries,
        // App-mode builds drop entry exports by default; the element classes are public API.
        preserveEntrySignatures: 'exports-only' as const,
        output: {
          format: 'es' as const,
          entryFileNames: '[name].js',
          // Rollup would name the shared chunk after its first module ("focus-…"), which misleads.
          chunkFileNames: 'chunks/shared-[hash].js',
          manualChunks: chunkOf,
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
});
