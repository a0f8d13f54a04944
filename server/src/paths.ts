/**
 * Where the server's files are on disk, the same whether it runs from source (tsx, server/src/*.ts)
 * or from the production build (node server/dist/main.js, one bundled file): paths are found from the
 * server package's root, never from the depth of the module asking, which differs between the two.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findServerRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === '@parley/server') return dir;
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    if (dirname(dir) === dir) throw new Error(`Parley: no @parley/server package.json above ${from}`);
  }
}

/** server/ (holds package.json, drizzle/ and src/ or dist/). */
export const SERVER_ROOT = findServerRoot(dirname(fileURLToPath(import.meta.url)));
/** The repository (or image) root: holds dist/ (built elements) and demo/. */
export const REPO_ROOT = resolve(SERVER_ROOT, '..');
export const MIGRATIONS_DIR = join(SERVER_ROOT, 'drizzle');
export const DEMO_DIR = join(REPO_ROOT, 'demo');
/** The server package's version, as the API description states it. */
export const PARLEY_VERSION: string = (JSON.parse(readFileSync(join(SERVER_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
