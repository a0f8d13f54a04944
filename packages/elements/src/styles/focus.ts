import { css } from 'lit';

/**
 * Visible keyboard focus on every interactive control. `:focus-visible` keeps mouse clicks clean;
 * the outline is kept (transparent) alongside the shadow so Windows high-contrast mode still
 * draws a ring when box-shadows are dropped.
 */
export const focusRing = css`
  :is(button, [role='button'], a, input, textarea, select, [tabindex]):focus {
    outline: none;
  }
  :is(button, [role='button'], a, input, textarea, select, [tabindex]):focus-visible {
    outline: 2px solid transparent;
    outline-offset: 2px;
    box-shadow: var(--_focus-ring);
  }
  @media (forced-colors: active) {
    :is(button, [role='button'], a, input, textarea, select, [tabindex]):focus-visible {
      outline: 2px solid CanvasText;
    }
  }
`;

/** Hidden visually, still read by screen readers. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;
