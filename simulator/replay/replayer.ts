/**
 * Replays a recording to the simulator's clients: the recorded frames, byte-identical (bar image URLs, rewritten to
 * /media/rec/), in order, each at its recorded offset divided by the speed, scheduled against one anchor so nothing
 * drifts; or as fast as the clients take them (--instant). Pause, resume, seek and speed change while playing.
 */
import { performance } from 'node:perf_hooks';
import { openRecording, readBatches, type RecordingInfo } from '../../recorder/reader.ts';
import { RecordingError } from '../../recorder/format.ts';
import { frameKind } from '../../recorder/frame-kind.ts';
import { rewriteMediaUrls } from './rewrite.ts';
import { LoopShifter } from './loop-shift.ts';
import { checkpointBefore, scanRecording, type ScanResult } from './scan.ts';

export { serveRecordingMedia } from './media.ts';
export { listRecordings, type RecordingListing } from './list.ts';

/** Where replayed frames go (the server's hub). */
export interface ReplayTarget {
  send(frameText: string, event: string): void;
  /** A recorded binary frame, sent as binary (targets that cannot send one leave it out). */
  sendBinary?(data: Buffer): void;
  writable(): boolean;
  whenWritable(): Promise<void>;
}

/** How to replay. */
export interface ReplayOptions {
  path: string;
  speed?: number;
  instant?: boolean;
  loop?: boolean;
  fromMs?: number;
  toMs?: number;
  skipBad?: boolean;
  /** With `loop`: send every pass byte-identical instead of moving ids and times forward per pass. */
  loopExact?: boolean;
  /** Rewrite image URLs to `${mediaBase}/media/rec/<key>` (default true). */
  rewriteMedia?: boolean;
  mediaBase: string;
  /** Injectable clock in ms (default performance.now). */
  now?: () => number;
  onEnd?: () => void;
  onError?: (e: Error) => void;
  onBadLine?: (info: { line: number; error: string }) => void;
}

/** What GET /api/status shows of a replay (the shape lives in protocol/api.ts). */
export type { ReplayStatus } from '../../protocol/api.ts';
import type { ReplayStatus } from '../../protocol/api.ts';

/** A loaded replay. */
export interface Replayer {
  start(): void;
  pause(): void;
  resume(): void;
  seek(ms: number): void;
  setSpeed(x: number): void;
  stop(): void;
  status(): ReplayStatus;
}

const SPIN_MS = 1.5;

/** Waits until the clock reaches `due`: a coarse setTimeout, then setImmediate turns, then a short spin. */
async function waitUntil(now: () => number, due: number, cancelled: () => boolean): Promise<void> {
  for (;;) {
    if (cancelled()) return;
    const left = due - now();
    if (left <= 0) return;
    if (left > SPIN_MS + 1) await new Promise((r) => setTimeout(r, Math.min(left - SPIN_MS, 50)));
    else if (left > 0.2) await new Promise((r) => setImmediate(r));
    else while (now() < due) {
      /* spin the last fraction of a ms */
    }
  }
}

function checkSpeed(x: number): number {
  if (!Number.isFinite(x) || x <= 0) throw new RangeError(`speed must be a positive number, got ${x}`);
  return x;
}

class ReplayerImpl implements Replayer {
  private speed: number;
  private paused = false;
  private started = false;
  private ended = false;
  private gen = 0;
  private anchorWall = 0;
  private anchorPos: number;
  private lastPos: number;
  private framesSent = 0;
  /** Loop pass now playing (0 = the recording as it is). */
  private pass = 0;
  /** Moves ids and times in passes after the first (null: no loop, or --loop-exact). */
  private readonly shifter: LoopShifter | null;
  private readonly now: () => number;
  private readonly fromMs: number;
  private readonly endMs: number;

