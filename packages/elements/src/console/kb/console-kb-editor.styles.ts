import { css } from 'lit';
import { kbBase } from './kb.styles.js';

export const editorStyles = [
  kbBase,
  css`
    :host {
      container-type: inline-size;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 12px;
    }
    .top h3 {
      flex: 1 1 240px;
      overflow-wrap: anywhere;
    }
    .stats {
      margin: 0;
      font-size: 13px;
      color: var(--_text-muted);
    }
    .versions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 0 0 12px;
      padding: 0;
      border: none;
    }
    .versions button[aria-pressed='true'] {
      border-color: var(--_accent);
      box-shadow: inset 0 -3px 0 var(--_accent);
      font-weight: 600;
    }
    .versions .state-word {
      font-size: 12px;
      color: var(--_text-muted);
      font-weight: 400;
    }
    .versions .dirty {
      color: var(--_danger);
      font-size: 12px;
    }
    .versions button.add {
      border-style: dashed;
    }
    .from-gap {
      margin: 0 0 12px;
      padding: 8px 12px;
      border-inline-start: 3px solid var(--_accent);
      background: var(--_surface-alt);
    }
    .grid {
      display: grid;
      grid-template-columns: 1fr;
      gap: 16px;
    }
    @container (min-width: 880px) {
      .grid {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
    .fields {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-width: 0;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 3px;
    }
    .field label {
      font-size: 14px;
    }
    textarea {
      min-height: 320px;
      resize: vertical;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 13px;
      line-height: 1.5;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .field .error {
      font-size: 13px;
    }
    .beside {
      min-width: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      padding: 12px;
      background: var(--_surface);
    }
    .beside-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin-bottom: 8px;
      padding-bottom: 8px;
      border-bottom: 1px solid var(--_border);
    }
    .beside-head label {
      font-size: 13px;
      font-weight: 400;
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .reference-title {
      font-size: 18px;
      margin: 0 0 8px;
    }
    .rendered {
      font-size: 15px;
      overflow-wrap: anywhere;
    }
    .rendered.plain {
      white-space: pre-wrap;
    }
    .rendered :is(p, ul, ol, pre, blockquote, table) {
      margin: 0 0 12px;
    }
    .rendered :is(ul, ol) {
      padding-inline-start: 22px;
    }
    .rendered :is(h5, h6) {
      margin: 16px 0 8px;
      font-size: 16px;
    }
    .rendered h6 {
      font-size: 15px;
    }
    .rendered img {
      max-width: 100%;
      height: auto;
    }
    .rendered pre {
      overflow-x: auto;
      padding: 10px;
      background: var(--_surface-alt);
      border-radius: var(--_radius-small);
    }
    .rendered code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 13px;
    }
    .rendered a {
      color: var(--_accent);
    }
    .rendered blockquote {
      padding-inline-start: 12px;
      border-inline-start: 3px solid var(--_border);
      color: var(--_text-muted);
    }
    .rendered :is(th, td) {
      border: 1px solid var(--_border);
      padding: 4px 8px;
    }
    .preview-state {
      font-size: 13px;
      color: var(--_text-muted);
      min-height: 18px;
      margin: 0 0 6px;
    }
    .footer {
      grid-column: 1 / -1;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .actions .delete {
      margin-inline-start: auto;
    }
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .loading {
      padding: 24px 0;
    }
  `,
];
