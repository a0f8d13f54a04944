/**
 * Two small throttles the employee API shares (employee-routes.ts).
 *
 * The turnstile: employee database calls start here, at most `perTurn` on each turn of the event loop.
 * Each request would otherwise run to its end in the microtasks right after its socket's read callback,
 * and libuv keeps reading while sockets have data: 10,000 acknowledgements arriving together on PGlite
 * (~2 ms of synchronous WebAssembly each) kept the loop in one poll phase for 18 s, timers never ran,
 * and connections came late enough to be dropped (test/load/announcements.ts, docs/benchmarks.md).
 * Deferred, the reads only queue work, and timers and I/O run between each `perTurn` slice.
 *
 * The cache: after a deploy, 10,000 employees reconnect within moments, and each stream must not cost
 * a lookup of its site and of the site's departments.
 */
const CACHE_MS = 10_000;

export function turnstile(perTurn: number): <T>(work: () => Promise<T>) => Promise<T> {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const turn = () => {
    for (const start of waiting.splice(0, perTurn)) start();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(turn);
  };
  return async (work) => {
    await new Promise<void>((start) => {
      waiting.push(start);
      if (!scheduled) {
        scheduled = true;
        setImmediate(turn);
      }
    });
    return work();
  };
}

/** Memoises `load` per key for a few seconds; a failed lookup (unknown key, database down) is not remembered. */
export function cached<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key) => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = load(key);
    value.catch(() => entries.delete(key));
    if (entries.size > 1000) entries.clear();
    entries.set(key, { at: Date.now(), value });
    return value;
  };
}
