/**
 * Randomness with a seed (the same seed plans the same history, so benchmark runs compare) and the
 * shape of a support desk's week: when people write, and how many agents are around to answer.
 */
import { tzOffset } from '@date-fns/tz';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, and good enough for plausible data (not for anything secret). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed | 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  /** Index drawn by weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Waiting times and the like: most short, a long tail. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** Traffic by local hour, 0-23: quiet nights, a morning peak, a lunch dip, an evening shoulder. */
const CHAT_HOURS = [0.25, 0.15, 0.1, 0.08, 0.07, 0.1, 0.2, 0.45, 0.8, 1.2, 1.4, 1.35, 1.0, 1.15, 1.35, 1.3, 1.2, 1.0, 0.8, 0.85, 0.95, 0.9, 0.7, 0.45];
/** Forms and emails are written more in office hours than chats are. */
const TICKET_HOURS = [0.1, 0.05, 0.05, 0.03, 0.03, 0.05, 0.1, 0.3, 0.9, 1.4, 1.5, 1.4, 0.9, 1.2, 1.4, 1.3, 1.2, 1.0, 0.6, 0.5, 0.5, 0.4, 0.3, 0.2];
/** Sunday first, like Date#getUTCDay(). */
const WEEKDAYS = [0.55, 1.1, 1.05, 1.0, 1.0, 0.95, 0.65];

export interface LocalTime {
  hour: number;
  weekday: number;
}

/** The site's wall clock: hour and weekday of an instant in `zone`. */
export class SiteClock {
  /** Offsets per UTC hour: zones change offset on the hour (or half hour), and tzOffset is slow. */
  private readonly offsets = new Map<number, number>();
  constructor(readonly zone: string) {}
  offsetMs(at: number): number {
    const hour = Math.floor(at / (HOUR / 2));
    let off = this.offsets.get(hour);
    if (off === undefined) {
      const m = tzOffset(this.zone, new Date(hour * (HOUR / 2)));
      off = Number.isNaN(m) ? 0 : m * 60_000;
      this.offsets.set(hour, off);
    }
    return off;
  }
  local(at: number): LocalTime {
    const d = new Date(at + this.offsetMs(at));
    return { hour: d.getUTCHours(), weekday: d.getUTCDay() };
  }
}

/**
 * How many people are answering at a local time: `peak` on weekday office hours, `shoulder` early
 * mornings, evenings and Saturdays, `night` otherwise. Queue waits and abandonment follow it.
 */
export type Staffing = 'peak' | 'shoulder' | 'night';
export function staffingAt(t: LocalTime): Staffing {
  const weekday = t.weekday >= 1 && t.weekday <= 5;
  if (weekday && t.hour >= 9 && t.hour < 18) return 'peak';
  if ((weekday && t.hour >= 8 && t.hour < 22) || (t.weekday === 6 && t.hour >= 10 && t.hour < 18)) return 'shoulder';
  return 'night';
}

/**
 * Instants in [from, to) drawn with the week's and the day's rhythm, a slow growth over the period
 * (a business that is doing fine) and some day-to-day noise.
 */
export class TimeSampler {
  private readonly dayStarts: number[] = [];
  private readonly cumulative: number[] = [];
  private readonly hours: number[];
  constructor(
    private readonly rng: Rng,
    private readonly clock: SiteClock,
    private readonly from: number,
    private readonly to: number,
    kind: 'chat' | 'ticket',
  ) {
    this.hours = kind === 'chat' ? CHAT_HOURS : TICKET_HOURS;
    // Local midnights covering the period.
    const first = this.localMidnight(from);
    let total = 0;
    for (let day = first; day < to; day = this.localMidnight(day + 36 * HOUR)) {
      const progress = (day - from) / Math.max(1, to - from);
      const weekday = new Date(day + clock.offsetMs(day)).getUTCDay();
      const w = WEEKDAYS[weekday]! * (0.85 + 0.3 * progress) * (0.9 + 0.2 * rng.next());
      total += w;
      this.dayStarts.push(day);
      this.cumulative.push(total);
    }
  }

  private localMidnight(at: number): number {
    const off = this.clock.offsetMs(at);
    const local = at + off;
    return local - (((local % DAY) + DAY) % DAY) - off;
  }

  sample(): number {
    for (let attempt = 0; attempt < 20; attempt++) {
      const r = this.rng.next() * this.cumulative[this.cumulative.length - 1]!;
      let lo = 0;
      let hi = this.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      const hour = this.rng.weighted(this.hours);
      const at = Math.floor(this.dayStarts[lo]! + hour * HOUR + this.rng.next() * HOUR);
      // The first and last day are partial: draw again rather than pile items on the edges.
      if (at >= this.from && at < this.to) return at;
    }
    return Math.floor(this.from + this.rng.next() * (this.to - this.from));
  }
}

/** `count` whole numbers >= 0 summing exactly to `total`, proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return apportion(total, weights.map(() => 1));
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]![1];
    out[i] = out[i]! + 1;
  }
  return out;
}
