import { css } from 'lit';
import { focusRing, tokens, visuallyHidden } from '../styles/index.js';
import { controls } from './console.styles.js';

export const conversationStyles = [
  tokens,
  focusRing,
  visuallyHidden,
  controls,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      min-width: 0;
    }
    .empty {
      flex: 1;
      display: grid;
      place-items: center;
      padding: 32px;
      color: var(--_text-muted);
      text-align: center;
    }
    .view {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 12px 16px;
      border-bottom: 1px solid var(--_border);
    }
    h2 {
      margin: 0;
      font-size: 1.15em;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 0;
      font-size: 0.9em;
      color: var(--_text-muted);
      min-width: 0;
      flex: 1 1 256px;
    }
    .facts div {
      display: flex;
      gap: 5.6px;
      min-width: 0;
    }
    .facts dt::after {
      content: ':';
    }
    .facts dd {
      margin: 0;
      color: var(--_text);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .facts .page {
      max-width: 100%;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-inline-start: auto;
    }
    .back {
      display: none;
    }
    .log {
      flex: 1;
      overflow-y: auto;
      padding: 16px;
      display: flex;
      flex-direction: column;
      gap: 9.6px;
      min-height: 128px;
    }
    .msg {
      max-width: min(608px, 85%);
      padding: 8px 12px;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
      align-self: flex-start;
    }
    .msg p {
      margin: 0;
    }
    .msg .body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .msg.agent {
      align-self: flex-end;
      background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
    }
    .msg.bot {
      border: 1px dashed var(--_border);
      background: var(--_surface);
    }
    .msg.system {
      align-self: center;
      background: none;
      color: var(--_text-muted);
      font-size: 0.88em;
      text-align: center;
    }
    .meta {
      display: flex;
      gap: 8px;
      align-items: baseline;
      font-size: 0.8em;
      color: var(--_text-muted);
    }
    .who {
      font-weight: 600;
      color: var(--_text);
    }
    .tag {
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      padding: 0 4.8px;
    }
    .articles {
      margin: 5.6px 0 0;
      padding-inline-start: 17.6px;
      font-size: 0.9em;
    }
    .delivery {
      font-size: 0.78em;
      color: var(--_text-muted);
      text-align: end;
    }
    .delivery.failed {
      color: var(--_danger);
    }
    .msg[data-delivery='sending'] .body {
      opacity: 0.75;
    }
    .typing {
      min-height: 1.3em;
      margin: 0;
      padding: 0 16px;
      font-size: 0.85em;
      color: var(--_text-muted);
    }
    .composer {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 4px 8px;
      padding: 8px 16px 16px;
      border-top: 1px solid var(--_border);
    }
    .composer textarea {
      resize: vertical;
      min-height: 3.2em;
      font: inherit;
    }
    .composer .hint {
      grid-column: 1;
      grid-row: 2;
      margin: 0;
    }
    .composer button {
      align-self: start;
    }
    .hint {
      color: var(--_text-muted);
      font-size: 0.82em;
    }
    .closed-note {
      margin: 0;
      padding: 12px 16px;
      border-top: 1px solid var(--_border);
      color: var(--_text-muted);
    }
    .error {
      color: var(--_danger);
      margin: 8px 16px;
    }
    dialog h3 {
      margin: 0 0 12px;
      font-size: 1.05em;
    }
    dialog form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    dialog .error {
      margin: 4px 0;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
    @media (max-width: 720px) {
      .back {
        display: inline-flex;
      }
      .actions {
        margin-inline-start: 0;
      }
    }
  `,
];
