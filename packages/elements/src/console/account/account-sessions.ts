/** The Account tab's table of the person's sessions, and how a browser is named in it. */
import { html, type TemplateResult } from 'lit';
import type { AccountSession } from '@parley/protocol';
import type { AccountStrings } from './account.strings.js';

/** "Chrome on Windows" from a User-Agent: enough to tell one's own sessions apart. */
export function deviceName(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Android/.test(userAgent)
          ? 'Android'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (!browser && !os) return unknown;
  return [browser, os].filter(Boolean).join(' · ');
}

export interface SessionsView {
  s: AccountStrings;
  sessions: readonly AccountSession[];
  when(iso: string | null): string;
  busy: boolean;
  end(id: string): void;
  endOthers(): void;
}

export function renderSessions(v: SessionsView): TemplateResult {
  const { s } = v;
  const others = v.sessions.filter((x) => !x.current).length;
  return html`
    <table>
      <caption class="visually-hidden">${s.sessionsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">${s.device}</th>
          <th scope="col">${s.signedIn}</th>
          <th scope="col">${s.lastActive}</th>
          <th scope="col">${s.expires}</th>
          <th scope="col"><span class="visually-hidden">${s.actions}</span></th>
        </tr>
      </thead>
      <tbody>
        ${v.sessions.map((x) => {
          const device = deviceName(x.userAgent, s.unknownDevice);
          return html`<tr data-session=${x.id}>
            <th scope="row">${device}</th>
            <td>${v.when(x.createdAt)}</td>
            <td>${v.when(x.lastUsedAt)}</td>
            <td>${v.when(x.expiresAt)}</td>
            <td>
              ${x.current
                ? html`<strong>${s.thisSession}</strong>`
                : html`<button type="button" class="danger" ?disabled=${v.busy} aria-label=${s.endSessionOf(device, v.when(x.createdAt))} @click=${() => v.end(x.id)}>
                    ${s.endSession}
                  </button>`}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${others > 0
      ? html`<button type="button" class="danger" ?disabled=${v.busy} @click=${v.endOthers}>${s.endOthers}</button>`
      : html`<p class="hint">${s.noOtherSessions}</p>`}
  `;
}
