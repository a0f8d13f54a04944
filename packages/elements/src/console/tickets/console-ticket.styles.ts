import { css } from 'lit';
import { ticketsBase } from './tickets.styles.js';

/** One ticket's view: header facts, the thread (notes unmistakable), the properties form and the history. */
export const ticketStyles = [
  ticketsBase,
  css`
    header {
      margin-bottom: 16px;
    }
    header .number {
      margin: 0 0 2px;
      color: var(--_text-muted);
    }
    header h3 {
      font-size: 19px;
      overflow-wrap: anywhere;
    }
    dl.facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      margin: 8px 0 0;
      font-size: 14px;
    }
    dl.facts div {
      display: flex;
      gap: 6px;
      align-items: baseline;
    }
    dt {
      color: var(--_text-muted);
    }
    dd {
      margin: 0;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(240px, 300px);
      gap: 20px;
      align-items: start;
    }
    @media (max-width: 860px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    form.props {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      margin-bottom: 16px;
    }
    form.props div {
      display: flex;
      flex-direction: column;
      gap: 3px;
    }
    form.props label {
      font-size: 13px;
    }
    .assignee-line {
      margin: 0;
    }
    .assign-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    ol.entries,
    ol.events {
      list-style: none;
      margin: 8px 0 16px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    .entry {
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      padding: 10px 12px;
    }
    .entry.customer {
      background: var(--_surface-alt);
    }
    /* A note must never pass for a reply: its own colour, a dashed edge, and its label in words. */
    .entry.note {
      border: 2px dashed #8a6d00;
      background: color-mix(in srgb, #f3c623 16%, var(--_surface));
    }
    .entry .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 10px;
      margin: 0 0 6px;
      font-size: 13px;
    }
    .entry .kind {
      font-weight: 700;
    }
    .entry.note .kind {
      text-transform: uppercase;
      letter-spacing: 0.03em;
    }
    ul.files {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 6px 14px;
      font-size: 14px;
    }
    a.file {
      color: var(--_accent);
    }
    ol.events li {
      display: flex;
      flex-direction: column;
      font-size: 14px;
    }
  `,
];
