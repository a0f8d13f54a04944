/**
 * What the console's editors share (employee surveys, announcements): the look of a long form with
 * fieldsets and side-by-side language fields, and `datetime-local` values for ISO instants.
 */
import { css } from 'lit';

export const editorStyles = css`
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
  .localized {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
    gap: 8px;
  }
  .localized input,
  .localized textarea {
    width: 100%;
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
    font-size: 20px;
    font-weight: 600;
  }
`;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a `datetime-local` value in the browser's zone ('' for none). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value, read in the browser's zone, as an ISO instant (null for none). */
export const fromLocalInput = (value: string): string | null => (value ? new Date(value).toISOString() : null);
