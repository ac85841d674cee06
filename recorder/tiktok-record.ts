/**
 * `tiksim record --tiktok <uniqueId>`: records straight from TikTok LIVE through tiktok-live-connector, writing the
 * TikFinity-shaped frames (tiktok-map.ts) and, beside them, every raw webcast push frame (base64 `raw` entries).
 * A first connection that fails ends the session (no internet, not live, wrong name); a connection lost later is
 * retried with exponential backoff and jitter, and the outage is written as a gap marker, as for a TikFinity source.
 * The stream's own end (streamEnd) ends the session instead.
 */
import { performance } from 'node:perf_hooks';
import { ControlEvent, TikTokLiveConnection, type TikTokLiveConstructorConnectionOptions } from 'tiktok-live-connector';
import { RecordingError, makeHeader } from './format.ts';
import { backoffDelay, fmtWait, type Backoff } from './backoff.ts';
import { RecordingWriter } from './writer.ts';
import { MediaCapture } from './media-capture.ts';
import { mapWebcastMessage } from './tiktok-map.ts';
import { bigintSafe, countTypes, tlcFrames } from './decode.ts';
import { serializeFrame } from '../protocol/index.ts';
import { captureUrls, refreshStats, type RecorderStats, type RecordSummary } from './record.ts';
import { mediaPolicy } from './media-policy.ts';

/** Options for a TikTok session. */
export interface TikTokRecordOptions {
  uniqueId: string;
  outDir: string;
  name?: string;
  durationMs?: number;
  maxEvents?: number;
  media?: boolean;
  tool?: string;
  /** Also write the kinds TikFinity does not forward, as TLC v2 emits them (`{"event":"goalUpdate","data":{...}}`). */
  allKinds?: boolean;
  /** Makes the connection (default: tiktok-live-connector's TikTokLiveConnection with `connection`). */
  connect?: (uniqueId: string) => TikTokConnection;
  /**
   * For the default connection: tiktok-live-connector's own options, and a known room id (skips the room lookup on
   * tiktok.com). Tests point the library's sign server and push server at loopback this way.
   */
  connection?: { roomId?: string; options?: Partial<TikTokLiveConstructorConnectionOptions> };
  /** Told once per new reason when a reconnect fails, with what is being done. */
  onProblem?: (text: string) => void;
  /** Reconnect backoff, ms (default 1 s doubling to 30 s, with jitter). */
  backoffMs?: Backoff;
  /** Jitter source (tests). */
  rng?: () => number;
  /** Injected fetch for media (tests map TikTok's CDN hosts onto a loopback server with it). */
  fetchImpl?: typeof fetch;
}

/** What the recorder needs of a TikTok connection (TikTokLiveConnection has it). */
export interface TikTokConnection {
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  connect(): Promise<unknown>;
  disconnect(): Promise<unknown> | unknown;
}

function defaultConnect(uniqueId: string, c: TikTokRecordOptions['connection'] = {}): TikTokConnection {
  const conn = new TikTokLiveConnection(uniqueId, (c.options ?? {}) as TikTokLiveConstructorConnectionOptions);
  const emitter = conn as unknown as NodeJS.EventEmitter;
  return {
    on: (event, fn) => emitter.on(event, fn),
    connect: () => conn.connect(c.roomId),
    disconnect: () => conn.disconnect(),
  };
}

/** One recording session from TikTok. Same surface as Recorder. */
export class TikTokRecorder {
  private readonly writer: RecordingWriter;
  private readonly media: MediaCapture | null;
  private readonly t0 = performance.now();
  private conn: TikTokConnection | null = null;
  private stopped = false;
  private everConnected = false;
  private streamEnded = false;
  private attempt = 0;
  private downSince: number | null = null;
  private downReason = '';
  private retryTimer: NodeJS.Timeout | null = null;
  private resolveDone!: (s: RecordSummary) => void;
  private timer: NodeJS.Timeout | null = null;
  readonly stats: RecorderStats = { state: 'connecting', frames: 0, byKind: {}, gaps: [], bytes: 0, elapsedMs: 0, reconnects: 0, media: { ok: 0, failed: 0, pending: 0, skipped: 0 }, connectedOnce: false, binary: 0 };
  readonly done: Promise<RecordSummary>;
  /** Types the library decoded that make no TikFinity event, one entry per message (the report line counts them). */
  readonly noEvent: string[] = [];
  private error: RecordingError | undefined;
  private reason = 'stopped';

