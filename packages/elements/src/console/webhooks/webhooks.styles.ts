import { css } from 'lit';

/** The Integrations view's own look, on top of the console's shared tables, states and controls (kbBase). */
export const webhooksStyles = css`
  .choice {
    margin: 4px 0 8px;
  }
  .choice .hint {
    margin-inline-start: 24px;
    margin-top: 0;
  }
  .events {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
    gap: 0 16px;
  }
  input.wide {
    width: min(100%, 40em);
  }
  .secret-once {
    border: 2px solid var(--_accent);
    border-radius: var(--_radius-small);
    padding: 8px 12px;
    margin: 12px 0;
  }
  .secret-once input {
    font-family: ui-monospace, monospace;
    width: min(100%, 36em);
  }
  .url {
    overflow-wrap: anywhere;
    font-family: ui-monospace, monospace;
    font-size: 13px;
  }
  .badge.status-delivered {
    border-color: var(--_success);
    color: var(--_success);
  }
  .badge.status-failed {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .log {
    border-top: 1px solid var(--_border);
    margin-top: 24px;
    padding-top: 8px;
  }
  pre.payload {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 8px;
    max-height: 24em;
    overflow: auto;
  }
`;
