import { css } from 'lit';

/**
 * The round launcher, its unread badge and the floating panel above it: shared by <parley-chat> (used on
 * its own) and <parley-messenger> (what parley.js mounts), so both look and move the same.
 */
export const floating = css`
  :host {
    --_panel-width: var(--parley-panel-width, 380px);
    --_panel-height: var(--parley-panel-height, 600px);
    --_offset: var(--parley-offset, 20px);
  }
  .launcher {
    position: fixed;
    right: var(--_offset);
    bottom: var(--_offset);
    z-index: var(--_z-index);
    width: 56px;
    height: 56px;
    border-radius: 50%;
    border: none;
    background: var(--_accent);
    color: var(--_accent-contrast);
    box-shadow: var(--_shadow);
    display: grid;
    place-items: center;
    transition: transform var(--_transition);
  }
  .launcher:hover {
    transform: scale(1.05);
  }
  .badge {
    position: absolute;
    top: -4px;
    right: -4px;
    min-width: 22px;
    height: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: var(--_danger);
    color: #fff;
    font-size: 12px;
    font-weight: 700;
    line-height: 22px;
    text-align: center;
  }
  .launcher svg {
    width: 28px;
    height: 28px;
  }
  
  .panel {
    position: fixed;
    right: var(--_offset);
    bottom: calc(var(--_offset) + 68px);
    z-index: var(--_z-index);
    width: min(var(--_panel-width), calc(100vw - 2 * var(--_offset)));
    height: min(var(--_panel-height), calc(100vh - 2 * var(--_offset) - 68px));
    display: flex;
    flex-direction: column;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    overflow: hidden;
    animation: rise var(--_transition);
  }
  /* Transform only: fading opacity would leave text under contrast for the first frames. */
  @keyframes rise {
    from {
      transform: translateY(8px);
    }
  }
  /* The site's admin put the launcher bottom left (console Site tab; parley.js or the chat sets the attribute). */
  :host([position='left']) .launcher,
  :host([position='left']) .panel {
    right: auto;
    left: var(--_offset);
  }
  /*
   * Phones: the open panel is the whole screen. dvh follows the browser's collapsing toolbars and the
   * on-screen keyboard (vh would put the composer under them; the vh line is the fallback for browsers
   * without dvh). The launcher hides while the panel is open, so it never covers the composer; the
   * panel's own Minimize button closes it.
   */
  @media (max-width: 480px) {
    .panel {
      inset: 0;
      width: 100vw;
      height: 100vh;
      height: 100dvh;
      border: none;
      border-radius: 0;
    }
    :host([open]) .launcher {
      display: none;
    }
  }
`;
