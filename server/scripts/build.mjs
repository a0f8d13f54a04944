/**
 * The production build: server/src/main.ts (and the history seeder's CLI) bundled into plain
 * JavaScript under server/dist/, run with `node server/dist/main.js` — no tsx, no TypeScript at
 * run time. Our workspace package @parley/protocol (TypeScript source) is bundled in; every npm
 * dependency stays external and is loaded from node_modules as usual (native addons such as argon2
 * and jieba cannot be bundled, and a bundle of them would hide their versions from audits).
 */
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@parley/'));

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', 'seed-history': 'src/demo-history/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Subpath imports (`drizzle-orm/pg-core`, `@node-rs/jieba/dict`) are external too.
  external: external.flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  // A bundle keeps one module scope: this gives the CommonJS `require` some dependencies expect.
  banner: { js: "import { createRequire as __parleyRequire } from 'node:module'; const require = __parleyRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log('server built: server/dist/main.js, server/dist/seed-history.js');
