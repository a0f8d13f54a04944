import { css } from 'lit';

/**
 * The base of the inline visitor panels (feedback form, ticket page, survey): px only, so a host
 * page's root font-size (rem) or stray global rules cannot resize them. Each element adds its own
 * layout after this sheet, so its rules win where they differ.
 */
export const panelBase = css`
  :host {
    background: var(--_surface);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    padding: 16px;
  }
  h2,
  p {
    margin: 0;
  }
  h2 {
    line-height: 1.3;
    font-weight: 700;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  a {
    color: var(--_accent);
  }
`;

/** Buttons and hints of the visitor forms (feedback, survey). */
export const panelControls = css`
  /* Focus lands on the heading so screen readers start there; it is not a control, so no ring. */
  h2[tabindex='-1']:focus-visible {
    box-shadow: none;
  }
  .hint {
    color: var(--_text-muted);
    font-size: 13px;
  }
  button {
    cursor: pointer;
    border-radius: var(--_radius-small);
    min-height: 36px;
    padding: 6px 14px;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
  }
`;
