import { css } from 'lit';
import { kbBase } from '../kb/kb.styles.js';

/**
 * What every Tickets view shares: the knowledge base's console look (tables, states, badges, controls)
 * plus ticket badges. Colour is never the only signal: every badge also says what it is in words.
 */
export const ticketsBase = [
  ...kbBase,
  css`
    /* aria-disabled, not disabled: a disabled button drops keyboard focus to the page's start. */
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .back {
      margin-bottom: 12px;
    }
    .badge.breached {
      border-color: var(--_danger);
      color: var(--_danger);
      font-weight: 600;
    }
    .badge.escalated {
      border-color: var(--_danger);
      background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
      color: var(--_text);
    }
    .badge.answered {
      border-color: var(--_success);
      color: var(--_success);
    }
    .badge.status-new {
      border-color: var(--_accent);
      color: var(--_accent);
      font-weight: 600;
    }
    .badge.priority-high,
    .badge.priority-urgent {
      border-color: var(--_danger);
      color: var(--_danger);
    }
    .badge.priority-urgent {
      font-weight: 700;
    }
    .number {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 8px 12px;
      margin-bottom: 12px;
    }
    .filters div {
      display: flex;
      flex-direction: column;
      gap: 3px;
    }
    .filters label {
      font-size: 13px;
    }
    .filters .q {
      flex: 1 1 240px;
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
    }
    .tabs button[aria-current='page'] {
      border-color: var(--_accent);
      box-shadow: inset 0 -3px 0 var(--_accent);
      font-weight: 600;
    }
    .more {
      display: flex;
      justify-content: center;
      padding: 12px 0;
    }
    pre.text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: inherit;
      margin: 0;
    }
  `,
];
