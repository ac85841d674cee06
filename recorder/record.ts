/**
 * Records a TikFinity-compatible WebSocket feed into a recording folder. Each frame is appended as it arrives; when the
 * upstream vanishes it reconnects with exponential backoff and jitter and writes a gap marker covering the outage.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { backoffDelay, fmtWait } from './backoff.ts';
import { RecordingError, makeHeader, type MediaEntry } from './format.ts';
import { RecordingWriter } from './writer.ts';
import { MediaCapture } from './media-capture.ts';
import { mediaPolicy } from './media-policy.ts';
import { findMediaUrls, frameImageUrls } from './media-urls.ts';
import { frameKind, frameKindOfBinary } from './frame-kind.ts';
import { redactSource } from './redact.ts';

export { frameKind };

/** Options for a recording session. */
export interface RecordOptions {
  /** Upstream socket URL, e.g. ws://127.0.0.1:21213/ */
  from: string;
  /** The recording folder to create. */
  outDir: string;
  name?: string;
  /** Stop after this long (ms). */
  durationMs?: number;
  /** Stop after this many frames. */
  maxEvents?: number;
  /** Capture images (default true). */
  media?: boolean;
  mediaConcurrency?: number;
  /** Reconnect backoff: first delay and cap (ms). */
  backoffMs?: { initial: number; max: number };
  /** Jitter source in [0,1) (default Math.random; inject for tests). */
  rng?: () => number;
  tool?: string;
  /** Heartbeat: ping every this many ms; terminate when no pong by the next ping (default 10 s). */
  pingMs?: number;
  /** Injected fetch for media (tests map TikTok's CDN hosts onto a loopback server with it). */
  fetchImpl?: typeof fetch;
  /** CDN hostname patterns media may come from over https (default TIKTOK_CDN_HOSTS). */
  cdnHosts?: readonly RegExp[];
  /** Told once per new reason when connecting fails, with what is being done (the CLI prints it). */
  onProblem?: (text: string) => void;
}

/** Live counters of a session. */
export interface RecorderStats {
  state: 'connecting' | 'connected' | 'reconnecting' | 'stopped';
  frames: number;
  byKind: Record<string, number>;
  gaps: Array<{ t: number; durationMs: number; reason: string }>;
  bytes: number;
  elapsedMs: number;
  reconnects: number;
  /** Images: captured, failed, downloading, and skipped (never fetched: outside image fields or off the policy). */
  media: { ok: number; failed: number; pending: number; skipped: number };
  /** True once a connection was ever open (a session that never connected recorded nothing and says why). */
  connectedOnce: boolean;
  /** While down: why the last attempt failed, in words, and when (elapsed ms) the next attempt starts. */
  retry?: { problem: string; attempt: number; atMs: number };
  /** Binary WebSocket frames among `frames` (TikFinity sends text only; they are kept as `binary` entries). */
  binary: number;
}

/** Says in words why a connection to `url` failed, from the socket's error code or close reason. */
export function describeConnectProblem(reason: string, url: string): string {
  const src = redactSource(url);
  if (/ECONNREFUSED/.test(reason)) return `nothing listening at ${src}; is TikFinity/tiksim running?`;
  if (/ENOTFOUND|EAI_AGAIN/.test(reason)) return `cannot find the host of ${src} (${reason}); check the address`;
  if (/Unexpected server response: 401/.test(reason)) return `${src} refused the connection (HTTP 401): a token-protected tiksim needs ?token=<token> in --from`;
  const http = /Unexpected server response: (\d+)/.exec(reason);
  if (http) return `${src} refused the WebSocket upgrade (HTTP ${http[1]}); is it a TikFinity-compatible socket?`;
  return `cannot connect to ${src} (${reason})`;
}

/** What a finished session reports. */
export interface RecordSummary extends RecorderStats {
  dir: string;
  eventsPath: string;
  /** Why it stopped: 'stopped', 'duration', 'max-events', or the error. */
  reason: string;
  error?: RecordingError;
}

/** One recording session against a WebSocket upstream. */
export class Recorder {
  private readonly writer: RecordingWriter;
  private readonly media: MediaCapture | null;
  private readonly t0: number;
  private ws: WebSocket | null = null;
  private stopped = false;
  private everConnected = false;
  private attempt = 0;
  private downSince: number | null = null;
  private downReason = '';
  private retryTimer: NodeJS.Timeout | null = null;
  private durationTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private resolveDone!: (s: RecordSummary) => void;
  private stopReason = 'stopped';
  private stopError: RecordingError | undefined;
  readonly stats: RecorderStats = {
    state: 'connecting',
    frames: 0,
    byKind: {},
    gaps: [],
    bytes: 0,
    elapsedMs: 0,
    reconnects: 0,
    media: { ok: 0, failed: 0, pending: 0, skipped: 0 },
    connectedOnce: false,
    binary: 0,
  };
  /** Resolves when the session ends (stop(), duration, max events, or a write failure). */
  readonly done: Promise<RecordSummary>;

