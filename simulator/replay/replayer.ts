/**
 * Replays a recording to the simulator's clients: the recorded frames, byte-identical (bar image URLs, rewritten to
 * /media/rec/), in order, each at its recorded offset divided by the speed, scheduled against one anchor so nothing
 * drifts; or as fast as the clients take them (--instant). Pause, resume, seek and speed change while playing.
 */
import { performance } from 'node:perf_hooks';
import { openRecording, parseLine, readLines, type RawLine, type RecordingInfo } from '../../recorder/reader.ts';
import { RecordingError } from '../../recorder/format.ts';
import { frameKind, frameKindOfBinary } from '../../recorder/frame-kind.ts';
import { frameLineBinary } from './frame-bytes.ts';
import { mediaRewriter, type MediaRewriter } from './rewrite.ts';
import { LoopShifter } from './loop-shift.ts';
import { checkpointBefore, scanRecording, type ScanResult } from './scan.ts';
import { FINE_MS, fineWait } from '../fine-wait.ts';

export { serveRecordingMedia } from './media.ts';
export { listRecordings, type RecordingListing } from './list.ts';

/** Where replayed frames go (the server's hub). */
export interface ReplayTarget {
  send(frameText: string, event: string): void;
  /**
   * The same, with the frame as its UTF-8 bytes (sent as a text frame, never decoded on the way). Targets without it
   * get the text.
   */
  sendUtf8?(frame: Buffer, event: string): void;
  /** A recorded binary frame, sent as binary (targets that cannot send one leave it out). */
  sendBinary?(data: Buffer): void;
  writable(): boolean;
  whenWritable(): Promise<void>;
  /**
   * Runs `fn`, which sends several frames that are due together, as one batch (the hub corks its sockets around it,
   * so they leave in one write per client). Targets without it get the frames one by one.
   */
  batch?(fn: () => void): void;
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

// Timed frames: a timer until FINE_MS before, then fineWait (simulator/fine-wait.ts). Nothing in the wait allocates,
// so it makes no garbage to collect (the setImmediate polling it replaced made ~100 promises a frame).
/** Frames sent by --instant before it lets the event loop (pings, the control API) have a turn. */
const INSTANT_SLICE = 512;
/** Bytes per read in replay: small, so no single read or line split holds a timed frame up. */
const REPLAY_CHUNK = 64 * 1024;

/** A frame read and made ready to send: what goes on the wire, decided before its time comes. */
interface Ready {
  t: number;
  text: string;
  event: string;
  binary: Buffer | null;
  /** The frame as its UTF-8 bytes, made from the line's bytes without a string (then `text` is empty). */
  utf8: Buffer | null;
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
  /** The media rewrite, one for the whole replay so what each URL becomes is worked out once (null: off). */
  private readonly rewrite: MediaRewriter | null;
  /** The timer of a sleeping pass and its wake-up, so a cancelled pass ends at once instead of at its next frame. */
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  /** When the pass last let the event loop run (see waitFor). */
  private lastTurn = 0;

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
    this.rewrite = opts.rewriteMedia !== false ? mediaRewriter(opts.mediaBase) : null;
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
    this.bump();
    const gen = this.gen;
    this.ended = false;
    this.anchorPos = pos;
    this.anchorWall = this.now();
    this.lastPos = pos;
    this.run(gen, pos).catch((e: unknown) => this.fail(gen, e as Error));
  }

  private fail(gen: number, e: Error): void {
    if (gen !== this.gen) return;
    this.bump();
    this.ended = true;
    this.opts.onError?.(e);
  }

  /** The wall time (this.now) at which recording offset `t` is due, under the current anchor and speed. */
  private dueAt(t: number): number {
    return this.anchorWall + (t - this.anchorPos) / this.speed;
  }

  /** Ends the current pass (pause, seek, stop...): its timer, if it is sleeping, wakes it now so it can close its file. */
  private bump(): void {
    this.gen++;
    this.rouse();
  }

