import { css } from 'lit';
import { focusRing, inlineHost, tokens, visuallyHidden } from '../styles/index.js';

/** px only: a host page's root font-size (rem) or stray global rules cannot resize the banner. */
export const bannerStyles = [
  tokens,
  inlineHost,
  focusRing,
  visuallyHidden,
  css`
    :host {
      --_important: var(--parley-warning, #7a4d00);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_important: var(--parley-warning, #f3c06b);
      }
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .notice {
      position: relative;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 4px 12px;
      padding: 12px 14px;
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-inline-start: 5px solid var(--_tone);
      border-radius: var(--_radius-small);
    }
    .normal {
      --_tone: var(--_accent);
    }
    .important {
      --_tone: var(--_important);
    }
    .urgent {
      --_tone: var(--_danger);
    }
    .tag {
      margin: 0;
      font-size: 12px;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_tone);
    }
    h2 {
      margin: 0;
      font-size: 16px;
      line-height: 1.35;
      font-weight: 650;
    }
    .text {
      min-width: 0;
      display: grid;
      gap: 4px;
    }
    .body {
      overflow-wrap: anywhere;
    }
    .body > :first-child {
      margin-top: 0;
    }
    .body > :last-child {
      margin-bottom: 0;
    }
    .body a {
      color: var(--_accent);
    }
    .meta,
    .hint {
      margin: 0;
      font-size: 13px;
      color: var(--_text-muted);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      grid-column: 1 / -1;
    }
    .actions:empty {
      display: none;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius-small);
      min-height: 36px;
      padding: 6px 14px;
    }
    .primary {
      background: var(--_accent);
      color: var(--_accent-contrast);
      border: 1px solid var(--_accent);
      font-weight: 600;
    }
    .dismiss {
      align-self: start;
      grid-column: 2;
      grid-row: 1;
      width: 36px;
      padding: 0;
      border: 1px solid transparent;
      background: transparent;
      color: var(--_text-muted);
      font-size: 20px;
      line-height: 1;
    }
    .dismiss:hover {
      background: var(--_surface-alt);
    }
    .done {
      color: var(--_success);
      font-weight: 600;
      font-size: 14px;
    }
    dialog {
      width: min(560px, calc(100vw - 32px));
      max-height: calc(100vh - 64px);
      overflow: auto;
      padding: 20px 22px;
      border: 0;
      border-top: 6px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: var(--_shadow);
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.45;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    dialog .tag {
      --_tone: var(--_danger);
    }
    dialog h2 {
      font-size: 20px;
      margin: 4px 0 10px;
    }
    dialog .actions {
      margin-top: 16px;
      justify-content: flex-end;
    }
  `,
];