  /** Creates the folder and header (its source without tokens); throws RecordingError when it cannot. Call start() to connect. */
  constructor(private readonly opts: RecordOptions) {
    const startMs = Date.now();
    this.t0 = performance.now();
    this.writer = RecordingWriter.create(opts.outDir, makeHeader(redactSource(opts.from), startMs, opts.tool ?? 'tiksim', opts.name));
    this.media =
      opts.media === false
        ? null
        : new MediaCapture({
            mediaDir: this.writer.mediaDir,
            concurrency: opts.mediaConcurrency,
            fetchImpl: opts.fetchImpl,
            policy: mediaPolicy({ source: opts.from, cdnHosts: opts.cdnHosts }),
            onDone: (note) => this.noteMedia(note),
          });
    this.done = new Promise((r) => (this.resolveDone = r));
    this.writer.onError = (e) => {
      // The frames of the failed batch were counted as they came; only those on disk count.
      this.stats.frames = this.writer.frames + this.stats.binary;
      this.fail(e);
    };
  }

  /** Offset since the start, whole ms. */
  private now(): number {
    return Math.floor(performance.now() - this.t0);
  }

  /** Connects and keeps recording until stopped. */
  start(): void {
    if (this.opts.durationMs !== undefined) {
      this.durationTimer = setTimeout(() => void this.stop('duration'), this.opts.durationMs);
    }
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.opts.from, { perMessageDeflate: false });
    this.ws = ws;
    let alive = true;
    ws.on('open', () => {
      this.everConnected = true;
      this.stats.connectedOnce = true;
      delete this.stats.retry;
      this.attempt = 0;
      this.stats.state = 'connected';
      if (this.downSince !== null) {
        const gap = { t: this.downSince, durationMs: this.now() - this.downSince, reason: this.downReason };
        this.writeGap(gap);
        this.downSince = null;
      }
      // The next outage gets its own reason.
      this.downReason = '';
      this.pingTimer = setInterval(() => {
        if (!alive) return void ws.terminate();
        alive = false;
        ws.ping();
      }, this.opts.pingMs ?? 10_000);
    });
    ws.on('pong', () => (alive = true));
    ws.on('message', (data, isBinary) => {
      alive = true;
      if (this.stopped) return;
      // Every frame is kept, as it came: text exactly, binary as its bytes (never decoded as UTF-8, which is lossy).
      if (isBinary) this.onBinary(Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data as ArrayBuffer)]));
      else this.onFrame(data as Buffer);
    });
    ws.on('error', (e) => {
      this.downReason ||= (e as NodeJS.ErrnoException).code ?? e.message;
    });
    ws.on('close', (code, reason) => {
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = null;
      if (this.ws === ws) this.ws = null;
      if (this.stopped) return;
      if (this.downSince === null) {
        this.downSince = this.everConnected ? this.now() : 0;
        this.downReason = this.downReason || `closed (${code}${reason.length ? ' ' + reason.toString() : ''})`;
      }
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    this.stats.state = 'reconnecting';
    this.stats.reconnects++;
    const attempt = this.attempt++;
    const delay = backoffDelay(attempt, this.opts.backoffMs ?? { initial: 250, max: 10_000 }, this.opts.rng);
    const problem = describeConnectProblem(this.downReason, this.opts.from);
    if (problem !== this.stats.retry?.problem) this.opts.onProblem?.(`${problem} (retrying with backoff, at most ${fmtWait(this.opts.backoffMs?.max ?? 10_000)} apart, until it answers; Ctrl-C to stop)`);
    this.stats.retry = { problem, attempt: attempt + 1, atMs: this.now() + Math.round(delay) };
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.downReason = this.downReason.split(';')[0]!;
      this.connect();
    }, delay);
  }

  /** A text frame, as the UTF-8 bytes ws checked: kept as bytes (latin1 is a copy, one character a byte), never decoded. */
  private onFrame(utf8: Buffer): void {
    const binary = utf8.toString('latin1');
    try {
      this.writer.writeFrameSoon(this.now(), binary, 'latin1');
    } catch (e) {
      this.fail(e as RecordingError);
      return;
    }
    this.stats.frames++;
    const kind = frameKindOfBinary(binary);
    this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
    if (this.media) captureUrls(this.media, binary, true);
    if (this.opts.maxEvents !== undefined && this.stats.frames >= this.opts.maxEvents) void this.stop('max-events');
  }

  private onBinary(bytes: Buffer): void {
    try {
      this.writer.writeEntry({ type: 'binary', t: this.now(), b64: bytes.toString('base64') });
    } catch (e) {
      this.fail(e as RecordingError);
      return;
    }
    this.stats.frames++;
    this.stats.binary++;
    this.stats.byKind.binary = (this.stats.byKind.binary ?? 0) + 1;
    if (this.opts.maxEvents !== undefined && this.stats.frames >= this.opts.maxEvents) void this.stop('max-events');
  }

  private writeGap(gap: { t: number; durationMs: number; reason: string }): void {
    this.stats.gaps.push(gap);
    try {
      this.writer.writeEntry({ type: 'gap', ...gap });
    } catch (e) {
      this.fail(e as RecordingError);
    }
  }

  private noteMedia(note: Omit<MediaEntry, 't'>): void {
    if (this.writer.error || this.writer.closed) return;
    try {
      this.writer.writeEntry({ ...note, t: this.now() } as MediaEntry);
    } catch (e) {
      this.fail(e as RecordingError);
    }
  }

  private fail(e: RecordingError): void {
    this.stopError = e;
    void this.stop(e.message);
  }

  /** Current counters (for the status line). */
  snapshot(): RecorderStats {
    return refreshStats(this.stats, this.writer, this.media, this.now());
  }

  /** After the session: removes the recording folder when nothing was recorded, so a rerun can use it. */
  discardIfEmpty(): boolean {
    return this.stopped && this.writer.discardIfEmpty();
  }

  /** Stops: closes the socket, lets downloads finish (≤ 3 s), notes an open outage, closes the file. */
  async stop(reason = 'stopped'): Promise<RecordSummary> {
    if (this.stopped) return this.done;
    this.stopped = true;
    this.stopReason = reason;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.durationTimer) clearTimeout(this.durationTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.ws?.removeAllListeners('message');
    this.ws?.close(1000, 'recording stopped');
    this.ws?.on('error', () => undefined);
    if (this.downSince !== null && !this.writer.error) {
      this.writeGap({ t: this.downSince, durationMs: this.now() - this.downSince, reason: `${this.downReason}; not reconnected before the recording stopped` });
    }
    if (this.media) {
      if (!this.writer.error) await this.media.drain(3000);
      try {
        this.media.close();
      } catch {
        /* index.json is a convenience; the media entries in events.jsonl are the record */
      }
    }
    const stats = this.snapshot();
    stats.state = 'stopped';
    this.writer.close();
    this.ws?.terminate();
    const summary: RecordSummary = {
      ...stats,
      dir: this.writer.dir,
      eventsPath: this.writer.eventsPath,
      reason: this.stopReason,
      ...(this.stopError ? { error: this.stopError } : {}),
    };
    this.resolveDone(summary);
    return summary;
  }
}

