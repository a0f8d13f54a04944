import { css } from 'lit';

/** The employee surveys view's own look, on top of the console's shared tables, states and controls (kbBase). */
export const surveysStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0 0 12px;
  }
  .tabs button[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 -3px 0 var(--_accent);
    font-weight: 600;
  }
  td.comment {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .spacer {
    flex: 1;
  }
  .option {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    margin-bottom: 6px;
  }
  .option .localized {
    flex: 1;
  }
  .open-panel {
    border-top: 1px solid var(--_border);
    margin-top: 20px;
    padding-top: 8px;
  }
  .question-result {
    margin: 12px 0 18px;
  }
  .question-result h5 {
    font-size: 15px;
    margin: 0 0 4px;
  }
  table.bars {
    width: auto;
    min-width: 320px;
  }
  .bar-cell {
    width: 200px;
  }
  .bar-cell progress {
    width: 100%;
    height: 10px;
    accent-color: var(--_accent);
  }
  .texts {
    margin: 4px 0;
    padding-left: 20px;
  }
  .texts li {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 2px 0;
  }
  .badge.state-open {
    border-color: var(--_success);
    color: var(--_success);
  }
`;