  /** Wakes a sleeping pass now (it then works out its wait again, e.g. after a speed change). */
  private rouse(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Sleeps about `ms` on the event loop's timers (woken early by bump()). */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.wake = null;
        resolve();
      }, ms);
    });
  }

  /**
   * Waits until `due()`: timers while it is more than FINE_MS away, then fineWait. A fine wait blocks the loop for
   * at most FINE_MS; after 5 ms without a turn (frames closer together than that) the loop gets one first, so the
   * control API and other clients are never held up for long. Returns false when the pass was cancelled meanwhile.
   */
  private async waitFor(due: () => number, live: () => boolean): Promise<boolean> {
    for (;;) {
      const left = due() - this.now();
      if (left <= 0) return true;
      if (left <= FINE_MS) {
        if (this.now() - this.lastTurn > 5) {
          await new Promise((r) => setImmediate(r));
          this.lastTurn = this.now();
          if (!live()) return false;
          continue;
        }
        fineWait(this.now, due());
        return true;
      }
      // setTimeout may fire up to ~2 ms early or late; whatever is left after it is waited for finely.
      await this.sleep(Math.min(left - 1, 1000));
      this.lastTurn = this.now();
      if (!live()) return false;
    }
  }

  /** Makes a recorded frame ready to send: the loop shift of a later pass, the media rewrite, its event name. */
  private ready(e: { kind: 'frame'; t: number; frame: string } | { kind: 'binary'; t: number; b64: string }): Ready {
    if (e.kind === 'binary') return { t: e.t, text: '', event: 'binary', binary: Buffer.from(e.b64, 'base64'), utf8: null };
    let text = e.frame;
    if (this.shifter) {
      if (this.pass === 0) this.shifter.observe(text);
      else text = this.shifter.shift(text, this.pass);
    }
    return { t: e.t, text: this.rewrite ? this.rewrite(text) : text, event: frameKind(e.frame), binary: null, utf8: null };
  }

  private send(f: Ready): void {
    // Kept byte for byte by the recorder; a binary frame is sent as the binary frame it was.
    if (f.binary) this.target.sendBinary?.(f.binary);
    else if (f.utf8) {
      if (this.target.sendUtf8) this.target.sendUtf8(f.utf8, f.event);
      else this.target.send(f.utf8.toString('utf8'), f.event);
    } else this.target.send(f.text, f.event);
    this.framesSent++;
    this.lastPos = f.t;
  }

  /** Sends `fn`'s frames as one batch when the target can (one write per client), else one by one. */
  private batch(fn: () => void): void {
    if (this.target.batch) this.target.batch(fn);
    else fn();
  }

  private async run(gen: number, from: number): Promise<void> {
    const live = () => gen === this.gen;
    const cp = from > 0 ? checkpointBefore(this.scan.checkpoints, from) : undefined;
    // Lines are parsed one at a time as they come up, each before its frame is due, never a whole chunk at once.
    const src = readLines(this.info, cp, { chunkBytes: REPLAY_CHUNK, raw: true });
    // Loop passes after the first move ids and times in the text, so they take the string way.
    const bytesWay = !this.shifter;
    let lines: RawLine[] = [];
    let i = 0;
    let eof = false;
    /** The next frame to send; null past the end of the range; undefined when the lines in hand are used up. */
    const take = (): Ready | null | undefined => {
      while (i < lines.length) {
        const raw = lines[i++]!;
        if (bytesWay) {
          const fast = frameLineBinary(raw.bytes!);
          if (fast) {
            if (fast.t < from) continue;
            if (fast.t > this.endMs) return null;
            const out = this.rewrite ? this.rewrite.binary(fast.frame) : fast.frame;
            if (out !== null) return { t: fast.t, text: '', event: frameKindOfBinary(out), binary: null, utf8: Buffer.from(out, 'latin1') };
          }
        }
        const it = parseLine({ ...raw, text: raw.bytes!.toString('utf8') });
        if (!it) continue;
        if ('bad' in it) {
          if (it.truncated) continue; // reported once at start
          const msg = `${this.info.eventsPath}:${it.line}: ${it.bad}`;
          if (!this.opts.skipBad) throw new RecordingError('E_REC_BAD_LINE', `${msg}; fix or delete that line, or replay with --skip-bad`);
          this.opts.onBadLine?.({ line: it.line, error: it.bad });
          continue;
        }
        const e = it.entry;
        if ((e.kind !== 'frame' && e.kind !== 'binary') || e.t < from) continue;
        if (e.t > this.endMs) return null;
        return this.ready(e);
      }
      return eof ? null : undefined;
    };
    /** The next frame, reading the next chunk when the lines in hand are used up (rare: it was read ahead). */
    const next = async (): Promise<Ready | null> => {
      for (;;) {
        const f = take();
        if (f !== undefined) return f;
        const r = await src.next();
        if (r.done) eof = true;
        else {
          lines = r.value;
          i = 0;
        }
      }
    };
    try {
      let f = await next();
      if (!live()) return;
      // Anchor once the file is open and the first lines are in hand, so opening it never makes frames late.
      this.anchorWall = this.now();
      this.lastTurn = this.anchorWall;
      const instant = !!this.opts.instant;
      while (f) {
        if (instant) {
          if (!this.target.writable()) {
            await this.target.whenWritable();
            if (!live()) return;
          }
        } else if (!(await this.waitFor(() => this.dueAt((f as Ready).t), live))) return;
        if (!live()) return;
        // Every frame already due goes in the same batch: at speed 1 that is usually one, after a hiccup or in a
        // burst many, and --instant sends a slice at a time while the clients keep up.
        let held: Ready | null | undefined = f;
        let n = 0;
        this.batch(() => {
          while (held) {
            this.send(held);
            n++;
            held = take();
            if (!held) break;
            if (instant ? n >= INSTANT_SLICE || !this.target.writable() : this.dueAt(held.t) > this.now()) break;
          }
        });
        f = held === undefined ? await next() : held;
        if (instant && n >= INSTANT_SLICE) {
          // Pings, the control API and new clients get their turn between slices.
          await new Promise((r) => setImmediate(r));
        }
        if (!live()) return;
      }
    } finally {
      await src.return(undefined);
    }
    if (!live()) return;
    if (this.opts.loop && this.scan.frames > 0) {
      if (!this.opts.instant) {
        if (!(await this.waitFor(() => this.dueAt(this.endMs), live))) return;
      } else await new Promise((r) => setImmediate(r));
      if (live()) {
        this.pass++;
        this.play(this.fromMs);
      }
      return;
    }
    this.lastPos = Math.max(this.lastPos, Number.isFinite(this.endMs) ? this.endMs : this.lastPos);
    this.ended = true;
    this.bump();
    this.opts.onEnd?.();
  }

  pause(): void {
    if (this.paused || this.ended) return;
    this.lastPos = this.position();
    this.paused = true;
    this.bump();
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
      this.bump();
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
    this.rouse();
  }

  stop(): void {
    this.bump();
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
