/**
 * One `lit-html` Trusted Types policy per page, whichever Parley bundle creates it first.
 *
 * `<parley-banner>` is built on its own with its own copy of Lit (`vite build --mode banner`: the
 * shared UI chunk would double its 15 KB budget), so an intranet page with the banner and, say, the
 * suggestion box runs two copies of Lit. Each creates a policy named `lit-html` when it loads; under a
 * CSP with `trusted-types lit-html` (no 'allow-duplicates') the second creation throws and that bundle
 * fails to load. This rewrites lit-html's one createPolicy call so the policy is kept on the page under
 * a registered symbol and reused by the next copy. It is Lit's own pass-through policy either way, so
 * sharing it grants nothing 'allow-duplicates' would not (and needs no change to the page's CSP).
 */
import type { Plugin } from 'vite';

const CALL = /(\w+)\.createPolicy\("lit-html",\{createHTML:(\w+)=>\2\}\)/;

export function sharedLitPolicy(): Plugin {
  return {
    name: 'parley-shared-lit-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!CALL.test(code)) this.error('lit-html no longer creates its policy as expected: update scripts/vite-lit-policy.ts');
      return { code: code.replace(CALL, (call) => `(globalThis[Symbol.for("parley.lit-html.policy")]??=${call})`), map: null };
    },
  };
}
