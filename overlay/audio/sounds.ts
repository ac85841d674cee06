/** A synthesized note: frequency (Hz), start offset and length (s), waveform, gain. */
interface Note {
  f: number;
  t: number;
  d: number;
  w?: OscillatorType;
  g?: number;
  /** Frequency to glide to. */
  to?: number;
}

/** The named sounds, made for this project by WebAudio synthesis (plus the espeak-ng "Toasty!" voice file). */
const PATCHES: Record<string, Note[]> = {
  gift: [{ f: 880, t: 0, d: 0.12, w: 'triangle' }, { f: 1318.5, t: 0.08, d: 0.25, w: 'triangle' }],
  'gift-big': [
    { f: 523.25, t: 0, d: 0.18, w: 'sawtooth', g: 0.12 }, { f: 659.25, t: 0.1, d: 0.18, w: 'sawtooth', g: 0.12 },
    { f: 783.99, t: 0.2, d: 0.18, w: 'sawtooth', g: 0.12 }, { f: 1046.5, t: 0.3, d: 0.5, w: 'triangle' },
  ],
  follow: [{ f: 659.25, t: 0, d: 0.15, w: 'sine' }, { f: 987.77, t: 0.1, d: 0.3, w: 'sine' }],
  'thanks follow': [{ f: 523.25, t: 0, d: 0.14, w: 'sine' }, { f: 659.25, t: 0.12, d: 0.14, w: 'sine' }, { f: 1046.5, t: 0.24, d: 0.4, w: 'sine' }],
  'Anime Wow': [{ f: 300, to: 900, t: 0, d: 0.35, w: 'sawtooth', g: 0.1 }, { f: 900, to: 600, t: 0.35, d: 0.35, w: 'triangle' }],
  like: [{ f: 1568, t: 0, d: 0.08, w: 'sine', g: 0.08 }],
  alert: [{ f: 440, t: 0, d: 0.1, w: 'square', g: 0.06 }, { f: 880, t: 0.1, d: 0.2, w: 'square', g: 0.06 }],
  whoosh: [{ f: 200, to: 1200, t: 0, d: 0.25, w: 'sine', g: 0.08 }],
};

/** Sound names that play the recorded voice file under overlay/public/sounds/. */
const FILES: Record<string, string> = { Toasty: 'sounds/toasty.ogg' };

/** Plays the overlay's sounds; silent when muted or when the browser refuses audio. */
export class Sounds {
  private ctx: AudioContext | null = null;
  private readonly buffers = new Map<string, AudioBuffer | 'loading' | 'failed'>();
  private lastAt = new Map<string, number>();

  constructor(
    private readonly muted: boolean,
    private readonly base: string,
    private readonly log: (m: string) => void,
  ) {}

  /** True when `name` is a sound this overlay can play. */
  has(name: string): boolean {
    return name in PATCHES || name in FILES;
  }

  /** Plays a named sound; unknown names are logged and ignored. Rate-limited per name so a storm is not a roar. */
  play(name: string): void {
    if (!this.has(name)) {
      this.log(`sound "${name}" unknown, ignored`);
      return;
    }
    if (this.muted) return;
    const ctx = this.context();
    if (!ctx) return;
    const now = ctx.currentTime;
    if (now - (this.lastAt.get(name) ?? -1) < 0.12) return;
    this.lastAt.set(name, now);
    const file = FILES[name];
    if (file) this.playFile(ctx, file);
    else this.synth(ctx, PATCHES[name]!);
  }

  private context(): AudioContext | null {
    if (this.ctx) return this.ctx;
    try {
      this.ctx = new AudioContext();
      return this.ctx;
    } catch {
      return null;
    }
  }

  private synth(ctx: AudioContext, notes: Note[]): void {
    const t0 = ctx.currentTime + 0.01;
    for (const n of notes) {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.type = n.w ?? 'sine';
      o.frequency.setValueAtTime(n.f, t0 + n.t);
      if (n.to) o.frequency.exponentialRampToValueAtTime(n.to, t0 + n.t + n.d);
      const peak = n.g ?? 0.18;
      g.gain.setValueAtTime(0.0001, t0 + n.t);
      g.gain.exponentialRampToValueAtTime(peak, t0 + n.t + 0.01);
      g.gain.exponentialRampToValueAtTime(0.0001, t0 + n.t + n.d);
      o.connect(g).connect(ctx.destination);
      o.start(t0 + n.t);
      o.stop(t0 + n.t + n.d + 0.02);
    }
  }

  private playFile(ctx: AudioContext, path: string): void {
    const b = this.buffers.get(path);
    if (b instanceof AudioBuffer) {
      const src = ctx.createBufferSource();
      src.buffer = b;
      src.connect(ctx.destination);
      src.start();
      return;
    }
    if (b) return;
    this.buffers.set(path, 'loading');
    fetch(this.base + path)
      .then((r) => r.arrayBuffer())
      .then((a) => ctx.decodeAudioData(a))
      .then((buf) => {
        this.buffers.set(path, buf);
        this.playFile(ctx, path);
      })
      .catch(() => this.buffers.set(path, 'failed'));
  }

  /** Fetches the voice files ahead of time so the first Toasty is on cue. */
  preload(): void {
    if (this.muted) return;
    const ctx = this.context();
    if (!ctx) return;
    for (const path of Object.values(FILES)) {
      if (this.buffers.has(path)) continue;
      this.buffers.set(path, 'loading');
      fetch(this.base + path)
        .then((r) => r.arrayBuffer())
        .then((a) => ctx.decodeAudioData(a))
        .then((buf) => this.buffers.set(path, buf))
        .catch(() => this.buffers.set(path, 'failed'));
    }
  }
}
