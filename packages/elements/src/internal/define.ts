/**
 * Registers a custom element unless the tag is already taken. Both the loader's placeholder
 * and several bundles (a host app plus parley.js) can try to define the same tag; the second
 * define() would throw and break the page, so we keep whichever came first.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, ctor);
}
