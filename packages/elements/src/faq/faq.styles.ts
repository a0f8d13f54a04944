import { css } from 'lit';
import { tokens } from '../styles/tokens.js';
import { focusRing, visuallyHidden } from '../styles/focus.js';

/** px only: a host page's root font-size (rem) or stray global rules cannot resize the help center. */
export const faqStyles = [
  tokens,
  focusRing,
  visuallyHidden,
  css`
    :host {
      display: block;
      line-height: 1.5;
      background: var(--_surface);
      text-align: start;
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .base {
      padding: 16px;
    }
    h2,
    h3,
    p {
      margin: 0;
    }
    h2 {
      font-size: 20px;
      line-height: 1.3;
      font-weight: 700;
    }
    /* Focus lands on a view's heading so screen readers start there; it is not a control, so no ring. */
    h2[tabindex='-1']:focus-visible {
      box-shadow: none;
    }
    h3 {
      font-size: 14px;
      font-weight: 600;
      color: var(--_text-muted);
      margin: 20px 0 8px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    button,
    input,
    textarea {
      font: inherit;
      color: inherit;
    }
    button {
      cursor: pointer;
      border-radius: var(--_radius-small);
    }
    button:disabled,
    button[aria-disabled='true'] {
      cursor: default;
      opacity: 0.6;
    }
    a {
      color: var(--_accent);
    }
    svg {
      width: 18px;
      height: 18px;
      flex: none;
    }

    .top {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
      margin-bottom: 12px;
    }
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      background: none;
      border: none;
      padding: 4px 8px 4px 2px;
      color: var(--_accent);
      font-size: 14px;
    }

    .search {
      position: relative;
      display: flex;
      align-items: center;
    }
    .search .icon {
      position: absolute;
      left: 12px;
      color: var(--_text-muted);
      pointer-events: none;
    }
    .search input {
      width: 100%;
      min-height: 44px;
      padding: 10px 44px 10px 38px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      /* 16px: iOS zooms the page into any smaller text field on focus. */
      font-size: 16px;
    }
    .search input::placeholder {
      color: var(--_text-muted);
      opacity: 1;
    }
    .search input::-webkit-search-cancel-button {
      appearance: none;
    }
    .clear {
      position: absolute;
      right: 4px;
      width: 36px;
      height: 36px;
      border: none;
      background: none;
      font-size: 22px;
      line-height: 1;
      color: var(--_text-muted);
    }

    .categories {
      display: grid;
      gap: 8px;
    }
    .categories button,
    .item {
      display: flex;
      flex-direction: column;
      gap: 2px;
      width: 100%;
      padding: 12px 14px;
      text-align: start;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      transition: background var(--_transition);
    }
    .categories button:hover,
    .item:hover {
      background: var(--_surface-alt);
    }
    .name,
    .item .title {
      font-weight: 600;
    }
    .count,
    .excerpt,
    .meta {
      font-size: 13px;
      color: var(--_text-muted);
    }
    .list {
      display: grid;
      gap: 8px;
      margin-top: 16px;
    }
    .list[aria-busy='true'] {
      opacity: 0.7;
    }
    .item {
      color: var(--_text);
      text-decoration: none;
    }
    .item .title {
      color: var(--_accent);
    }
    .excerpt {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }

    .state {
      margin: 16px 0;
      color: var(--_text-muted);
    }
    .state p + p {
      margin-top: 4px;
    }
    .state .none {
      color: var(--_text);
      font-weight: 600;
    }
    .state.error p {
      color: var(--_danger);
      margin-bottom: 8px;
    }
    .secondary {
      background: var(--_surface);
      color: var(--_accent);
      border: 1px solid var(--_accent);
      padding: 6px 14px;
      min-height: 36px;
    }
    .primary {
      background: var(--_accent);
      color: var(--_accent-contrast);
      border: 1px solid var(--_accent);
      padding: 6px 16px;
      min-height: 36px;
    }

    .meta {
      margin: 4px 0 16px;
    }
    .body {
      font-size: 15px;
      overflow-wrap: anywhere;
    }
    .body.plain {
      white-space: pre-wrap;
    }
    .body :is(p, ul, ol, pre, blockquote, table) {
      margin: 0 0 12px;
    }
    .body ul,
    .body ol {
      padding-left: 22px;
    }
    .body ul {
      list-style: disc;
    }
    .body :is(h3, h4, h5, h6) {
      margin: 20px 0 8px;
      font-size: 16px;
      color: var(--_text);
    }
    .body :is(h5, h6) {
      font-size: 15px;
    }
    .body img {
      max-width: 100%;
      height: auto;
    }
    .body pre {
      overflow-x: auto;
      padding: 10px;
      background: var(--_surface-alt);
      border-radius: var(--_radius-small);
    }
    .body code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 13px;
    }
    .body table {
      display: block;
      overflow-x: auto;
      border-collapse: collapse;
    }
    .body :is(th, td) {
      border: 1px solid var(--_border);
      padding: 4px 8px;
    }
    .body blockquote {
      padding-left: 12px;
      border-left: 3px solid var(--_border);
      color: var(--_text-muted);
    }
    .versions {
      margin-top: 16px;
      font-size: 13px;
      color: var(--_text-muted);
    }

    .feedback,
    .contact {
      margin-top: 20px;
      padding: 14px;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .question {
      font-weight: 600;
    }
    .votes {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .votes [aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-contrast);
    }
    .comment {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 6px;
      margin-top: 12px;
    }
    .comment label {
      font-size: 14px;
    }
    .comment textarea {
      width: 100%;
      padding: 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      font-size: 16px;
      resize: vertical;
    }
    .fb-status:not(:empty) {
      margin-top: 8px;
      color: var(--_success);
    }
    .fb-status.error {
      color: var(--_danger);
    }
    .contact {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
  `,
];
