import { css } from 'lit';

/**
 * Design tokens. Each element's `:host` declares defaults through `var(--parley-x, default)` chains
 * so a host page can theme every Parley element at once by setting `--parley-*` on any ancestor
 * (or on `:root`) without fighting specificity. Documented tokens:
 *
 * --parley-accent, --parley-accent-contrast, --parley-surface, --parley-surface-alt, --parley-text,
 * --parley-text-muted, --parley-border, --parley-danger, --parley-success, --parley-radius,
 * --parley-radius-small, --parley-font, --parley-font-size, --parley-z-index, --parley-shadow,
 * --parley-focus-ring, --parley-transition
 */
/** The dark palette: applied by `theme="dark"`, or by the system's dark mode unless `theme="light"`. */
const darkTokens = css`
  --_accent: var(--parley-accent, #8fb0ff);
  --_accent-contrast: var(--parley-accent-contrast, #0c1430);
  --_surface: var(--parley-surface, #1c1f26);
  --_surface-alt: var(--parley-surface-alt, #2a2e38);
  --_text: var(--parley-text, #eceff4);
  --_text-muted: var(--parley-text-muted, #b3b9c6);
  --_border: var(--parley-border, #454b58);
  --_danger: var(--parley-danger, #ffb4ab);
  --_success: var(--parley-success, #8fd6a4);
  --_shadow: var(--parley-shadow, 0 8px 30px rgb(0 0 0 / 0.5));
`;

export const tokens = css`
  :host {
    --_accent: var(--parley-accent, #2f5bd3);
    --_accent-contrast: var(--parley-accent-contrast, #ffffff);
    --_surface: var(--parley-surface, #ffffff);
    --_surface-alt: var(--parley-surface-alt, #f1f3f7);
    --_text: var(--parley-text, #1b1f29);
    --_text-muted: var(--parley-text-muted, #535b6b);
    --_border: var(--parley-border, #c9ced8);
    --_danger: var(--parley-danger, #b3261e);
    --_success: var(--parley-success, #1d6b3a);
    --_radius: var(--parley-radius, 12px);
    --_radius-small: var(--parley-radius-small, 6px);
    --_font: var(--parley-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_font-size: var(--parley-font-size, 15px);
    --_z-index: var(--parley-z-index, 2147483000);
    --_shadow: var(--parley-shadow, 0 8px 30px rgb(0 0 0 / 0.18));
    --_focus-ring: var(--parley-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_accent) 45%, transparent));
    --_transition: var(--parley-transition, 160ms ease-out);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  /* theme="dark", or the system's dark mode unless theme="light" (docs/theming.md). */
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  /*
   * Form controls and scrollbars drawn by the browser follow the same choice. Through a custom
   * property because the overlay hosts reset every property with \`all: initial\` (styles/isolate.ts).
   */
  :host {
    --_color-scheme: light dark;
    color-scheme: var(--_color-scheme);
  }
  :host([theme='light']) {
    --_color-scheme: light;
  }
  :host([theme='dark']) {
    --_color-scheme: dark;
  }

  /*
   * iOS zooms the page into any focused field whose text is under 16px, and does not zoom back out.
   * On phones and touch screens every field is at least 16px; !important because the elements' own
   * rules (e.g. the composer's font-size: inherit) are more specific, and this only ever enlarges.
   */
  @media (max-width: 480px), (pointer: coarse) {
    input,
    textarea,
    select {
      font-size: max(16px, 1em) !important;
    }
  }

  /* Motion is decoration only: users who ask for less get none. */
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_transition: 0s;
    }
    :host *,
    :host *::before,
    :host *::after {
      animation-duration: 0.001ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.001ms !important;
    }
  }
`;