/** Brings a recorder's counters up to date from its writer and media capture (shared by both recorders). */
export function refreshStats(
  stats: RecorderStats,
  writer: { bytes: number },
  media: { ok: number; failed: number; pending: number; skipped: number } | null | undefined,
  elapsedMs: number,
): RecorderStats {
  stats.bytes = writer.bytes;
  stats.elapsedMs = elapsedMs;
  if (media) stats.media = { ok: media.ok, failed: media.failed, pending: media.pending, skipped: media.skipped };
  return stats;
}

/**
 * Hands a frame's image-field URLs to media capture and notes every other image-looking URL as skipped. With `binary`,
 * `text` is the frame's UTF-8 bytes as a latin1 string (the recorder keeps frames so), decoded only if it must be read.
 */
export function captureUrls(media: MediaCapture, text: string, binary = false): void {
  // Most frames carry only pictures already taken (a viewer's avatar again). When every "http" in the frame starts one
  // of those, reading the frame's fields (a JSON.parse and a walk, ~8 µs a frame: most of a recorded frame's cost)
  // could only add and skip what is already there, so it is left out. A \u escape could hide a URL: read those. An
  // ASCII URL reads the same in the latin1 form; any other sends the frame the long way.
  if (!text.includes('\\u')) {
    const found = findMediaUrls(text);
    if (found.length > 0 && countHttp(text) === found.length && found.every((f) => (!binary || ASCII.test(f.url)) && media.taken(f.url))) return;
  }
  const { images, elsewhere } = frameImageUrls(binary ? Buffer.from(text, 'latin1').toString('utf8') : text);
  for (const u of images) media.add(u);
  for (const u of elsewhere) media.skip(u);
}

/** How many times "http" stands in `text`, in any case. */
function countHttp(text: string): number {
  let n = 0;
  HTTP_ANY_CASE.lastIndex = 0;
  while (HTTP_ANY_CASE.exec(text)) n++;
  return n;
}
const HTTP_ANY_CASE = /http/gi;
const ASCII = /^[\x00-\x7f]*$/;
