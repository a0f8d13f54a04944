/**
 * Size budgets from DESIGN.md, checked against the built files (run `pnpm build` first):
 *  - dist/parley.js (the loader every page pays for): at most 3 KB gzip.
 *  - everything the chat needs on first open: dist/elements/chat.js plus every module it imports
 *    statically, transitively (parsed from the built files; dynamic imports are not followed
 *    because they are not needed to open the chat): at most 40 KB gzip. The same for what parley.js
 *    loads on first open, dist/elements/messenger.js (the chat plus the tabbed panel).
 *  - the Help tab (<parley-faq>) on first open: dist/elements/faq.js and its static imports, minus the
 *    files chat.js already loads, at most 15 KB gzip; what it imports dynamically is reported.
 *  - the Feedback tab (<parley-feedback>): the module the messenger imports dynamically for it (found
 *    by the tag it defines) and its static imports, minus the files chat.js already loads, at most
 *    15 KB gzip.
 * Sizes are gzip level 9 per file, summed (each file is a separate HTTP response).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, process.env.PARLEY_DIST_DIR ?? 'dist');
const KB = 1024;
const LOADER_BUDGET = 3 * KB;
const CHAT_BUDGET = 40 * KB;
/** Each visitor element beyond what the chat already loaded (DESIGN.md, performance budgets). */
const FAQ_BUDGET = 15 * KB;
const FEEDBACK_BUDGET = 15 * KB;

const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number): string => `${(n / KB).toFixed(2)} KB`;

function requireBuilt(file: string): void {
  assert.ok(existsSync(file), `${relative(root, file)} is missing: run \`pnpm build\` before \`pnpm test:budget\`.`);
}

/** Relative static imports and re-exports of a built ES module (`import(...)` is not matched). */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const re = /\b(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?(['"])(\.{1,2}\/[^'"]+)\1/g;
  for (let m = re.exec(code); m; m = re.exec(code)) found.push(m[2]);
  return found;
}

function closure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    requireBuilt(file);
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) visit(resolve(dirname(file), spec));
  };
  visit(entry);
  return [...seen];
}

test('dist/parley.js (loader) is at most 3 KB gzip', (t) => {
  const file = resolve(dist, 'parley.js');
  requireBuilt(file);
  const size = gz(file);
  const line = `parley.js: ${kb(size)} gzip (${kb(readFileSync(file).length)} raw), budget ${kb(LOADER_BUDGET)}`;
  t.diagnostic(line);
  assert.ok(size <= LOADER_BUDGET, `parley.js is ${kb(size)} gzip, over the ${kb(LOADER_BUDGET)} budget`);
});

/** Sums an entry's static closure, reporting each file; asserts it is within `budget`. */
function firstOpen(t: { diagnostic(m: string): void }, name: string, budget: number): void {
  const entry = resolve(dist, 'elements', `${name}.js`);
  requireBuilt(entry);
  const files = closure(entry);
  let total = 0;
  for (const f of files) {
    const size = gz(f);
    total += size;
    t.diagnostic(`  ${relative(dist, f)}: ${kb(size)} gzip`);
  }
  t.diagnostic(`${name} first open: ${kb(total)} gzip in ${files.length} file(s), budget ${kb(budget)}`);
  assert.ok(total <= budget, `${name} first open is ${kb(total)} gzip, over the ${kb(budget)} budget`);
}

test('the chat on first open (chat.js + static imports) is at most 40 KB gzip', (t) => firstOpen(t, 'chat', CHAT_BUDGET));

test('the messenger parley.js opens (messenger.js + static imports) is at most 40 KB gzip', (t) => firstOpen(t, 'messenger', CHAT_BUDGET));

/** Relative dynamic imports (`import("./x.js")`) of a built ES module: what loads later, on demand. */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g)].map((m) => m[2]);
}

test('the Help tab on first open (faq.js + static imports not already in chat.js) is at most 15 KB gzip', (t) => {
  const entry = resolve(dist, 'elements', 'faq.js');
  requireBuilt(entry);
  const chat = new Set(closure(resolve(dist, 'elements', 'chat.js')));
  const files = closure(entry).filter((f) => !chat.has(f));
  let total = 0;
  for (const f of files) {
    const size = gz(f);
    total += size;
    t.diagnostic(`  ${relative(dist, f)}: ${kb(size)} gzip`);
  }
  t.diagnostic(`faq first open beyond chat: ${kb(total)} gzip in ${files.length} file(s), budget ${kb(FAQ_BUDGET)}`);
  // The sanitiser (DOMPurify) loads when the first article opens; reported so its cost stays visible.
  const lazy = [...new Set(files.flatMap((f) => dynamicImports(readFileSync(f, 'utf8')).map((d) => resolve(dirname(f), d))))].filter((f) => !chat.has(f));
  let later = 0;
  for (const f of lazy) {
    const size = gz(f);
    later += size;
    t.diagnostic(`  on first article: ${relative(dist, f)}: ${kb(size)} gzip`);
  }
  t.diagnostic(`faq with an article open beyond chat: ${kb(total + later)} gzip`);
  assert.ok(total <= FAQ_BUDGET, `faq first open is ${kb(total)} gzip beyond the chat, over the ${kb(FAQ_BUDGET)} budget`);
});

