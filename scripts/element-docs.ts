/**
 * docs/elements/<tag>.md, one page per public element, and docs/elements/README.md (the index), from
 * custom-elements.json (made by @custom-elements-manifest/analyzer from the elements' JSDoc; see
 * custom-elements-manifest.config.mjs). `pnpm docs:elements` runs both; test/docs/elements.test.ts
 * fails when the committed pages differ from what the manifest says.
 *
 *   node --import tsx scripts/element-docs.ts [--check]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Doc {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
  attribute?: string;
  fieldName?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  reflects?: boolean;
  parameters?: Array<{ name: string; type?: { text: string }; description?: string }>;
  return?: { type?: { text: string } };
}
interface Element extends Doc {
  tagName: string;
  attributes?: Doc[];
  members?: Doc[];
  events?: Doc[];
  cssParts?: Doc[];
  cssProperties?: Doc[];
  slots?: Doc[];
}
interface Manifest {
  modules: Array<{ path: string; declarations?: Array<Element & { customElement?: boolean }> }>;
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = join(root, 'docs/elements');

const oneLine = (s: string | undefined) => (s ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (s: string | undefined) => (s ? `\`${s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')}\`` : '');

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function elementPage(el: Element, modulePath: string): string {
  const out: string[] = [`# \`<${el.tagName}>\``, '', oneLine(el.summary), ''];
  if (el.description) out.push(el.description.trim(), '');
  out.push(`Source: [\`${modulePath}\`](../../${modulePath}) · generated from \`custom-elements.json\` by \`pnpm docs:elements\`; do not edit.`, '');
  const attrs = el.attributes ?? [];
  if (attrs.length) {
    out.push('## Attributes', '', table(['attribute', 'property', 'type', 'default', 'description'], attrs.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), oneLine(a.description)])), '');
  }
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  const visible = (m: Doc) => !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_') && !m.name.startsWith('#');
  const props = (el.members ?? []).filter((m) => m.kind === 'field' && visible(m) && !attrFields.has(m.name) && m.description);
  if (props.length) out.push('## Properties (JavaScript only)', '', table(['property', 'type', 'description'], props.map((p) => [code(p.name), code(p.type?.text), oneLine(p.description)])), '');
  const methods = (el.members ?? []).filter((m) => m.kind === 'method' && visible(m) && m.description);
  if (methods.length) {
    out.push(
      '## Methods',
      '',
      table(
        ['method', 'description'],
        methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})`), oneLine(m.description)]),
      ),
      '',
    );
  }
  if (el.events?.length) out.push('## Events', '', 'All bubble and cross shadow roots (`composed`).', '', table(['event', 'description'], el.events.map((e) => [code(e.name), oneLine(e.description)])), '');
  if (el.cssParts?.length) out.push('## CSS parts', '', `Style them from the page with \`${el.tagName}::part(name)\`.`, '', table(['part', 'description'], el.cssParts.map((p) => [code(p.name), oneLine(p.description)])), '');
  if (el.cssProperties?.length) out.push('## CSS custom properties', '', `Set them on the element or any ancestor, e.g. \`${el.tagName} { ${el.cssProperties[0]!.name}: … }\`.`, '', table(['property', 'description'], el.cssProperties.map((p) => [code(p.name), oneLine(p.description)])), '');
  if (el.slots?.length) out.push('## Slots', '', table(['slot', 'description'], el.slots.map((s) => [code(s.name || '(default)'), oneLine(s.description)])), '');
  return out.join('\n').trimEnd() + '\n';
}

export function renderAll(manifest: Manifest): Map<string, string> {
  const pages = new Map<string, string>();
  const index: string[][] = [];
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ el: d, path: m.path })))
    .sort((a, b) => a.el.tagName.localeCompare(b.el.tagName));
  for (const { el, path } of elements) {
    pages.set(`${el.tagName}.md`, elementPage(el, path));
    index.push([`[\`<${el.tagName}>\`](${el.tagName}.md)`, oneLine(el.summary)]);
  }
  pages.set(
    'README.md',
    [
      '# Parley elements',
      '',
      'One page per public element, generated from `custom-elements.json` (the elements\' JSDoc, read by',
      '@custom-elements-manifest/analyzer) by `pnpm docs:elements`. Theming across all of them:',
      '[docs/theming.md](../theming.md). Editors and frameworks can read `custom-elements.json` itself.',
      '',
      table(['element', 'what it is'], index),
      '',
    ].join('\n'),
  );
  return pages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
  mkdirSync(outDir, { recursive: true });
  for (const [file, text] of renderAll(manifest)) writeFileSync(join(outDir, file), text);
  console.log(`wrote docs/elements/ (${renderAll(manifest).size} pages)`);
}
