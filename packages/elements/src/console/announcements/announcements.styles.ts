import { css } from 'lit';

/** The announcements view's own look, on top of the console's shared tables, states and controls (kbBase). */
export const announcementsStyles = css`
  .back {
    margin-bottom: 12px;
  }
  form > * + * {
    margin-top: 10px;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 8px 12px 12px;
    margin: 10px 0;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  label {
    display: block;
    font-size: 13px;
    margin-bottom: 2px;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 6px;
    font-size: inherit;
    margin: 4px 0;
  }
  .choice {
    margin: 4px 0 8px;
  }
  .choice .hint {
    margin-inline-start: 24px;
  }
  .localized {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
    gap: 8px;
  }
  .localized input,
  .localized textarea,
  textarea.people {
    width: 100%;
  }
  .localized textarea {
    min-height: 8em;
    font-family: inherit;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px 12px;
    margin-bottom: 8px;
  }
  .departments {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 12px 0;
  }
  .preview-panel {
    border-top: 1px solid var(--_border);
    margin-top: 20px;
    padding-top: 8px;
  }
  .preview {
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 8px 12px;
    margin-top: 8px;
  }
  .preview.priority-important {
    border-color: var(--_accent);
  }
  .preview.priority-urgent {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .preview .rendered {
    overflow-wrap: anywhere;
  }
  .preview .rendered.plain {
    white-space: pre-wrap;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 24px;
    margin: 8px 0 12px;
  }
  .summary dt {
    font-size: 13px;
    color: var(--_text-muted);
  }
  .summary dd {
    margin: 0;
    font-size: 18px;
    font-weight: 600;
  }
  .missing table {
    min-width: 320px;
    margin-bottom: 16px;
  }
  .missing caption {
    text-align: start;
    font-weight: 600;
    padding: 8px 0 4px;
  }
  .badge.state-live {
    border-color: var(--_success);
    color: var(--_success);
  }
  .badge.state-withdrawn {
    color: var(--_text-muted);
  }
  .badge.priority-important {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .badge.priority-urgent {
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }
`;