  constructor(
    private readonly opts: ReplayOptions,
    private readonly target: ReplayTarget,
    private readonly info: RecordingInfo,
    private readonly scan: ScanResult,
  ) {
    this.speed = checkSpeed(opts.speed ?? 1);
    this.now = opts.now ?? (() => performance.now());
    this.fromMs = opts.fromMs ?? 0;
    this.endMs = Math.min(opts.toMs ?? Infinity, scan.durationMs);
    this.anchorPos = this.fromMs;
    this.lastPos = this.fromMs;
    this.shifter = opts.loop && !opts.loopExact ? new LoopShifter(this.endMs - this.fromMs) : null;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const b of this.scan.bad) if (b.truncated) this.opts.onBadLine?.({ line: b.line, error: b.error });
    this.play(this.fromMs);
  }

  private position(): number {
    if (this.opts.instant || this.paused || this.ended || !this.started) return this.lastPos;
    return Math.min(this.endMs, Math.max(this.lastPos, this.anchorPos + (this.now() - this.anchorWall) * this.speed));
  }

  private play(pos: number): void {
    const gen = ++this.gen;
    this.ended = false;
    this.anchorPos = pos;
    this.anchorWall = this.now();
    this.lastPos = pos;
    this.run(gen, pos).catch((e: unknown) => this.fail(gen, e as Error));
  }

  private fail(gen: number, e: Error): void {
    if (gen !== this.gen) return;
    this.gen++;
    this.ended = true;
    this.opts.onError?.(e);
  }

  private async run(gen: number, from: number): Promise<void> {
    const live = () => gen === this.gen;
    const cp = from > 0 ? checkpointBefore(this.scan.checkpoints, from) : undefined;
    const rewrite = this.opts.rewriteMedia !== false;
    const base = this.opts.mediaBase;
    let sinceYield = 0;
    let first = true;
    for await (const batch of readBatches(this.info, cp)) {
      if (first) {
        first = false;
        // Anchor once the file is open and the first lines are in hand, so opening it never makes frames late.
        if (!live()) return;
        this.anchorWall = this.now();
      }
      for (const it of batch) {
        if (!live()) return;
        if ('bad' in it) {
          if (it.truncated) continue; // reported once at start
          const msg = `${this.info.eventsPath}:${it.line}: ${it.bad}`;
          if (!this.opts.skipBad) throw new RecordingError('E_REC_BAD_LINE', `${msg}; fix or delete that line, or replay with --skip-bad`);
          this.opts.onBadLine?.({ line: it.line, error: it.bad });
          continue;
        }
        const e = it.entry;
        if ((e.kind !== 'frame' && e.kind !== 'binary') || e.t < from) continue;
        if (e.t > this.endMs) break;
        if (this.opts.instant) {
          if (!this.target.writable()) await this.target.whenWritable();
          else if (++sinceYield >= 2048) {
            sinceYield = 0;
            await new Promise((r) => setImmediate(r));
          }
        } else {
          await waitUntil(this.now, this.anchorWall + (e.t - this.anchorPos) / this.speed, () => !live());
        }
        if (!live()) return;
        if (e.kind === 'binary') {
          // Kept byte for byte by the recorder; sent as the binary frame it was.
          this.target.sendBinary?.(Buffer.from(e.b64, 'base64'));
          this.framesSent++;
          this.lastPos = e.t;
          continue;
        }
        let text = e.frame;
        if (this.shifter) {
          if (this.pass === 0) this.shifter.observe(text);
          else text = this.shifter.shift(text, this.pass);
        }
        this.target.send(rewrite ? rewriteMediaUrls(text, base) : text, frameKind(e.frame));
        this.framesSent++;
        this.lastPos = e.t;
      }
    }
    if (!live()) return;
    if (this.opts.loop && this.scan.frames > 0) {
      if (!this.opts.instant) await waitUntil(this.now, this.anchorWall + (this.endMs - this.anchorPos) / this.speed, () => !live());
      else await new Promise((r) => setImmediate(r));
      if (live()) {
        this.pass++;
        this.play(this.fromMs);
      }
      return;
    }
    this.lastPos = Math.max(this.lastPos, Number.isFinite(this.endMs) ? this.endMs : this.lastPos);
    this.ended = true;
    this.gen++;
    this.opts.onEnd?.();
  }

  pause(): void {
    if (this.paused || this.ended) return;
    this.lastPos = this.position();
    this.paused = true;
    this.gen++;
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.started) this.play(this.lastPos);
  }

  seek(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`position must be a number of ms ≥ 0, got ${ms}`);
    const pos = Math.min(Math.max(ms, this.fromMs), this.endMs);
    this.lastPos = pos;
    if (this.paused || !this.started) {
      this.gen++;
      this.ended = false;
      return;
    }
    this.play(pos);
  }

  setSpeed(x: number): void {
    checkSpeed(x);
    if (this.paused || this.ended || !this.started || this.opts.instant) {
      this.speed = x;
      return;
    }
    // Re-anchor at the current position so the change applies from now on, without a jump.
    const pos = this.position();
    this.anchorPos = pos;
    this.anchorWall = this.now();
    this.speed = x;
  }

  stop(): void {
    this.gen++;
    this.ended = true;
    this.paused = false;
  }

  status(): ReplayStatus {
    return {
      recording: this.info.dir,
      positionMs: Math.round(this.position()),
      durationMs: this.scan.durationMs,
      speed: this.speed,
      paused: this.paused,
      instant: !!this.opts.instant,
      loop: !!this.opts.loop,
      pass: this.pass,
      framesSent: this.framesSent,
      framesTotal: this.scan.frames,
      ended: this.ended,
    };
  }
}

/**
 * Opens and checks a recording (header, then one streaming pass), ready to start().
 * Rejects with a RecordingError (code E_REC_NOT_FOUND, E_REC_BAD_HEADER, E_REC_VERSION, E_REC_BAD_LINE) saying what to do.
 */
export async function createReplayer(opts: ReplayOptions, target: ReplayTarget): Promise<Replayer> {
  checkSpeed(opts.speed ?? 1);
  if (opts.fromMs !== undefined && opts.toMs !== undefined && opts.toMs < opts.fromMs) {
    throw new RangeError(`--to (${opts.toMs} ms) is before --from (${opts.fromMs} ms)`);
  }
  const info = await openRecording(opts.path);
  const scan = await scanRecording(info);
  const firstBad = scan.bad.find((b) => !b.truncated);
  if (firstBad && !opts.skipBad) {
    throw new RecordingError('E_REC_BAD_LINE', `${info.eventsPath}:${firstBad.line}: ${firstBad.error}; fix or delete that line, or replay with --skip-bad`);
  }
  return new ReplayerImpl(opts, target, info, scan);
}
