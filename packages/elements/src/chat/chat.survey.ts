/**
 * What a closed chat's "how did we do?" needs besides <parley-survey>, loaded with it the first time one
 * is shown (the chat's first open does not carry it): its place where the composer was (scrolling on its
 * own when the panel is short), and the log above keeping its newest line in view while the survey
 * below loads and grows, which shrinks the log.
 */
import { css } from 'lit';
import '../survey/survey.js';

/** The chat element, as far as this file needs it. */
export interface SurveyHost extends HTMLElement {
  keepLogAtBottom(): void;
  updateComplete: Promise<boolean>;
}

const sheet = css`
  .ended {
    max-height: 70%;
    overflow-y: auto;
  }
  .ended parley-survey {
    align-self: stretch;
    padding: 12px 0;
    border-block: 1px solid var(--_border);
  }
`.styleSheet;

const resize = new ResizeObserver((entries) => {
  for (const e of entries) ((e.target.getRootNode() as ShadowRoot).host as SurveyHost | undefined)?.keepLogAtBottom();
});
const watched = new WeakSet<Element>();

/** Called on each render that shows a survey: styles once per chat, and a watch on each survey element. */
export function follow(host: SurveyHost): void {
  const root = host.shadowRoot;
  if (!root) return;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  void host.updateComplete.then(() => {
    const survey = root.querySelector('parley-survey');
    if (!survey || watched.has(survey)) return;
    watched.add(survey);
    resize.observe(survey);
  });
}
