import { css } from 'lit';

/**
 * Host pages ship rules as broad as `* { all: unset }` or `button { display: none !important }`, and
 * huge root font sizes. Inside our shadow roots their selectors cannot reach, but the HOST element is
 * still matched by them, and inherited properties (font, colour, line height, visibility...) flow in
 * through it. Author `!important` rules from a shadow tree win over the outer page's `!important`
 * rules (the cascade reverses context order for important declarations), so these pin what the host
 * must keep. Sizes inside our elements are px (or em of the pinned size), never rem.
 */

/** For elements that draw fixed overlays (launcher, panels): the host takes no box of its own. */
export const overlayHost = css`
  :host {
    all: initial !important;
    display: contents !important;
    font-family: var(--_font) !important;
    font-size: var(--_font-size) !important;
    line-height: 1.4 !important;
    color: var(--_text) !important;
    color-scheme: var(--_color-scheme) !important;
    visibility: visible !important;
  }
  :host([hidden]) {
    display: none !important;
  }
`;

/**
 * For elements placed in the page's flow (console, help center, forms): the page keeps control of the
 * host's box (width, height, margins), while what its text inherits is pinned.
 */
export const inlineHost = css`
  :host {
    display: block !important;
    visibility: visible !important;
    font-family: var(--_font) !important;
    font-size: var(--_font-size) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    line-height: 1.45 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    white-space: normal !important;
    color: var(--_text) !important;
    color-scheme: var(--_color-scheme) !important;
  }
  :host([hidden]) {
    display: none !important;
  }
`;
