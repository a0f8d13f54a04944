import { css } from 'lit';
import { tokens } from '../styles/tokens.js';
import { focusRing, visuallyHidden } from '../styles/focus.js';
import { overlayHost } from '../styles/isolate.js';
import { floating } from '../styles/floating.js';

export const chatStyles = [
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
      border-radius: var(--_radius-small);
    }
    [hidden] {
      display: none !important;
    }


    /* Inside the messenger: fill its tab panel instead of floating. */
    .panel.inline {
      position: static;
      flex: 1;
      width: auto;
      height: 100%;
      min-height: 0;
      border: none;
      border-radius: 0;
      box-shadow: none;
      animation: none;
    }
    .presence {
      margin: 0;
      padding: 6px 14px;
      font-size: 0.82em;
      color: var(--_text-muted);
      border-bottom: 1px solid var(--_border);
    }

    header {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 14px;
      background: var(--_accent);
      color: var(--_accent-contrast);
    }
    header .titles {
      flex: 1;
      min-width: 0;
    }
    header h2 {
      margin: 0;
      font-size: 1.05em;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    header .sub {
      margin: 2px 0 0;
      font-size: 0.82em;
      opacity: 0.92;
    }
    header button {
      background: transparent;
      color: inherit;
      border: 1px solid currentColor;
      padding: 4px 10px;
      font-size: 0.85em;
    }

    .banner {
      padding: 6px 14px;
      font-size: 0.85em;
      background: var(--_surface-alt);
      color: var(--_text);
      border-bottom: 1px solid var(--_border);
    }
    .banner.error {
      color: var(--_danger);
    }

    .log {
      flex: 1;
      overflow-y: auto;
      padding: 12px 14px;
      display: flex;
      flex-direction: column;
      gap: 8px;
      overscroll-behavior: contain;
    }
    .loading {
      color: var(--_text-muted);
      text-align: center;
      margin: auto;
    }
    .msg {
      max-width: 85%;
      display: flex;
      flex-direction: column;
      gap: 2px;
      align-self: flex-start;
    }
    .msg[data-author='visitor'] {
      align-self: flex-end;
      align-items: flex-end;
    }
    .msg[data-author='system'] {
      align-self: center;
      max-width: 100%;
      color: var(--_text-muted);
      font-size: 0.85em;
      text-align: center;
    }
    .who {
      font-size: 0.78em;
      color: var(--_text-muted);
    }
    .bubble {
      padding: 8px 12px;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      line-height: 1.4;
    }
    .msg[data-author='visitor'] .bubble {
      background: var(--_accent);
      color: var(--_accent-contrast);
    }
    .msg[data-delivery='sending'] .bubble {
      opacity: 0.65;
    }
    .msg[data-delivery='failed'] .bubble {
      outline: 1px solid var(--_danger);
    }
    .meta {
      font-size: 0.75em;
      color: var(--_text-muted);
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .meta.failed {
      color: var(--_danger);
    }
    .meta button,
    .link-button {
      background: none;
      border: none;
      padding: 2px 4px;
      color: var(--_accent);
      text-decoration: underline;
      font-size: inherit;
    }
    .articles {
      margin: 4px 0 0;
      padding-left: 18px;
      font-size: 0.9em;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-top: 4px;
    }
    .feedback {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      margin: 4px 0 0;
      font-size: 0.85em;
      color: var(--_text-muted);
    }
    .feedback .choices {
      display: inline-flex;
      gap: 6px;
    }
    .feedback .secondary {
      padding: 2px 10px;
    }
    .feedback [aria-disabled='true'] {
      opacity: 0.6;
      cursor: progress;
    }
    .feedback .note {
      flex-basis: 100%;
      color: var(--_danger);
    }
    .secondary {
      background: var(--_surface);
      color: var(--_accent);
      border: 1px solid var(--_accent);
      padding: 6px 12px;
    }
    .primary {
      background: var(--_accent);
      color: var(--_accent-contrast);
      border: 1px solid var(--_accent);
      padding: 6px 14px;
    }
    .danger {
      background: var(--_danger);
      color: var(--_surface);
      border: 1px solid var(--_danger);
      padding: 6px 12px;
    }
    .typing {
      min-height: 1.2em;
      padding: 0 14px;
      font-size: 0.8em;
      color: var(--_text-muted);
      font-style: italic;
    }
    .status {
      padding: 0 14px;
      font-size: 0.85em;
      color: var(--_text);
    }
    .status:not(:empty) {
      padding: 8px 14px;
      border-top: 1px solid var(--_border);
      background: var(--_surface-alt);
    }
    .status p {
      margin: 0;
    }
    .status .note {
      margin-top: 4px;
      color: var(--_text-muted);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 14px 0;
    }
    .tools .end {
      margin-left: auto;
    }
    .tools .hint {
      flex-basis: 100%;
      margin: 0;
      font-size: 0.8em;
      color: var(--_text-muted);
    }
    .composer {
      display: flex;
      gap: 8px;
      padding: 10px 14px 14px;
      align-items: flex-end;
    }
    textarea {
      flex: 1;
      resize: none;
      font: inherit;
      min-height: 42px;
      max-height: 140px;
      padding: 9px 10px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      color: var(--_text);
    }
    .error {
      margin: auto;
      padding: 16px;
      text-align: center;
    }
    .error h3 {
      margin: 0 0 6px;
      font-size: 1em;
      color: var(--_danger);
    }
    .ended {
      padding: 10px 14px 14px;
      display: flex;
      flex-direction: column;
      gap: 8px;
      align-items: center;
      color: var(--_text-muted);
    }
    .ended p {
      margin: 0;
    }
  `,
];
