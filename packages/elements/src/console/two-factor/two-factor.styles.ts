/** Shared look of the enrolment screen and the Account tab's forms. */
import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
  }
  h2,
  h3 {
    margin: 0 0 8px;
  }
  h2 {
    font-size: 20px;
  }
  h3 {
    font-size: 16px;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  form,
  .stack {
    display: flex;
    flex-direction: column;
    gap: 8px;
    max-width: 420px;
  }
  label {
    font-weight: 600;
  }
  input[type='text'],
  input[type='password'] {
    font: inherit;
    padding: 8px 10px;
    border: 1px solid var(--parley-border, #cbd5e1);
    border-radius: var(--parley-radius-small, 6px);
  }
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--parley-focus, #2563eb);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    padding: 7px 14px;
    border-radius: var(--parley-radius-small, 6px);
    border: 1px solid var(--parley-border, #cbd5e1);
    background: var(--parley-surface, #fff);
    color: inherit;
    cursor: pointer;
    align-self: flex-start;
  }
  button.primary {
    background: var(--parley-accent, #1d4ed8);
    color: var(--parley-accent-contrast, #fff);
    border-color: transparent;
  }
  button.danger {
    color: var(--parley-danger, #b91c1c);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .hint {
    color: var(--parley-text-muted, #475569);
    margin: 0;
  }
  .error {
    color: var(--parley-danger, #b91c1c);
    margin: 0;
  }
  .error:empty,
  .notice:empty {
    display: none;
  }
  .notice {
    margin: 0;
  }
  .qr {
    width: 200px;
    height: 200px;
    background: #fff;
    border: 1px solid var(--parley-border, #cbd5e1);
  }
  .secret {
    font-family: ui-monospace, monospace;
    font-size: 15px;
    letter-spacing: 0.05em;
    word-break: break-all;
    user-select: all;
  }
  ul.codes {
    display: grid;
    grid-template-columns: repeat(2, max-content);
    gap: 6px 24px;
    margin: 4px 0;
    padding: 12px 16px;
    list-style: none;
    border: 1px solid var(--parley-border, #cbd5e1);
    border-radius: var(--parley-radius-small, 6px);
    font-size: 15px;
  }
  section + section {
    margin-top: 28px;
  }
`;
