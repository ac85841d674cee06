import { backoffDelay } from '../../protocol/backoff.ts';
import { parseAggregateFrame, type Message } from '../../protocol/message.ts';
import type { Bus } from '../bus.ts';

/**
 * The second socket of an overlay opened with `?aggregate=ws://127.0.0.1:<port>/`: the merged stream of
 * `tiksim watch --serve-port` (protocol/message.ts frames). The overlay takes Twitch's messages from it and keeps
 * TikTok's from its own socket, which carries every TikTok kind the scenes need (streaks, leaderboard, battles);
 * TikTok messages on the merged socket are the same events again and are skipped. Like Connection, it holds messages
 * until `flush` hands them to the bus on the next game step, so what is drawn depends only on game time.
 */

/** What the harness shows of the merged socket (window.__overlay.aggregate). */
export interface AggregateStats {
  url: string;
  connected: boolean;
  /** Frames received, frames that were not merged-socket frames, Twitch messages handed on. */
  received: number;
  bad: number;
  twitch: number;
}

/** Reconnect delay: 0.5 s doubling to 10 s, no jitter (one overlay is one client, tested under a fake clock). */
const delay = (attempt: number): number => backoffDelay(Math.max(0, attempt - 1), { initial: 500, max: 10_000 }, () => 1);

/** The merged-socket client. */
export class AggregateConnection {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private pending: { m: Message; at: number }[] = [];
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly stats: AggregateStats,
    private readonly log: (m: string) => void,
    private readonly maxPending = 2000,
  ) {}

  /** Opens the socket and keeps reopening it until close(). */
  open(): void {
    this.closed = false;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.stats.url);
    } catch (e) {
      this.log(`aggregate: cannot open ${this.stats.url}: ${String(e)}`);
      return this.schedule();
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.stats.connected = true;
      this.log('aggregate: connected');
    };
    ws.onmessage = (ev: MessageEvent) => this.onText(ev.data);
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.stats.connected = false;
      this.attempt++;
      this.schedule();
    };
  }

  /** Reads one frame; public so a test can feed frames without a socket. */
  onText(text: unknown): void {
    this.stats.received++;
    if (typeof text !== 'string') {
      this.stats.bad++;
      return;
    }
    const r = parseAggregateFrame(text);
    if (!r.ok) {
      this.stats.bad++;
      this.log(`aggregate: bad frame ignored: ${r.error}`);
      return;
    }
    if (r.frame.type !== 'message' || r.frame.message.platform !== 'twitch') return;
    // A page starved of animation frames (hidden tab) keeps the newest messages, not a growing backlog.
    if (this.pending.length >= this.maxPending) this.pending.shift();
    this.pending.push({ m: r.frame.message, at: performance.now() });
  }

  /** Messages waiting for the next step. */
  get backlog(): number {
    return this.pending.length;
  }

  /** Hands the waiting Twitch messages to the bus as `twitch` events. */
  flush(bus: Bus): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    for (const p of batch) {
      this.stats.twitch++;
      bus.emit('twitch', p.m, p.at);
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
    this.ws = null;
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => this.open(), delay(this.attempt));
  }
}
