import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

/** Options for {@link ParleyElement.emit}; Parley events bubble and cross shadow roots unless told otherwise. */
export interface EmitOptions {
  bubbles?: boolean;
  composed?: boolean;
  cancelable?: boolean;
}

/** Detail type of a `parley-*` event declared on HTMLElementEventMap, or `unknown` for others. */
export type EventDetail<K extends string> = K extends keyof HTMLElementEventMap
  ? HTMLElementEventMap[K] extends CustomEvent<infer D>
    ? D
    : unknown
  : unknown;

/**
 * Base class for every Parley element. It adds a typed `emit()` only; rendering, styles and
 * controllers stay plain Lit so the elements remain ordinary LitElements to consumers.
 */
export class ParleyElement extends LitElement {
  /**
   * Colour scheme: `light` or `dark`; absent, the element follows the system's (prefers-color-scheme).
   * Elements that contain others (the messenger) pass it on. docs/theming.md.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /**
   * parley.js draws a placeholder launcher in a shadow root it attaches to this element before the
   * element is defined, so host-page CSS can never hide it. Lit reuses an existing shadow root (as it
   * does for declarative shadow DOM); empty it first so the real rendering replaces the placeholder.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.shadowRoot?.replaceChildren();
    return super.createRenderRoot();
  }

  /**
   * Dispatches a CustomEvent. Defaults to bubbles + composed so host pages can listen on `document`
   * even though our elements render in shadow roots. Returns the event (check `defaultPrevented`
   * when `cancelable` was set).
   */
  emit<K extends string>(name: K, detail?: EventDetail<K>, options: EmitOptions = {}): CustomEvent<EventDetail<K>> {
    const event = new CustomEvent<EventDetail<K>>(name, {
      bubbles: options.bubbles ?? true,
      composed: options.composed ?? true,
      cancelable: options.cancelable ?? false,
      detail: detail as EventDetail<K>,
    });
    this.dispatchEvent(event);
    return event;
  }
}