/** The built file that defines `tag` among the dynamic imports reachable from `entry`'s static closure. */
function lazyModuleDefining(entry: string, tag: string): string {
  const targets = new Set(closure(entry).flatMap((f) => dynamicImports(readFileSync(f, 'utf8')).map((d) => resolve(dirname(f), d))));
  const found = [...targets].filter((target) => closure(target).some((f) => readFileSync(f, 'utf8').includes(`"${tag}"`)));
  assert.ok(found.length > 0, `${relative(root, entry)} imports nothing that defines <${tag}> on demand`);
  // Of several candidates (a chunk that imports another), the one the tag's own closure starts from is smallest.
  return found.sort((a, b) => closure(a).length - closure(b).length)[0];
}

test('the Feedback tab on first open (what messenger.js imports for it, minus chat.js) is at most 15 KB gzip', (t) => {
  const messenger = resolve(dist, 'elements', 'messenger.js');
  requireBuilt(messenger);
  const chat = new Set(closure(resolve(dist, 'elements', 'chat.js')));
  const entry = lazyModuleDefining(messenger, 'parley-feedback');
  const files = closure(entry).filter((f) => !chat.has(f));
  let total = 0;
  for (const f of files) {
    const size = gz(f);
    total += size;
    t.diagnostic(`  ${relative(dist, f)}: ${kb(size)} gzip`);
  }
  t.diagnostic(`feedback first open beyond chat: ${kb(total)} gzip in ${files.length} file(s), budget ${kb(FEEDBACK_BUDGET)}`);
  assert.ok(total <= FEEDBACK_BUDGET, `feedback first open is ${kb(total)} gzip beyond the chat, over the ${kb(FEEDBACK_BUDGET)} budget`);
});

const SURVEY_BUDGET = 15 * KB;

test('the survey (CSAT in a closed chat, NPS, the email link) is at most 15 KB gzip beyond the chat', (t) => {
  const entry = resolve(dist, 'elements', 'survey.js');
  requireBuilt(entry);
  const chat = new Set(closure(resolve(dist, 'elements', 'chat.js')));
  // What the chat fetches when it closes is the same survey: the module that defines <parley-survey>.
  const inChat = lazyModuleDefining(resolve(dist, 'elements', 'chat.js'), 'parley-survey');
  for (const [what, start] of [
    ['survey.js on its own page', entry],
    ['the survey a closed chat loads', inChat],
  ] as const) {
    const files = closure(start).filter((f) => !chat.has(f));
    const total = files.reduce((n, f) => n + gz(f), 0);
    t.diagnostic(`${what}: ${kb(total)} gzip beyond the chat in ${files.length} file(s), budget ${kb(SURVEY_BUDGET)}`);
    assert.ok(total <= SURVEY_BUDGET, `${what} is ${kb(total)} gzip beyond the chat, over the ${kb(SURVEY_BUDGET)} budget`);
  }
});

/**
 * The intranet's banner (DESIGN.md: 15 KB gzip "with its share of Lit and the client"), on a page with
 * nothing else of Parley, with its first announcement rendered: banner.js, whatever it imports
 * statically, and whatever it imports dynamically (to render an announcement or otherwise), summed.
 * It is built on its own (`vite build --mode banner`: its own copy of Lit, no shared chunk), reads its
 * announcements over Server-Sent Events with fetch() (no Socket.IO client) and builds each body from
 * the server's node tree (no DOMPurify). It must never load the chat.
 */
const BANNER_BUDGET = 15 * KB;

test('the banner with its first announcement (banner.js + everything it imports) is at most 15 KB gzip, and never the chat', (t) => {
  const entry = resolve(dist, 'elements', 'banner.js');
  requireBuilt(entry);
  // Static imports, and what those load lazily, and so on.
  const files = new Set<string>();
  const visit = (start: string) => {
    for (const f of closure(start)) {
      if (files.has(f)) continue;
      files.add(f);
      for (const d of dynamicImports(readFileSync(f, 'utf8'))) visit(resolve(dirname(f), d));
    }
  };
  visit(entry);
  let total = 0;
  for (const f of files) {
    const size = gz(f);
    total += size;
    t.diagnostic(`  ${relative(dist, f)}: ${kb(size)} gzip`);
  }
  t.diagnostic(`banner with an announcement: ${kb(total)} gzip in ${files.size} file(s), budget ${kb(BANNER_BUDGET)}`);
  const code = [...files].map((f) => readFileSync(f, 'utf8')).join('\n');
  assert.ok(!code.includes('"parley-chat"'), 'the banner loads nothing that defines <parley-chat>');
  assert.ok(!/engine\.io|socket\.io/i.test(code), 'the banner carries no Socket.IO client');
  assert.ok(!/DOMPurify|dompurify/.test(code), 'the banner carries no HTML sanitiser');
  assert.ok(total <= BANNER_BUDGET, `the banner with an announcement is ${kb(total)} gzip, over the ${kb(BANNER_BUDGET)} budget`);
});

test('the import parser sees minified static imports and skips dynamic ones', () => {
  const code = 'import{a as b}from"./chunks/lit-1.js";import"./side.js";export{c}from"../x.js";const d=()=>import("./lazy.js");';
  assert.deepEqual(staticImports(code), ['./chunks/lit-1.js', './side.js', '../x.js']);
  assert.deepEqual(dynamicImports(code), ['./lazy.js']);
});
