/** Prints the configuration table as Markdown: `pnpm --filter @parley/server exec tsx scripts/config-table.ts`. */
import { CONFIG_VARS } from '../src/config.js';

const rows = CONFIG_VARS.map((v) => {
  const def = v.name === 'PARLEY_DIST_DIR' ? '`<repo>/dist`' : v.default === undefined ? 'unset' : `\`${v.default}\``;
  return `| \`${v.name}\` | ${def} | ${v.description} Must be ${v.expect}. |`;
});
process.stdout.write(['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n') + '\n');
