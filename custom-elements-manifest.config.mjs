/**
 * custom-elements.json: the public elements' attributes, properties, events, CSS parts and custom
 * properties, read from their JSDoc by @custom-elements-manifest/analyzer (`pnpm docs:elements`, which
 * also writes docs/elements/<tag>.md from it). The console's inner views are internal: only
 * `<parley-console>` itself is described.
 */
const ENTRIES = ['chat', 'faq', 'messenger', 'feedback', 'ticket', 'survey', 'banner', 'console'];

/**
 * Our elements are registered by `define('parley-chat', ParleyChat)` (internal/define.ts: it skips a
 * second definition instead of throwing), which the analyzer does not recognise as
 * customElements.define; this reads those calls from the entry modules and marks the classes.
 */
function parleyDefine() {
  const tags = new Map();
  return {
    name: 'parley-define',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'define' || node.arguments.length !== 2) return;
      const [tag, cls] = node.arguments;
      if (ts.isStringLiteral(tag)) tags.set(cls.getText(), tag.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          const tag = decl.kind === 'class' ? tags.get(decl.name) : undefined;
          if (!tag) continue;
          decl.customElement = true;
          decl.tagName = tag;
          (mod.exports ??= []).push({ kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: mod.path } });
        }
      }
    },
  };
}

export default {
  globs: [
    `packages/elements/src/{${ENTRIES.filter((e) => e !== 'console').join(',')}}/*.component.ts`,
    'packages/elements/src/console/console.component.ts',
    `packages/elements/src/{${ENTRIES.join(',')}}/{${ENTRIES.join(',')}}.ts`,
    'packages/elements/src/internal/parley-element.ts',
  ],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  // package.json names custom-elements.json itself; without this every run (the docs test writes to a
  // temporary folder) rewrote that field to the run's own output path.
  packagejson: false,
  litelement: true,
  plugins: [parleyDefine()],
};
