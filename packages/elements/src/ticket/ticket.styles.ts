import { css } from 'lit';
import { focusRing, inlineHost, tokens, visuallyHidden } from '../styles/index.js';
import { panelBase } from '../styles/panel.js';

/**
 * Constructed stylesheets only (the demo's CSP has no 'unsafe-inline'); px sizes, never rem, so a
 * host page's root font size cannot resize the page.
 */
export const ticketStyles = [
  tokens,
  inlineHost,
  focusRing,
  visuallyHidden,
  panelBase,
  css`
    .base {
      display: grid;
      gap: 24px;
    }
    h3 {
      margin: 0;
    }
    h2 {
      font-size: 22px;
      overflow-wrap: anywhere;
    }
    h3 {
      font-size: 16px;
      font-weight: 700;
      margin-bottom: 10px;
    }
    ul,
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    button {
      cursor: pointer;
      min-height: 40px;
      padding: 8px 16px;
      border-radius: var(--_radius-small);
    }
    button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }
    .primary {
      background: var(--_accent);
      color: var(--_accent-contrast);
      border: 1px solid var(--_accent);
      font-weight: 600;
    }
    .secondary {
      background: var(--_surface);
      color: var(--_accent);
      border: 1px solid var(--_border);
    }
    .state {
      color: var(--_text-muted);
    }
    .state.error p,
    .error,
    .closed {
      color: var(--_danger);
    }
    .state.error button {
      margin-top: 10px;
    }
    .error:empty {
      display: none;
    }
    .closed {
      font-weight: 600;
      margin-bottom: 10px;
    }

    .header {
      display: grid;
      gap: 8px;
    }
    .header .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      font-size: 14px;
      color: var(--_text-muted);
    }
    .number {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .status strong {
      font-weight: 700;
    }
    .status.resolved strong {
      color: var(--_success);
    }
    /* Focus lands here after "This is solved" so screen readers read the new state; it is not a control. */
    .status:focus-visible {
      box-shadow: none;
    }
    .due,
    .note {
      font-size: 14px;
    }
    .note.resolved {
      color: var(--_success);
    }

    .progress {
      display: grid;
      grid-template-columns: repeat(4, 1fr);
      gap: 4px;
      margin: 4px 0;
      font-size: 13px;
    }
    .step {
      display: grid;
      gap: 6px;
      color: var(--_text-muted);
    }
    .step .dot {
      height: 6px;
      border-radius: 3px;
      background: var(--_border);
    }
    .step.done .dot,
    .step.current .dot {
      background: var(--_accent);
    }
    .step.current {
      color: var(--_text);
      font-weight: 700;
    }

    .thread {
      display: grid;
      gap: 12px;
    }
    .entry {
      padding: 12px 14px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .entry.agent {
      background: var(--_surface-alt);
    }
    .entry.system {
      border-style: dashed;
      font-size: 14px;
    }
    .entry .meta {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 12px;
      margin-bottom: 6px;
      font-size: 13px;
      color: var(--_text-muted);
    }
    .entry .author {
      font-weight: 700;
      color: var(--_text);
    }
    /* What people wrote is text: line breaks kept, long words wrapped, never markup. */
    .body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .files {
      display: grid;
      gap: 4px;
      margin-top: 8px;
      font-size: 14px;
    }
    .files a {
      overflow-wrap: anywhere;
    }

    form {
      display: grid;
      gap: 8px;
    }
    label {
      font-weight: 600;
    }
    .chosen {
      width: 100%;
    }
    textarea {
      width: 100%;
      min-height: 120px;
      padding: 10px 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      resize: vertical;
      /* 16px: iOS zooms the page into any smaller text field on focus. */
      font-size: 16px;
      line-height: 1.45;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .attach {
      display: grid;
      gap: 6px;
      justify-items: start;
    }
    .picker {
      display: inline-flex;
      align-items: center;
      min-height: 40px;
      padding: 8px 16px;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius-small);
      color: var(--_accent);
      cursor: pointer;
    }
    .picker:hover {
      background: var(--_surface-alt);
    }
    /* The input is hidden but keeps keyboard focus; its ring is drawn on the label that stands for it. */
    .attach:has(#files:focus-visible) .picker {
      outline: 2px solid transparent;
      outline-offset: 2px;
      box-shadow: var(--_focus-ring);
    }
    .hint {
      font-size: 13px;
      color: var(--_text-muted);
    }
    .chosen {
      display: grid;
      gap: 4px;
    }
    .chosen li {
      display: flex;
      align-items: center;
      gap: 8px;
      font-size: 14px;
    }
    .chosen .name {
      overflow-wrap: anywhere;
    }
    .chosen .size {
      color: var(--_text-muted);
    }
    .chosen .remove {
      min-height: 32px;
      padding: 0 10px;
      background: none;
      border: 1px solid var(--_border);
      font-size: 18px;
      line-height: 1;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }

    .resolve {
      display: grid;
      gap: 8px;
      justify-items: start;
      padding-top: 16px;
      border-top: 1px solid var(--_border);
    }
    .confirm {
      display: grid;
      gap: 8px;
    }
    .survey {
      padding: 16px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .gone {
      display: grid;
      gap: 8px;
    }
  `,
];
