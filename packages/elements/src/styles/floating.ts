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
  @media (max-width: 480px) {
    .panel {
      inset: 0 0 76px 0;
      width: auto;
      height: auto;
      border-radius: 0;
    }
  }
`;
