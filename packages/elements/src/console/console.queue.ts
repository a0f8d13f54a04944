/**
 * What the console remembers about the queue between snapshots: which conversations are new (to
 * highlight and announce them), and which were lost to a colleague's claim (hidden at once, before
 * the next snapshot removes them). The agent client only holds the current snapshot; "new" needs the
 * previous one, per department.
 */
import type { ReactiveControllerHost } from 'lit';
import type { AgentConversation } from '@parley/protocol';

/** How long a newly queued conversation stays highlighted. */
const FRESH_MS = 10_000;

export class QueueTracker {
  /** Queue ids seen per department; the first snapshot of a department is the baseline, not news. */
  private readonly known = new Map<string, Set<string>>();
  readonly fresh = new Set<string>();
  private readonly lostClaims = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController({ hostDisconnected: () => this.reset() });
  }

  /** Takes a snapshot; returns the conversations that joined since the previous one, oldest last. */
  update(queues: Record<string, AgentConversation[]>): AgentConversation[] {
    const arrivals: AgentConversation[] = [];
    const everywhere = new Set<string>();
    for (const [departmentId, items] of Object.entries(queues)) {
      const ids = new Set(items.map((c) => c.id));
      const previous = this.known.get(departmentId);
      if (previous) for (const c of items) if (!previous.has(c.id)) arrivals.push(c);
      this.known.set(departmentId, ids);
      for (const id of ids) everywhere.add(id);
    }
    for (const id of this.lostClaims) if (!everywhere.has(id)) this.lostClaims.delete(id);
    for (const c of arrivals) {
      this.fresh.add(c.id);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.fresh.delete(c.id);
        this.host.requestUpdate();
      }, FRESH_MS);
      this.timers.add(timer);
    }
    return arrivals;
  }

  /** A colleague took it first: hide it now rather than after the next snapshot. */
  lost(id: string): void {
    this.lostClaims.add(id);
  }

  visible(items: readonly AgentConversation[]): AgentConversation[] {
    return items.filter((c) => !this.lostClaims.has(c.id));
  }

  waitingTotal(queues: Record<string, AgentConversation[]> | undefined): number {
    return Object.values(queues ?? {}).reduce((n, items) => n + this.visible(items).length, 0);
  }

  /** A new session starts from no baseline. */
  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.known.clear();
    this.fresh.clear();
    this.lostClaims.clear();
  }
}
