/**
 * The console's sign-in form and its two lists, the Queue (by department, oldest first) and "My
 * conversations" (latest activity first). Template functions over a ListsView: the element keeps the
 * state (what is fresh, being claimed, selected) and the behaviour (take, select).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AgentState } from '@parley/client';
import type { AgentConversation, AgentProfile, Locale } from '@parley/protocol';
import { preview, visitorLabel, waitDuration } from './console.format.js';
import type { ConsoleStrings } from './console.strings.js';

export interface SignInView {
  s: ConsoleStrings;
  busy: boolean;
  error: string;
  notice: string;
  submit(e: SubmitEvent): void;
}

export function renderSignIn(v: SignInView): TemplateResult {
  const { s } = v;
  return html`
    <div class="sign-in">
      <form part="sign-in" aria-labelledby="sign-in-heading" @submit=${v.submit} aria-busy=${v.busy ? 'true' : 'false'}>
        <h1 id="sign-in-heading">${s.signInHeading}</h1>
        ${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : nothing}
        <label for="email">${s.email}</label>
        <input id="email" name="email" type="email" autocomplete="username" required ?disabled=${v.busy} />
        <label for="password">${s.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required ?disabled=${v.busy} />
        <p class="error" role="alert">${v.error}</p>
        <button type="submit" class="primary" ?disabled=${v.busy}>${s.signIn}</button>
        <p class="notice" role="status">${v.busy ? s.signingIn : nothing}</p>
      </form>
    </div>
  `;
}

/** Signed in, but the agent socket has not said who we are yet: connecting, or why not. */
export function renderConnecting(v: { s: ConsoleStrings; error: string; retry(): void; signOut(): void }): TemplateResult {
  const { s } = v;
  return html`<div class="sign-in">
    <div class="sign-in-box">
      ${v.error
        ? html`<p class="error" role="alert">${v.error}</p>
            <button type="button" class="primary" @click=${v.retry}>${s.tryAgain}</button>`
        : html`<p class="notice" role="status">${s.connecting}</p>`}
      <button type="button" @click=${v.signOut}>${s.signOut}</button>
    </div>
  </div>`;
}

export interface ListsView {
  s: ConsoleStrings;
  locale: Locale;
  /** Conversations that joined the queue in the last seconds (highlighted). */
  fresh: ReadonlySet<string>;
  /** Conversations whose Take is on its way to the server. */
  claiming: ReadonlySet<string>;
  selectedId: string | null;
  /** Why the last Take failed, if it did. */
  notice: string;
  departmentName(id: string | null): string;
  /** The queue without what this agent just took (the snapshot may lag). */
  visible(items: readonly AgentConversation[]): AgentConversation[];
  take(c: AgentConversation): void;
  select(id: string): void;
}

export function renderQueue(v: ListsView, st: AgentState): TemplateResult {
  const { s } = v;
  const order = (st.directory?.departments ?? []).map((d) => d.id);
  const departments = Object.keys(st.queues)
    .map((id) => ({ id, items: v.visible(st.queues[id] ?? []) }))
    .filter((d) => d.items.length > 0)
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const total = departments.reduce((n, d) => n + d.items.length, 0);
  return html`
    <section class="queue" part="queue" aria-labelledby="queue-heading">
      <div class="section-head">
        <h2 id="queue-heading" tabindex="-1">${s.queue}</h2>
        ${total
          ? html`<span class="count waiting" data-count=${total}
              ><span aria-hidden="true">${total}</span><span class="visually-hidden">${s.waitingCount(total)}</span></span
            >`
          : nothing}
      </div>
      <p class="error" role="alert">${v.notice}</p>
      ${total === 0
        ? html`<p class="empty-list">${s.queueEmpty}</p>`
        : departments.map(
            (d) => html`
              <h3 id=${`dept-${d.id}`}>${v.departmentName(d.id)}</h3>
              <ul aria-labelledby=${`dept-${d.id}`}>
                ${repeat(
                  // Oldest first, whatever order the snapshot came in.
                  [...d.items].sort((a, b) => Date.parse(a.queuedAt ?? a.createdAt) - Date.parse(b.queuedAt ?? b.createdAt)),
                  (c) => c.id,
                  (c) => renderQueueItem(v, c),
                )}
              </ul>
            `,
          )}
    </section>
  `;
}

function renderQueueItem(v: ListsView, c: AgentConversation): TemplateResult {
  const { s } = v;
  const since = c.queuedAt ?? c.createdAt;
  const nameId = `q-${c.id}`;
  return html`
    <li class="item ${v.fresh.has(c.id) ? 'fresh' : ''}" data-id=${c.id}>
      <span class="name" id=${nameId}>${visitorLabel(s, c)}</span>
      <span class="wait"><time datetime=${since}>${s.waitingFor(waitDuration(since, v.locale))}</time></span>
      <p class="line preview">${preview(s, c)}</p>
      ${c.visitor.pageUrl ? html`<p class="line page">${s.fromPage(c.visitor.pageUrl)}</p>` : nothing}
      <button type="button" class="take primary" aria-describedby=${nameId} ?disabled=${v.claiming.has(c.id)} @click=${() => v.take(c)}>${s.take}</button>
    </li>
  `;
}

export function renderMine(v: ListsView, st: AgentState, me: AgentProfile): TemplateResult {
  const { s } = v;
  const activity = (c: AgentConversation) => Date.parse(c.lastMessage?.createdAt ?? c.assignedAt ?? c.createdAt);
  const mine = Object.values(st.conversations)
    .filter((c) => c.agentId === me.id && c.status === 'assigned')
    .sort((a, b) => activity(b) - activity(a));
  return html`
    <section class="mine" part="mine" aria-labelledby="mine-heading">
      <div class="section-head"><h2 id="mine-heading" tabindex="-1">${s.myConversations}</h2></div>
      ${mine.length === 0
        ? html`<p class="empty-list">${s.mineEmpty}</p>`
        : html`<ul>
            ${repeat(
              mine,
              (c) => c.id,
              (c) => html`
                <li>
                  <button
                    type="button"
                    class="item conversation"
                    data-id=${c.id}
                    data-unread=${c.unread}
                    aria-current=${c.id === v.selectedId ? 'true' : 'false'}
                    @click=${() => v.select(c.id)}
                  >
                    <span class="name">${visitorLabel(s, c)}</span>
                    ${c.unread > 0
                      ? html`<span class="count unread" data-count=${c.unread}
                          ><span aria-hidden="true">${c.unread}</span><span class="visually-hidden">${s.unread(c.unread)}</span></span
                        >`
                      : nothing}
                    <span class="line preview">${preview(s, c)}</span>
                  </button>
                </li>
              `,
            )}
          </ul>`}
    </section>
  `;
}
