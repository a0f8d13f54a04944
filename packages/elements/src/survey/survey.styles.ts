import { css } from 'lit';
import { focusRing, inlineHost, tokens, visuallyHidden } from '../styles/index.js';
import { panelBase, panelControls } from '../styles/panel.js';

/** px only: a host page's root font-size (rem) or stray global rules cannot resize the survey. */
export const surveyStyles = [
  tokens,
  inlineHost,
  focusRing,
  visuallyHidden,
  panelBase,
  panelControls,
  css`
    h2 {
      font-size: 20px;
      margin-bottom: 12px;
    }
    .state {
      color: var(--_text-muted);
    }
    form,
    .done {
      display: grid;
      gap: 14px;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 10px;
      font-weight: 600;
      font-size: 16px;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .options label {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 40px;
      min-height: 40px;
      padding: 4px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      cursor: pointer;
      font-size: 16px;
      user-select: none;
    }
    .csat .options label {
      min-width: 48px;
      min-height: 48px;
      font-size: 26px;
    }
    .options input:checked + label {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-contrast);
    }
    .options input:focus-visible + label {
      outline: 2px solid transparent;
      outline-offset: 2px;
      box-shadow: var(--_focus-ring);
    }
    .options input:disabled + label {
      cursor: default;
      opacity: 0.6;
    }
    @media (forced-colors: active) {
      .options input:checked + label {
        outline: 3px solid Highlight;
      }
      .options input:focus-visible + label {
        outline: 2px solid CanvasText;
      }
    }
    .ends {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      margin-top: 6px;
      font-size: 13px;
      color: var(--_text-muted);
    }
    .field {
      display: grid;
      gap: 4px;
    }
    .field label,
    .label {
      font-weight: 600;
      font-size: 14px;
    }
    textarea {
      width: 100%;
      min-height: 96px;
      padding: 8px 10px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      /* 16px: iOS zooms the page into any smaller text field on focus. */
      font-size: 16px;
      resize: vertical;
    }
    .error {
      color: var(--_danger);
      font-size: 14px;
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .comment .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .state.error {
      color: var(--_danger);
    }
    .state button {
      margin-top: 8px;
    }
  `,
];
