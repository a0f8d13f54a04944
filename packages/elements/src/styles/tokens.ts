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

  @media (prefers-color-scheme: dark) {
    :host {
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
