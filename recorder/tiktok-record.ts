/**
 * `tiksim record --tiktok <uniqueId>`: records straight from TikTok LIVE through tiktok-live-connector, writing the
 * TikFinity-shaped frames (tiktok-map.ts) and, beside them, every raw webcast push frame (base64 `raw` entries).
 */
import { performance } from 'node:perf_hooks';
import { ControlEvent, TikTokLiveConnection, type TikTokLiveConstructorConnectionOptions } from 'tiktok-live-connector';
import { RecordingError, makeHeader } from './format.ts';
import { RecordingWriter } from './writer.ts';
import { MediaCapture } from './media-capture.ts';
import { findMediaUrls } from './media-urls.ts';
import { mapWebcastMessage } from './tiktok-map.ts';
import { serializeFrame } from '../protocol/index.ts';
import { refreshStats, type RecorderStats, type RecordSummary } from './record.ts';

/** Options for a TikTok session. */
export interface TikTokRecordOptions {
  uniqueId: string;
  outDir: string;
  name?: string;
  durationMs?: number;
  maxEvents?: number;
  media?: boolean;
  tool?: string;
}

/** One recording session from TikTok. Same surface as Recorder. */
export class TikTokRecorder {
  private readonly writer: RecordingWriter;
  private readonly media: MediaCapture | null;
  private readonly t0 = performance.now();
  private conn: TikTokLiveConnection | null = null;
  private stopped = false;
  private resolveDone!: (s: RecordSummary) => void;
  private timer: NodeJS.Timeout | null = null;
  readonly stats: RecorderStats = { state: 'connecting', frames: 0, byKind: {}, gaps: [], bytes: 0, elapsedMs: 0, reconnects: 0, media: { ok: 0, failed: 0, pending: 0 } };
  readonly done: Promise<RecordSummary>;
  private error: RecordingError | undefined;
  private reason = 'stopped';

  constructor(private readonly opts: TikTokRecordOptions) {
    this.writer = RecordingWriter.create(opts.outDir, makeHeader(`tiktok:@${opts.uniqueId.replace(/^@/, '')}`, Date.now(), opts.tool ?? 'tiksim', opts.name));
    this.media = opts.media === false ? null : new MediaCapture({ mediaDir: this.writer.mediaDir, onDone: (note) => !this.writer.closed && this.safe(() => this.writer.writeEntry({ ...note, t: this.now() })) });
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

  /** Connects (TikTok needs internet; failures end the session with the library's message). */
  start(): void {
    if (this.opts.durationMs !== undefined) this.timer = setTimeout(() => void this.stop('duration'), this.opts.durationMs);
    const conn = new TikTokLiveConnection(this.opts.uniqueId, {} as TikTokLiveConstructorConnectionOptions);
    this.conn = conn;
    conn.on(ControlEvent.WEBSOCKET_DATA, (bytes: Uint8Array) => this.safe(() => this.writer.writeEntry({ type: 'raw', t: this.now(), b64: Buffer.from(bytes).toString('base64') })));
    conn.on(ControlEvent.DECODED_DATA, (type: string, event: unknown) => this.onMessage(type, event));
    conn.on(ControlEvent.DISCONNECTED, () => {
      if (!this.stopped) void this.stop('TikTok disconnected');
    });
    conn
      .connect()
      .then(() => (this.stats.state = 'connected'))
      .catch((e: Error) => void this.stop(`cannot connect to TikTok @${this.opts.uniqueId}: ${e.message} (needs internet and a live stream)`));
  }

  /** Writes one mapped message. Exposed for tests. */
  onMessage(type: string, event: unknown): void {
    if (this.stopped) return;
    const mapped = mapWebcastMessage(type, event);
    if (!mapped) return;
    const text = serializeFrame(mapped.event, mapped.data);
    this.safe(() => this.writer.writeFrame(this.now(), text));
    this.stats.frames++;
    this.stats.byKind[mapped.event] = (this.stats.byKind[mapped.event] ?? 0) + 1;
    if (this.media) for (const u of findMediaUrls(text)) this.media.add(u.url);
    if (this.opts.maxEvents !== undefined && this.stats.frames >= this.opts.maxEvents) void this.stop('max-events');
  }

  /** Current counters. */
  snapshot(): RecorderStats {
    return refreshStats(this.stats, this.writer, this.media, this.now());
  }

  /** Stops and closes the recording. */
  async stop(reason = 'stopped'): Promise<RecordSummary> {
    if (this.stopped) return this.done;
    this.stopped = true;
    this.reason = reason;
    if (this.timer) clearTimeout(this.timer);
    try {
      await this.conn?.disconnect();
    } catch {
      /* already gone */
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
