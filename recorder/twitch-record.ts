/**
 * Records Twitch chat (`tiksim record --twitch-from <url> --twitch <channel>`, or `--twitch <channel>` alone for real
 * Twitch, anonymously) through the same client `tiksim watch` uses (receivers/twitch.ts). A Twitch recording's frames
 * are the raw IRC lines the channel sent (PRIVMSG, USERNOTICE, CLEARCHAT, CLEARMSG, NOTICE, JOIN, PART...), byte for
 * byte; the connection's own lines (welcome, CAP, PING, our JOIN) are not kept, since a replaying server makes its
 * own. The header says `"platform":"twitch"` and names the channel, so replay knows to serve the lines on the fake
 * Twitch socket. Outages become gap markers, as in a TikTok recording. No media: Twitch IRC carries no image URLs
 * beyond emote ids.
 */
import { performance } from 'node:perf_hooks';
import { TwitchReceiver } from '../receivers/twitch.ts';
import { makeHeader, type RecordingError } from './format.ts';
import type { RecorderStats, RecordSummary } from './record.ts';
import { refreshStats } from './record.ts';
import { redactSource } from './redact.ts';
import { RecordingWriter } from './writer.ts';

/** Real Twitch chat over WebSocket. */
export const TWITCH_IRC_WS = 'wss://irc-ws.chat.twitch.tv:443';

export interface TwitchRecordOptions {
  /** The server: ws://, wss://, irc:// or ircs:// (default real Twitch). */
  from?: string;
  channel: string;
  outDir: string;
  name?: string;
  durationMs?: number;
  maxEvents?: number;
  tool?: string;
  /** The server's PING interval (the fake's --twitch-ping), for the silence watchdog. */
  pingIntervalMs?: number;
  backoff?: { initial: number; max: number };
  onProblem?: (text: string) => void;
}

/** One Twitch recording session; the same shape as the TikTok recorders for the CLI. */
export class TwitchRecorder {
  private readonly writer: RecordingWriter;
  private readonly receiver: TwitchReceiver;
  private readonly t0 = performance.now();
  private stopped = false;
  private downSince: number | null = null;
  private downReason = '';
  private durationTimer: NodeJS.Timeout | null = null;
  private resolveDone!: (s: RecordSummary) => void;
  private stopReason = 'stopped';
  private stopError: RecordingError | undefined;
  readonly stats: RecorderStats = { state: 'connecting', frames: 0, byKind: {}, gaps: [], bytes: 0, elapsedMs: 0, reconnects: 0, media: { ok: 0, failed: 0, pending: 0, skipped: 0 }, connectedOnce: false, binary: 0 };
  readonly done: Promise<RecordSummary>;

  /** Checks the channel and URL (TypeError), creates the folder and header (RecordingError). Call start() to connect. */
  constructor(private readonly opts: TwitchRecordOptions) {
    const from = opts.from ?? TWITCH_IRC_WS;
    this.receiver = new TwitchReceiver({
      url: from,
      channels: [opts.channel],
      name: 'twitch',
      ...(opts.pingIntervalMs !== undefined ? { pingIntervalMs: opts.pingIntervalMs } : {}),
      backoff: opts.backoff ?? { initial: 250, max: 10_000 },
    });
    const channel = `#${opts.channel.replace(/^#/, '').toLowerCase()}`;
    const header = { ...makeHeader(`twitch ${channel} via ${redactSource(from)}`, Date.now(), opts.tool ?? 'tiksim', opts.name), platform: 'twitch' as const, channel };
    this.writer = RecordingWriter.create(opts.outDir, header);
    this.done = new Promise((r) => (this.resolveDone = r));
  }

  private now(): number {
    return Math.floor(performance.now() - this.t0);
  }

  /** Connects and records until stopped, the duration, or max events. */
  start(): void {
    if (this.opts.durationMs !== undefined) this.durationTimer = setTimeout(() => void this.stop('duration'), this.opts.durationMs);
    this.receiver.onEvent((e) => {
      if (this.stopped || e.raw === undefined) return;
      try {
        this.writer.writeFrame(this.now(), e.raw);
      } catch (err) {
        this.stopError = err as RecordingError;
        void this.stop((err as Error).message);
        return;
      }
      this.stats.frames++;
      this.stats.byKind[e.kind] = (this.stats.byKind[e.kind] ?? 0) + 1;
      if (this.opts.maxEvents !== undefined && this.stats.frames >= this.opts.maxEvents) void this.stop('max-events');
    });
    this.receiver.onState((s) => {
      if (this.stopped) return;
      // Connected means the channel's JOIN was confirmed: a welcome alone (then a refused channel) recorded nothing.
      if (s.state === 'connected' && this.receiver.status().joined.length > 0) {
        this.stats.state = 'connected';
        this.stats.connectedOnce = true;
        delete this.stats.retry;
        if (this.downSince !== null) {
          this.writeGap({ t: this.downSince, durationMs: this.now() - this.downSince, reason: this.downReason });
          this.downSince = null;
        }
      } else if (s.state === 'reconnecting') {
        this.stats.state = 'reconnecting';
        this.stats.reconnects++;
        if (this.downSince === null) {
          this.downSince = this.stats.connectedOnce ? this.now() : 0;
          this.downReason = s.lastError ?? 'connection lost';
        }
        const problem = s.lastError ?? 'connection lost';
        if (problem !== this.stats.retry?.problem) this.opts.onProblem?.(`${problem} (retrying with backoff until it answers; Ctrl-C to stop)`);
        this.stats.retry = { problem, attempt: s.attempts, atMs: this.now() };
      } else if (s.state === 'failed') {
        // A refused login or a channel that does not exist: retrying cannot help; the reason ends the session.
        void this.stop(s.lastError ?? 'Twitch refused the connection');
      }
    });
    this.receiver.start();
  }

  private writeGap(gap: { t: number; durationMs: number; reason: string }): void {
    this.stats.gaps.push(gap);
    try {
      this.writer.writeEntry({ type: 'gap', ...gap });
    } catch (e) {
      this.stopError = e as RecordingError;
      void this.stop((e as Error).message);
    }
  }

  /** Current counters (for the status line). */
  snapshot(): RecorderStats {
    return refreshStats(this.stats, this.writer, null, this.now());
  }

  /** After the session: removes the folder when nothing was recorded. */
  discardIfEmpty(): boolean {
    return this.stopped && this.writer.discardIfEmpty();
  }

  /** Stops: closes the connection, notes an open outage, closes the file. */
  async stop(reason = 'stopped'): Promise<RecordSummary> {
    if (this.stopped) return this.done;
    this.stopped = true;
    this.stopReason = reason;
    if (this.durationTimer) clearTimeout(this.durationTimer);
    await this.receiver.stop();
    if (this.downSince !== null && !this.writer.error && this.stats.connectedOnce) {
      this.writeGap({ t: this.downSince, durationMs: this.now() - this.downSince, reason: `${this.downReason}; not reconnected before the recording stopped` });
    }
    const stats = this.snapshot();
    stats.state = 'stopped';
    this.writer.close();
    const summary: RecordSummary = { ...stats, dir: this.writer.dir, eventsPath: this.writer.eventsPath, reason: this.stopReason, ...(this.stopError ? { error: this.stopError } : {}) };
    this.resolveDone(summary);
    return summary;
  }
}