  constructor(private readonly opts: TikTokRecordOptions) {
    this.writer = RecordingWriter.create(opts.outDir, makeHeader(`tiktok:@${opts.uniqueId.replace(/^@/, '')}`, Date.now(), opts.tool ?? 'tiksim', opts.name));
    this.media = opts.media === false ? null : new MediaCapture({ mediaDir: this.writer.mediaDir, policy: mediaPolicy(), fetchImpl: opts.fetchImpl, onDone: (note) => !this.writer.closed && this.safe(() => this.writer.writeEntry({ ...note, t: this.now() })) });
    this.done = new Promise((r) => (this.resolveDone = r));
  }

  private now(): number {
    return Math.floor(performance.now() - this.t0);
  }

  private safe(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.error = e as RecordingError;
      void this.stop((e as Error).message);
    }
  }

  /** Connects (TikTok needs internet; a first failure ends the session with the library's message). */
  start(): void {
    if (this.opts.durationMs !== undefined) this.timer = setTimeout(() => void this.stop('duration'), this.opts.durationMs);
    this.open();
  }

  private open(): void {
    if (this.stopped) return;
    const conn = this.opts.connect ? this.opts.connect(this.opts.uniqueId) : defaultConnect(this.opts.uniqueId, this.opts.connection);
    this.conn = conn;
    // Events of a connection that was replaced are ignored.
    const live = (): boolean => this.conn === conn && !this.stopped;
    conn.on(ControlEvent.WEBSOCKET_DATA, (bytes) => {
      if (!live()) return;
      this.endGap();
      this.safe(() => this.writer.writeEntry({ type: 'raw', t: this.now(), b64: Buffer.from(bytes as Uint8Array).toString('base64') }));
    });
    // The library emits (method, {type, data}, payload): the message is in `data` (reading the wrapper instead maps
    // every field to its default, which only a real connection shows).
    conn.on(ControlEvent.DECODED_DATA, (method, decoded) => {
      if (!live()) return;
      const d = decoded as { type?: unknown; data?: unknown } | null;
      // The first message of a new connection (its initial batch comes while connect() is still pending) ends the outage.
      this.endGap();
      if (d && typeof d === 'object' && typeof d.type === 'string' && 'data' in d) this.onMessage(d.type, d.data);
      else this.onMessage(String(method), decoded);
    });
    conn.on(ControlEvent.DISCONNECTED, () => {
      if (live()) this.lost('TikTok disconnected');
    });
    Promise.resolve()
      .then(() => conn.connect())
      .then(() => {
        if (!live()) return;
        this.everConnected = true;
        this.stats.connectedOnce = true;
        delete this.stats.retry;
        this.attempt = 0;
        this.stats.state = 'connected';
        this.endGap();
      })
      .catch((err: Error) => {
        if (!live()) return;
        // The library's messages can span lines (a sign server's payload): one line, bounded, for the status line and the summary.
        const e = { message: String(err?.message ?? err).replace(/\s*\n\s*/g, ' ').trim().slice(0, 300) };
        if (!this.everConnected) return void this.stop(`cannot connect to TikTok @${this.opts.uniqueId}: ${e.message} (needs internet and a live stream)`);
        this.lost(`reconnect failed: ${e.message}`);
      });
  }

  /** The connection is gone: the stream's end stops the session, anything else is retried. */
  private lost(reason: string): void {
    if (this.streamEnded) return void this.stop('the stream ended');
    if (this.downSince === null) {
      this.downSince = this.now();
      this.downReason = reason;
    }
    this.stats.state = 'reconnecting';
    this.stats.reconnects++;
    const attempt = this.attempt++;
    const delay = backoffDelay(attempt, this.opts.backoffMs ?? { initial: 1000, max: 30_000 }, this.opts.rng);
    const problem = `TikTok @${this.opts.uniqueId}: ${reason}`;
    if (problem !== this.stats.retry?.problem) this.opts.onProblem?.(`${problem} (retrying with backoff, at most ${fmtWait(this.opts.backoffMs?.max ?? 30_000)} apart; Ctrl-C to stop)`);
    this.stats.retry = { problem, attempt: attempt + 1, atMs: this.now() + Math.round(delay) };
    const old = this.conn;
    this.conn = null;
    void Promise.resolve(old?.disconnect()).catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  /** Writes the open outage's gap marker (once), before anything the new connection brings, so `t` never goes back. */
  private endGap(): void {
    if (this.downSince === null) return;
    this.writeGap({ t: this.downSince, durationMs: this.now() - this.downSince, reason: this.downReason });
    this.downSince = null;
  }

  private writeGap(gap: { t: number; durationMs: number; reason: string }): void {
    this.stats.gaps.push(gap);
    this.safe(() => this.writer.writeEntry({ type: 'gap', ...gap }));
  }

  /** Writes one decoded message: its TikFinity frame, and with `allKinds` its TLC-style frames. Exposed for tests. */
  onMessage(type: string, event: unknown): void {
    if (this.stopped) return;
    const mapped = mapWebcastMessage(type, event);
    if (!mapped) this.noEvent.push(type);
    else {
      if (mapped.event === 'streamEnd') this.streamEnded = true;
      this.write(mapped.event, serializeFrame(mapped.event, mapped.data));
    }
    // The TLC data is the decoded message itself; bytes fields go as base64, as `tiksim decode` prints them.
    if (this.opts.allKinds) for (const f of tlcFrames(type, event)) if (!this.stopped) this.write(f.event, JSON.stringify(f, bigintSafe));
  }

  /** The report line for decoded messages with no TikFinity event, or '' when there were none. */
  noEventLine(): string {
    if (!this.noEvent.length) return '';
    return `decoded, no TikFinity event: ${countTypes(this.noEvent)} (${this.opts.allKinds ? 'written as TLC-style frames' : 'not recorded as frames; --all-kinds writes them; the raw entries keep every message'})`;
  }

  private write(kind: string, text: string): void {
    this.safe(() => this.writer.writeFrame(this.now(), text));
    this.stats.frames++;
    this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
    if (this.media) captureUrls(this.media, text);
    if (this.opts.maxEvents !== undefined && this.stats.frames >= this.opts.maxEvents) void this.stop('max-events');
  }

  /** Current counters. */
  snapshot(): RecorderStats {
    return refreshStats(this.stats, this.writer, this.media, this.now());
  }

  /** After the session: removes the recording folder when nothing was recorded, so a rerun can use it. */
  discardIfEmpty(): boolean {
    return this.stopped && this.writer.discardIfEmpty();
  }

  /** Stops and closes the recording. */
  async stop(reason = 'stopped'): Promise<RecordSummary> {
    if (this.stopped) return this.done;
    this.stopped = true;
    this.reason = reason;
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    try {
      await this.conn?.disconnect();
    } catch {
      /* already gone */
    }
    if (this.downSince !== null && !this.writer.closed) {
      this.writeGap({ t: this.downSince, durationMs: this.now() - this.downSince, reason: `${this.downReason}; not reconnected before the recording stopped` });
    }
    if (this.media) {
      await this.media.drain(3000);
      this.media.close();
    }
    const s = { ...this.snapshot(), state: 'stopped' as const };
    this.writer.close();
    const summary: RecordSummary = { ...s, dir: this.writer.dir, eventsPath: this.writer.eventsPath, reason: this.reason, ...(this.error ? { error: this.error } : {}) };
    this.resolveDone(summary);
    return summary;
  }
}
