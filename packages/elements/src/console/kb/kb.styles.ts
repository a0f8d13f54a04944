import { css } from 'lit';
import { focusRing, tokens, visuallyHidden } from '../../styles/index.js';
import { controls } from '../console.styles.js';

/**
 * What every knowledge-base view shares. These elements live inside `<parley-console>`'s shadow root,
 * out of the host page's reach, so they need no host pinning; sizes are px (or em of the px base)
 * so a page's root font size never leaks in.
 */
export const kbBase = [
  tokens,
  focusRing,
  visuallyHidden,
  controls,
  css`
    :host {
      display: block;
      box-sizing: border-box;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    [hidden] {
      display: none !important;
    }
    h3 {
      font-size: 17px;
      margin: 0;
    }
    h4 {
      font-size: 15px;
      margin: 0;
    }
    .hint {
      margin: 2px 0 0;
      font-size: 13px;
      color: var(--_text-muted);
    }
    .error {
      color: var(--_danger);
      margin: 0;
    }
    .notice {
      color: var(--_text-muted);
      margin: 12px 0;
    }
    .state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 24px 0;
    }
    .state p {
      margin: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 12px;
    }
    .head .count {
      color: var(--_text-muted);
      font-size: 13px;
      margin-inline-end: auto;
    }
    /* Narrow panes scroll the table sideways rather than crushing its columns (Chromium makes such a scroller keyboard-focusable). */
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      min-width: 560px;
      border-collapse: collapse;
      font-size: 14px;
    }
    table[aria-busy='true'] {
      opacity: 0.6;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 8px 8px;
      border-bottom: 1px solid var(--_border);
    }
    thead th {
      font-size: 12px;
      font-weight: 600;
      color: var(--_text-muted);
      text-transform: uppercase;
      letter-spacing: 0.03em;
      white-space: nowrap;
    }
    tbody th {
      font-weight: 400;
    }
    .num {
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .muted {
      color: var(--_text-muted);
      font-size: 13px;
    }
    button.link {
      padding: 0;
      border: none;
      background: none;
      color: var(--_accent);
      font-weight: 600;
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 2px;
    }
    button.link:hover:not(:disabled) {
      background: none;
      text-decoration-thickness: 2px;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .badge {
      display: inline-flex;
      gap: 4px;
      align-items: baseline;
      padding: 1px 7px;
      border-radius: 999px;
      border: 1px solid var(--_border);
      font-size: 12px;
      white-space: nowrap;
    }
    .badge .code {
      font-weight: 700;
    }
    .badge.published {
      border-color: var(--_success);
      color: var(--_success);
    }
    .badge.draft {
      border-style: dashed;
      color: var(--_text-muted);
    }
    dialog h4 {
      margin-bottom: 8px;
    }
    dialog p {
      margin: 0 0 8px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
  `,
];
