/**
 * custom-elements.json and docs/elements/ are generated; this fails when either is stale (an element's
 * attribute, event, part or custom property changed without `pnpm docs:elements`), so the documents a
 * developer reads always describe the elements that ship.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAll } from '../../scripts/element-docs.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fix = 'run `pnpm docs:elements` and commit the result';

test('custom-elements.json matches the elements\' JSDoc', (t) => {
  // The analyzer takes --outdir relative to the working directory, so a scratch folder inside the repository.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const out = mkdtempSync(join(root, 'node_modules/.cache/parley-cem-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  execFileSync(join(root, 'node_modules/.bin/cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, out), '--quiet'], { cwd: root, stdio: 'pipe' });
  const fresh = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
  const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  assert.deepEqual(committed, fresh, `custom-elements.json is stale: ${fix}`);
  const tags = fresh.modules.flatMap((m: { declarations?: Array<{ tagName?: string }> }) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)).sort();
  assert.deepEqual(tags, ['parley-banner', 'parley-chat', 'parley-console', 'parley-faq', 'parley-feedback', 'parley-messenger', 'parley-survey', 'parley-ticket']);
});

test('docs/elements/ says what custom-elements.json says, one page per element', () => {
  const pages = renderAll(JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')));
  const dir = join(root, 'docs/elements');
  assert.deepEqual(readdirSync(dir).sort(), [...pages.keys()].sort(), `docs/elements/ has other files than the generated ones: ${fix}`);
  for (const [file, text] of pages) assert.equal(readFileSync(join(dir, file), 'utf8'), text, `docs/elements/${file} is stale: ${fix}`);
});
