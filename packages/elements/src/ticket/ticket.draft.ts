/**
 * The reply being typed, kept in sessionStorage per link: a reload, a dropped connection or a
 * closed-and-reopened element must never lose what the customer wrote. Cleared once the server has it.
 * sessionStorage (not localStorage): the text is private and should not outlive the tab.
 */
const keyOf = (token: string): string => `parley:ticket:${token}:draft`;

/** Storage can be missing or refuse (private mode, quota, sandboxed frames): the draft then lives in memory only. */
function store(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readDraft(token: string): string {
  if (!token) return '';
  try {
    return store()?.getItem(keyOf(token)) ?? '';
  } catch {
    return '';
  }
}

export function writeDraft(token: string, text: string): void {
  if (!token) return;
  try {
    if (text) store()?.setItem(keyOf(token), text);
    else store()?.removeItem(keyOf(token));
  } catch {
    // Full or refused storage: the text stays in the box; nothing else to do.
  }
}

export const clearDraft = (token: string): void => writeDraft(token, '');
