import { css } from 'lit';
import { focusRing, inlineHost, tokens, visuallyHidden } from '../styles/index.js';

/** Buttons, form fields and dialogs as the console draws them; shared by every console view. */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 5.6px;
    padding: 6.4px 13.6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    cursor: pointer;
    transition: background var(--_transition);
  }
  button:hover:not(:disabled) {
    background: var(--_surface-alt);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 85%, black);
  }
  button.danger {
    color: var(--_danger);
    border-color: currentColor;
  }
  input,
  select,
  textarea {
    padding: 7.2px 9.6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
  }
  label {
    font-weight: 600;
  }
  /* Confirmation dialogs (close, transfer, delete, leave), the same in every console view. */
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    padding: 20px;
    width: min(416px, calc(100vw - 32px));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
`;

export const consoleStyles = [
  tokens,
  inlineHost,
  focusRing,
  visuallyHidden,
  controls,
  css`
    :host {
      height: 100%;
      min-height: 384px;
      background: var(--_surface);
      box-sizing: border-box;
    }
    /* A page that is nothing but the console: fill the viewport without help from page CSS (strict CSP). */
    :host([fullpage]) {
      position: fixed;
      inset: 0;
      height: auto;
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

    /* ---------- sign-in ---------- */
    .sign-in {
      display: grid;
      place-items: center;
      min-height: 100%;
      padding: 32px 16px;
    }
    .sign-in-box {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 16px;
    }
    .sign-in form {
      display: flex;
      flex-direction: column;
      gap: 6.4px;
      width: min(352px, 100%);
      padding: 24px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: var(--_shadow);
    }
    .sign-in h1 {
      font-size: 1.25em;
      margin: 0 0 12px;
    }
    .sign-in input {
      margin-bottom: 8px;
    }
    .sign-in button {
      justify-content: center;
      margin-top: 8px;
    }
    /* Two-factor: the code step's help and its "use a recovery code" links; the enrolment screen. */
    .sign-in .hint {
      margin: 0 0 4px;
      color: var(--_text-muted);
    }
    .sign-in button.link {
      background: none;
      border: none;
      color: var(--_accent);
      text-decoration: underline;
      padding: 4px 0;
      margin-top: 0;
    }
    .sign-in.enrol {
      place-items: start center;
    }
    .error {
      color: var(--_danger);
      margin: 0;
    }
    /* Kept in the tree while empty: a live region must exist before its text arrives to be announced. */
    .error:empty {
      margin: 0;
    }
    .notice {
      margin: 0;
      color: var(--_text-muted);
    }

    /* ---------- signed in ---------- */
    .shell {
      display: flex;
      flex-direction: column;
      height: 100%;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 9.6px 16px;
      border-bottom: 1px solid var(--_border);
      background: var(--_surface-alt);
    }
    .top h1 {
      font-size: 1.05em;
      margin: 0;
      margin-inline-end: auto;
    }
    .me {
      display: flex;
      gap: 6.4px;
      align-items: baseline;
    }
    .me .role {
      color: var(--_text-muted);
      font-size: 0.88em;
    }
    .views {
      display: flex;
      gap: 4px;
    }
    .views button[aria-current='page'] {
      border-color: var(--_accent);
      box-shadow: inset 0 -3px 0 var(--_accent);
      font-weight: 600;
    }
    .views .count {
      font-size: 12px;
    }
    parley-console-kb {
      flex: 1;
      min-height: 0;
    }
    .presence {
      display: flex;
      align-items: center;
      gap: 6.4px;
    }
    button[aria-pressed='true'] {
      background: var(--_text);
      color: var(--_surface);
    }
    .banner {
      margin: 0;
      padding: 6.4px 16px;
      background: color-mix(in srgb, var(--_danger) 12%, var(--_surface));
      border-bottom: 1px solid var(--_border);
    }
    .banner.info {
      background: var(--_surface-alt);
    }
    .panels {
      flex: 1;
      display: grid;
      grid-template-columns: minmax(256px, 352px) 1fr;
      min-height: 0;
    }
    .lists {
      display: flex;
      flex-direction: column;
      border-inline-end: 1px solid var(--_border);
      overflow-y: auto;
      min-height: 0;
    }
    .lists section {
      padding: 12px 12px 16px;
    }
    .lists section + section {
      border-top: 1px solid var(--_border);
    }
    .section-head {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 6.4px;
    }
    h2 {
      font-size: 1em;
      margin: 0;
    }
    h3 {
      font-size: 0.85em;
      margin: 9.6px 0 4.8px;
      color: var(--_text-muted);
      text-transform: uppercase;
      letter-spacing: 0.03em;
    }
    .count {
      min-width: 1.5em;
      padding: 0 0.4em;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_accent-contrast);
      font-size: 0.8em;
      font-weight: 700;
      text-align: center;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 6.4px;
    }
    .item {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 1.6px 8px;
      padding: 8px 9.6px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      min-width: 0;
    }
    .item.fresh {
      animation: fresh 1.2s ease-out 3;
      border-color: var(--_accent);
    }
    @keyframes fresh {
      from {
        background: color-mix(in srgb, var(--_accent) 25%, var(--_surface));
      }
    }
    .item .name {
      font-weight: 600;
    }
    .item .line {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 0.88em;
      color: var(--_text-muted);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .item .wait {
      font-size: 0.82em;
      color: var(--_text-muted);
    }
    .item .take {
      grid-column: 2;
      grid-row: 1 / span 2;
      align-self: center;
    }
    button.conversation {
      width: 100%;
      text-align: start;
      display: grid;
      font-weight: inherit;
    }
    button.conversation[aria-current='true'] {
      border-color: var(--_accent);
      box-shadow: inset 3px 0 0 var(--_accent);
      background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    }
    .unread {
      grid-column: 2;
      grid-row: 1;
      justify-self: end;
    }
    .empty-list {
      margin: 4px 0;
      color: var(--_text-muted);
      font-size: 0.92em;
    }
    parley-console-conversation {
      min-height: 0;
      min-width: 0;
    }

    /* Narrow screens: one panel at a time; the conversation replaces the lists while open. */
    @media (max-width: 720px) {
      .panels {
        grid-template-columns: 1fr;
      }
      .lists {
        border-inline-end: none;
      }
      .panels.has-selection .lists,
      .panels:not(.has-selection) parley-console-conversation {
        display: none;
      }
    }
  `,
];
