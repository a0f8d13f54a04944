import { css } from 'lit';

/** The announcements view's own look, on top of the console's shared tables, states and controls (kbBase). */
export const announcementsStyles = css`
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
