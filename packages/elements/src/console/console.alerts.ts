/**
 * Tells an agent that someone started waiting, even when the console is in a background tab:
 * a "(N) " prefix on document.title and a short beep. Browsers refuse to start audio before the
 * user has interacted with the page, so the AudioContext is only made after the first gesture and
 * the beep is simply skipped before that (no console warnings, no queued sound bursts later).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MUTE_KEY = 'parley:console-muted';
const TITLE_PREFIX = /^\(\d+\) ?/;

type AudioContextCtor = typeof AudioContext;

export class QueueAlertController implements ReactiveController {
  private audio: AudioContext | null = null;
  private gesture = false;
  private _muted: boolean;
  private titleCount = 0;
  private readonly onGesture = (): void => {
    this.gesture = true;
    window.removeEventListener('pointerdown', this.onGesture, true);
    window.removeEventListener('keydown', this.onGesture, true);
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this._muted = readMuted();
  }

  get muted(): boolean {
    return this._muted;
  }

  set muted(value: boolean) {
    this._muted = value;
    try {
      if (value) localStorage.setItem(MUTE_KEY, '1');
      else localStorage.removeItem(MUTE_KEY);
    } catch {
      // Storage may be unavailable; the choice then lasts for this page only.
    }
    this.host.requestUpdate();
  }

  hostConnected(): void {
    window.addEventListener('pointerdown', this.onGesture, true);
    window.addEventListener('keydown', this.onGesture, true);
  }

  hostDisconnected(): void {
    this.onGesture();
    this.gesture = false;
    this.setTitleCount(0);
    void this.audio?.close().catch(() => undefined);
    this.audio = null;
  }

  /** Shows how many are waiting in the tab title; 0 restores the page's own title. */
  setTitleCount(count: number): void {
    if (count === this.titleCount) return;
    this.titleCount = count;
    const base = document.title.replace(TITLE_PREFIX, '');
    document.title = count > 0 ? `(${count}) ${base}` : base;
  }

  /** One short, soft beep, unless muted or the page has not been interacted with yet. */
  beep(): void {
    if (this._muted || !this.gesture) return;
    const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext) as
      | AudioContextCtor
      | undefined;
    if (!Ctor) return;
    try {
      this.audio ??= new Ctor();
      const ctx = this.audio;
      if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      const t = ctx.currentTime;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.2, t + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.2);
    } catch {
      // Audio is a nicety; the visual cue and the live announcement still happen.
    }
  }
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}
