import { css } from 'lit';

/** The Reports view's own look, on top of the console's shared tables, states and controls (kbBase). */
export const reportsStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px 12px;
    margin-bottom: 16px;
  }
  .filters div {
    display: flex;
    flex-direction: column;
    gap: 3px;
  }
  .filters label {
    font-size: 13px;
  }
  .filters .check {
    display: flex;
    align-items: center;
    gap: 6px;
    min-height: 34px;
  }
  .sections[aria-busy='true'] {
    opacity: 0.6;
  }
  .report-section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 12px 16px 16px;
    margin-bottom: 16px;
  }
  .section-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 12px;
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 8px;
    margin: 8px 0 12px;
  }
  .card {
    background: var(--_surface-alt);
    border-radius: var(--_radius-small);
    padding: 8px 10px;
  }
  .card dt {
    font-size: 13px;
    color: var(--_text-muted);
  }
  .card dd {
    margin: 0;
  }
  .card .value {
    font-size: 22px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .card .previous {
    font-size: 12px;
    color: var(--_text-muted);
  }
  .change.good {
    color: var(--_success);
  }
  .change.bad {
    color: var(--_danger);
  }
  .breakdowns {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 12px 0 8px;
  }
  .breakdowns button[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 -3px 0 var(--_accent);
    font-weight: 600;
  }
  /* Long periods by day make long tables: they scroll within the section (the wrapper is focusable for that). */
  .table-wrap {
    max-height: 360px;
    overflow: auto;
  }
  .table-wrap thead th {
    position: sticky;
    top: 0;
    background: var(--_surface);
  }
  .report-section h4 {
    margin: 16px 0 6px;
  }
  .comments {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .comments li {
    border-top: 1px solid var(--_border);
    padding: 6px 0;
  }
  .comments p {
    margin: 4px 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .monthly-list {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .monthly-list li {
    display: flex;
    gap: 12px;
    align-items: baseline;
    padding: 4px 0;
  }
  .month {
    font-variant-numeric: tabular-nums;
    min-width: 6em;
  }
`;
