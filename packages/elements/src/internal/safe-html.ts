/**
 * Untrusted HTML (help articles) into a shadow root, safely, under a strict CSP with Trusted Types.
 *
 * - DOMPurify sanitises every string, even though the server already did: a compromised or buggy
 *   server, or a proxy, must not be able to run script in the host page.
 * - Parsing a string is itself a Trusted Types sink, so DOMPurify runs behind one policy named
 *   `parley` (pages allow it with `trusted-types parley lit-html`). The policy object never leaves
 *   this module and its createHTML refuses any call made outside {@link sanitizeHtml}, so it cannot
 *   become a bypass for other code.
 * - The result is a DocumentFragment (RETURN_DOM_FRAGMENT): nodes, not a string, so no HTML sink
 *   is written after sanitising.
 * - Links: only http(s) and mailto survive; every link opens a new tab with rel="noopener noreferrer".
 * - DOMPurify is ~12 KB gzip, so it is loaded on first use (a separate chunk), not with the element.
 */
import type { Config, DOMPurify } from 'dompurify';

interface PolicyLike {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML(s: string): string; createScriptURL(s: string): string }): PolicyLike;
}

/** Set only while DOMPurify runs inside sanitizeHtml(). */
let sanitizing = false;
/** undefined: not tried yet; null: Trusted Types absent, or the page's CSP refused our policy. */
let policy: PolicyLike | null | undefined;
let ttAvailable = false;

function parleyPolicy(): PolicyLike | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  ttAvailable = !!tt;
  try {
    policy =
      tt?.createPolicy('parley', {
        createHTML: (s) => {
          if (!sanitizing) throw new TypeError('The "parley" Trusted Types policy only serves sanitizeHtml().');
          return s;
        },
        // Script URLs are never wanted in an article; DOMPurify requires the hook to exist.
        createScriptURL: () => '',
      }) ?? null;
  } catch {
    // The CSP's trusted-types list does not name `parley` (or it was already created elsewhere).
    policy = null;
  }
  return policy;
}

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  // Forms and controls have no place in an article; style would need 'unsafe-inline' under the CSP;
  // id / name / class could collide with the element's own ids and classes in the shadow root.
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option'],
  FORBID_ATTR: ['style', 'id', 'name', 'class', 'target'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  RETURN_DOM_FRAGMENT: true,
};

let loading: Promise<DOMPurify> | null = null;

/** Starts loading the sanitiser (idempotent): call it when an article is likely to be opened soon. */
export function preloadSanitizer(): Promise<DOMPurify> {
  loading ??= import('dompurify').then(({ default: shared }) => {
    // An instance of our own: hooks added here must not change other users of the shared DOMPurify.
    const purify = shared(window);
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A' && (node as Element).hasAttribute('href')) {
        (node as Element).setAttribute('target', '_blank');
        (node as Element).setAttribute('rel', 'noopener noreferrer');
      }
    });
    return purify;
  });
  // A failed load (offline) may be retried by the next call.
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * Sanitises `dirty` into a fragment ready to append. Resolves to null when HTML cannot be parsed
 * at all: Trusted Types are enforced and the page's CSP does not allow the `parley` policy (the
 * caller then shows the text another way).
 */
export async function sanitizeHtml(dirty: string): Promise<DocumentFragment | null> {
  const purify = await preloadSanitizer();
  const p = parleyPolicy();
  if (!p && ttAvailable && enforced()) return null;
  sanitizing = true;
  try {
    return purify.sanitize(dirty, { ...CONFIG, TRUSTED_TYPES_POLICY: (p ?? null) as Config['TRUSTED_TYPES_POLICY'] }) as unknown as DocumentFragment;
  } finally {
    sanitizing = false;
  }
}

/** Whether the page enforces Trusted Types: a plain string assignment to an HTML sink throws then. */
function enforced(): boolean {
  try {
    document.createElement('template').innerHTML = '';
    return false;
  } catch {
    return true;
  }
}
