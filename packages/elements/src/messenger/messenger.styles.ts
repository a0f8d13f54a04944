import { css } from 'lit';
import { tokens } from '../styles/tokens.js';
import { focusRing, visuallyHidden } from '../styles/focus.js';
import { overlayHost } from '../styles/isolate.js';
import { floating } from '../styles/floating.js';

export const messengerStyles = [
  tokens,
  overlayHost,
  floating,
  focusRing,
  visuallyHidden,
  css`
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    [hidden] {
      display: none !important;
    }
    header {
      display: flex;
      align-items: flex-end;
      gap: 8px;
      padding: 10px 12px 0;
      background: var(--_accent);
      color: var(--_accent-contrast);
    }
    [role='tablist'] {
      display: flex;
      gap: 4px;
      flex: 1;
    }
    [role='tab'] {
      position: relative;
      padding: 8px 16px;
      border: none;
      border-radius: var(--_radius-small) var(--_radius-small) 0 0;
      background: transparent;
      color: inherit;
      font-weight: 600;
    }
    [role='tab'][aria-selected='true'] {
      background: var(--_surface);
      color: var(--_text);
    }
    .dot {
      position: absolute;
      top: 6px;
      right: 6px;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_danger);
    }
    .minimize {
      margin-bottom: 8px;
      padding: 4px 10px;
      border: 1px solid currentColor;
      border-radius: var(--_radius-small);
      background: transparent;
      color: inherit;
      font-size: 0.85em;
    }
    [role='tabpanel'] {
      flex: 1;
      min-height: 0;
      display: flex;
      flex-direction: column;
      overflow-y: auto;
    }
    .help-state {
      margin: auto;
      padding: 16px;
      text-align: center;
      color: var(--_text-muted);
    }
    .primary {
      background: var(--_accent);
      color: var(--_accent-contrast);
      border: 1px solid var(--_accent);
      border-radius: var(--_radius-small);
      padding: 6px 14px;
    }
  `,
];
