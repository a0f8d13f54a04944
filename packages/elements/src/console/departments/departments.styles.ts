import { css } from 'lit';

/** The Departments tab's own look, over the console's shared tables, states and controls (kbBase). */
export const departmentsStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
  }
  .order {
    display: inline-flex;
    gap: 2px;
  }
  .order button {
    min-width: 28px;
    justify-content: center;
  }
  table.week th {
    text-align: start;
    font-weight: normal;
    padding-inline-end: 12px;
  }
  table.week td {
    padding: 2px 4px;
  }
  ul.holidays {
    list-style: none;
    padding: 0;
    margin: 0 0 8px;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
  }
  dialog h3 {
    margin-bottom: 8px;
  }
`;
