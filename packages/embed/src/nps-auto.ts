/**
 * NPS asked "after a number of days as a contact" (the site's `npsAfterDays`), the loader's part. It
 * lives here and not in the messenger because the messenger's bundle loads only when the visitor opens
 * it: a returning browser (one that already has a visitor token: none is made for this) asks the server
 * at most once a day, with one plain fetch and no socket, whether this visitor is due; only a "yes" loads
 * the messenger, to show the question (`survey('nps', token)`, messenger.survey.ts).
 *
 * The server claims the asking when it says yes, so the invitation is kept (`parley:<site>:nps-pending`)
 * until a page can show it: the messenger drops it once shown, or once it has expired or been answered.
 * Plain DOM and fetch only, counted in the loader's 3 KB.
 */

export const NPS_CHECK_EVERY_MS = 86_400_000;

/** Next to @parley/client's `parley:<site>:visitor` (the visitor session) and `parley:<site>:open`. */
export const npsKeys = (site: string) => ({
  visitor: `parley:${site}:visitor`,
  checked: `parley:${site}:nps-checked`,
  pending: `parley:${site}:nps-pending`,
});

export interface NpsCheck {
  /** Origin of the Parley server. */
  server: string;
  site: string;
  /** The page's language, for the question: 'en' | 'zh-CN' | 'zh-TW'. */
  locale: string;
  /**
   * The panel is open: nothing is asked over it; a later page checks. (Not "a conversation is stored":
   * a bot chat left open stays so, and its visitor would never be asked. The messenger keeps the card
   * back while a person is in the chat.)
   */
  busy(): boolean;
}

/**
 * The invitation token to show now, or null. Never throws: blocked storage, a failed request or a refusal
 * all mean "not now".
 */
export async function checkNps(o: NpsCheck): Promise<string | null> {
  try {
    const k = npsKeys(o.site);
    if (o.busy()) return null;
    const pending = localStorage.getItem(k.pending);
    if (pending) return pending;
    const token = (JSON.parse(localStorage.getItem(k.visitor) ?? 'null') as { token?: unknown } | null)?.token;
    const now = Date.now();
    if (typeof token !== 'string' || now - Number(localStorage.getItem(k.checked)) < NPS_CHECK_EVERY_MS) return null;
    // Written before asking: a failing server is asked again tomorrow, not on every page.
    localStorage.setItem(k.checked, String(now));
    const res = await fetch(`${o.server}/api/surveys/sites/${encodeURIComponent(o.site)}/nps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorToken: token, locale: o.locale, auto: true }),
    });
    const body = (res.ok ? await res.json() : null) as { asked?: boolean; token?: string } | null;
    if (!body?.asked || !body.token) return null;
    localStorage.setItem(k.pending, body.token);
    return body.token;
  } catch {
    return null;
  }
}
