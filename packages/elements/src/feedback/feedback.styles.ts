import { css } from 'lit';
import { focusRing, inlineHost, tokens, visuallyHidden } from '../styles/index.js';
import { panelBase, panelControls } from '../styles/panel.js';

/** px only: a host page's root font-size (rem) or stray global rules cannot resize the form. */
export const feedbackStyles = [
  tokens,
  inlineHost,
  focusRing,
  visuallyHidden,
  panelBase,
  panelControls,
  css`
    h2 {
      font-size: 20px;
      margin-bottom: 8px;
    }
    .intro,
    .state {
      color: var(--_text-muted);
    }
    .intro {
      margin-bottom: 12px;
    }

    form {
      display: grid;
      gap: 14px;
    }
    form[aria-busy='true'] .field {
      opacity: 0.75;
    }
    .field {
      display: grid;
      gap: 4px;
    }
    label,
    .label {
      font-weight: 600;
      font-size: 14px;
    }
    .req {
      color: var(--_danger);
      font-weight: 400;
    }
    input:not([type='checkbox']):not([type='file']),
    select,
    textarea {
      width: 100%;
      min-height: 40px;
      padding: 8px 10px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      /* 16px: iOS zooms the page into any smaller text field on focus. */
      font-size: 16px;
    }
    textarea {
      min-height: 120px;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger) !important;
      box-shadow: 0 0 0 1px var(--_danger);
    }
    .error {
      color: var(--_danger);
      font-size: 14px;
    }
    .error p + p {
      margin-top: 2px;
    }
    .check {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 8px;
      align-items: start;
      padding: 10px 12px;
      border-radius: var(--_radius-small);
      background: var(--_surface-alt);
    }
    .check input {
      margin: 3px 0 0;
      width: 18px;
      height: 18px;
    }
    .check .hint {
      grid-column: 2;
    }
    input[type='file'] {
      max-width: 100%;
      font-size: 14px;
    }
    .files {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .files li {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 6px 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .files .fname {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .files .fsize {
      color: var(--_text-muted);
      font-size: 13px;
    }
    .files button {
      min-height: 30px;
      padding: 2px 10px;
      font-size: 14px;
    }
    .form-error {
      padding: 10px 12px;
      border-radius: var(--_radius-small);
      border: 1px solid var(--_danger);
      color: var(--_danger);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 12px;
    }

    .done {
      display: grid;
      gap: 12px;
    }
    .link-row {
      display: flex;
      gap: 8px;
    }
    .link-row input {
      flex: 1;
      min-width: 0;
      font-size: 14px !important;
    }
    .copied {
      color: var(--_success);
      font-size: 14px;
    }
    .note {
      padding: 10px 12px;
      border-radius: var(--_radius-small);
      background: var(--_surface-alt);
    }
    .state {
      margin: 16px 0;
    }
    .state.error {
      color: var(--_danger);
    }
    .state button {
      margin-top: 8px;
    }
  `,
];
