/**
 * localStorage can throw (Safari private mode, sandboxed iframes, quota); the chat must still work,
 * so every access goes through here and degrades to memory for the page's lifetime.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

export function safeStore(preferred?: KeyValueStore | null): KeyValueStore {
  const fallback = memoryStore();
  let backing: KeyValueStore | null = preferred ?? null;
  if (backing === null) {
    try {
      backing = globalThis.localStorage ?? null;
    } catch {
      backing = null;
    }
  }
  const attempt = <T>(fn: (s: KeyValueStore) => T, orElse: () => T): T => {
    if (!backing) return orElse();
    try {
      return fn(backing);
    } catch {
      return orElse();
    }
  };
  return {
    getItem: (k) => attempt((s) => s.getItem(k), () => fallback.getItem(k)),
    setItem: (k, v) => attempt((s) => s.setItem(k, v), () => fallback.setItem(k, v)),
    removeItem: (k) => attempt((s) => s.removeItem(k), () => fallback.removeItem(k)),
  };
}

export function readJson<T>(store: KeyValueStore, key: string): T | null {
  const raw = store.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
