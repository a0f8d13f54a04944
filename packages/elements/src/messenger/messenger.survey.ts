/**
 * `Parley('survey', 'nps')`, loaded on its first call so the messenger's first open does not carry it.
 * The server decides whether this visitor may be asked now (the site's interval, once per 90 days by
 * default, remembered per visitor): if so, the panel opens on a card with <parley-survey>, in place of the
 * tabs until it is closed; if not, nothing is shown and `parley-survey-skipped` (and a console.debug line)
 * says why.
 *
 * The same card shows an invitation parley.js's daily check got (NPS after a number of days as a contact,
 * embed/src/nps-auto.ts), but never over an open panel: that one waits in storage for a later page.
 */
import { css, html, type TemplateResult } from 'lit';
import { visitorKeys } from '@parley/client';
import type { VisitorSession } from '@parley/protocol';
import { resolveLocale, type Catalogs } from '../internal/i18n.js';
import { callJson } from '../internal/rest.js';
import { storedVisitorToken } from '../internal/visitor-token.js';
import { fetchInvitation, requestNps, SurveyApiError } from '../survey/survey.api.js';
import '../survey/survey.js';
import type { ParleyMessenger } from './messenger.component.js';

const strings: Catalogs<{ label: string; close: string }> = {
  en: { label: 'Survey', close: 'Close the survey' },
  'zh-CN': { label: '问卷', close: '关闭问卷' },
  'zh-TW': { label: '問卷', close: '關閉問卷' },
};

/** While the card shows, it is the panel's content: the tabs wait (the chat is not opened, so no chat starts). */
const cardStyles = css`
  .panel:has(.survey-card) [role='tablist'],
  .survey-card ~ [role='tabpanel'] {
    display: none;
  }
  .survey-card {
    flex: 1;
    overflow-y: auto;
    padding: 12px 14px;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  .survey-close {
    float: right;
    margin-left: 8px;
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: transparent;
    color: inherit;
    font-size: 0.85em;
  }
`;

/** Where parley.js keeps an invitation its daily check got until a page shows it (embed/src/nps-auto.ts). */
const pendingKey = (site: string): string => `parley:${site}:nps-pending`;

const forget = (site: string): void => {
  try {
    localStorage.removeItem(pendingKey(site));
  } catch {
    // Storage blocked: parley.js could not have kept it either.
  }
};

/**
 * Asks the server, then shows the card (opening the panel) or says why not. With `token` (parley.js's
 * daily check), shows that invitation instead, unless the panel is open or the invitation is no longer
 * worth asking. Closing the card puts the panel back as the visitor had it (closed, or on their tab);
 * closing the panel dismisses the card.
 */
export async function askSurvey(host: ParleyMessenger, type: string, token?: string): Promise<void> {
  if (type !== 'nps') throw new Error(`unknown survey type "${type}": only "nps" is asked on request`);
  const server = host.server || location.origin;
  if (token) return showPending(host, server, token);
  const result = await requestNps(server, host.site, await visitorToken(server, host.site), resolveLocale(host));
  if (!result.asked) {
    console.debug(`[parley] NPS survey not shown: ${result.reason} (this visitor was asked within the site's interval)`);
    host.dispatchEvent(new CustomEvent('parley-survey-skipped', { detail: { reason: result.reason }, bubbles: true, composed: true }));
    return;
  }
  showCard(host, server, result.token);
}

/**
 * Not over an open panel (a chat, an article being read), nor while a person is in the chat (queued for
 * one, or talking to one, with the panel minimized): the invitation stays pending for a later page.
 */
async function showPending(host: ParleyMessenger, server: string, token: string): Promise<void> {
  if (busy(host)) return;
  let answered: boolean;
  try {
    answered = (await fetchInvitation(server, token)).answer !== null;
  } catch (err) {
    // Expired (30 days) or unknown: nothing left to ask. Unreachable: try on a later page.
    if (err instanceof SurveyApiError && err.status === 404) forget(host.site);
    return;
  }
  // The visitor may have opened the panel while this was asked.
  if (busy(host) && !answered) return;
  forget(host.site);
  if (!answered) showCard(host, server, token);
}

function busy(host: ParleyMessenger): boolean {
  const status = host.shadowRoot?.querySelector('parley-chat')?.client?.state.conversation?.status;
  return host.open || status === 'queued' || status === 'assigned';
}

function showCard(host: ParleyMessenger, server: string, token: string): void {
  // The panel's styles are the messenger's; the card's own join them once it is first needed.
  const root = host.shadowRoot;
  const sheet = cardStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const wasOpen = host.open;
  const dismiss = () => {
    if (host.surveyCard === card) host.surveyCard = null;
  };
  const close = () => {
    dismiss();
    if (wasOpen) return;
    host.hide();
    void host.updateComplete.then(() => root?.querySelector<HTMLElement>('.launcher')?.focus());
  };
  const card = (): TemplateResult => {
    const locale = resolveLocale(host);
    const t = strings[locale];
    return html`<section class="survey-card" aria-label=${t.label}>
      <button type="button" class="survey-close" @click=${close}>${t.close}</button>
      <parley-survey server=${server} token=${token} lang=${locale}></parley-survey>
    </section>`;
  };
  host.addEventListener('parley-close', dismiss, { once: true });
  host.surveyCard = card;
  host.show();
}

/**
 * The visitor the server remembers the asking by: the chat's (the same storage @parley/client keeps), or
 * a new one kept there, so the chat and the next page go on as the same visitor.
 */
async function visitorToken(server: string, site: string): Promise<string> {
  const stored = storedVisitorToken(site);
  if (stored) return stored;
  const session = await callJson<VisitorSession>(`${server.replace(/\/+$/, '')}/api/visitor/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey: site }),
  });
  try {
    localStorage.setItem(visitorKeys(site).session, JSON.stringify(session));
  } catch {
    // Storage blocked: asked this once; the next page may be a new visitor to the server.
  }
  return session.token;
}
