import { parseFrame, type KnownFrame } from '../../protocol/index.ts';
import type { Bus } from '../bus.ts';
import { checkFrame } from './frame-guard.ts';
import type { OverlayHarness } from '../harness.ts';
import { backoffDelay } from '../../protocol/backoff.ts';

type Pending = { kind: 'frame'; frame: KnownFrame; at: number } | { kind: 'unknown'; event: string; data: unknown; at: number } | { kind: 'status'; connected: boolean; attempt: number; at: number };

/** Options for Connection. */
export interface ConnectionOptions {
  url: string;
  harness: OverlayHarness;
  log: (m: string) => void;
  /** Frames held while the game is not stepping (hidden tab); beyond it the oldest are dropped. */
  maxPending?: number;
}

/**
 * Reconnect delay for the n-th attempt (ms): 0.5 s doubling to 10 s, by the project's one backoff formula. No jitter:
 * one overlay is one client, and its tests run it under a fake clock.
 */
export function backoffMs(attempt: number): number {
  return backoffDelay(Math.max(0, attempt - 1), { initial: 500, max: 10_000 }, () => 1);
}

/**
 * The one module that owns the socket: parses frames, counts and ignores bad ones, reconnects with backoff, and
 * holds good frames until `flush` hands them to the bus on the next game step (so state depends only on game time).
 */
export class Connection {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private readonly pending: Pending[] = [];
  private head = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly maxPending: number;
  private closed = false;

  constructor(private readonly opts: ConnectionOptions) {
    this.maxPending = opts.maxPending ?? 20_000;
  }

  /** Opens the socket (and keeps reopening it until `close`). */
  open(): void {
    this.closed = false;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.opts.url);
    } catch (e) {
      this.opts.log(`socket: cannot open ${this.opts.url}: ${String(e)}`);
      this.schedule();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.opts.harness.connected = true;
      this.enqueue({ kind: 'status', connected: true, attempt: 0, at: performance.now() });
      this.opts.log('socket: connected');
    };
    ws.onmessage = (m: MessageEvent) => this.onText(m.data);
    ws.onerror = () => this.opts.log('socket: error');
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.opts.harness.connected = false;
      this.attempt++;
      this.enqueue({ kind: 'status', connected: false, attempt: this.attempt, at: performance.now() });
      this.opts.log(`socket: closed (${ev.code}), retry #${this.attempt} in ${backoffMs(this.attempt)} ms`);
      this.schedule();
    };
  }

  /** Closes for good. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
    this.ws = null;
  }

  /** Parses one incoming text frame; public so a test can feed frames without a socket. */
  onText(text: unknown): void {
    const h = this.opts.harness;
    h.received++;
    const at = performance.now();
    // Envelope only, then a per-kind guard of the fields the overlay reads: full schema validation of every frame
    // was the overlay's biggest JavaScript cost in a gift storm.
    const r = parseFrame(text, { validate: false });
    if (!r.ok) {
      h.bad++;
      this.opts.log(`bad frame ignored: ${r.error}`);
      return;
    }
    if (r.frame.known) {
      const badField = checkFrame(r.frame);
      if (badField !== null) {
        h.bad++;
        this.opts.log(`bad frame ignored: ${r.frame.event}: ${badField}: invalid`);
        return;
      }
    }
    if (r.frame.known) this.enqueue({ kind: 'frame', frame: r.frame, at });
    else this.enqueue({ kind: 'unknown', event: r.frame.event, data: r.frame.data, at });
  }

  /** Frames waiting for the next step. */
  get backlog(): number {
    return this.pending.length - this.head;
  }

  /** Hands up to `max` pending frames to the bus; call from the game's pre-step. Returns how many. */
  flush(bus: Bus, max = 400): number {
    let n = 0;
    while (this.head < this.pending.length && n < max) {
      const p = this.pending[this.head++]!;
      n++;
      if (p.kind === 'status') {
        bus.emit('status', { connected: p.connected, attempt: p.attempt });
        continue;
      }
      this.opts.harness.processed++;
      if (p.kind === 'unknown') bus.emit('unknown', { event: p.event, data: p.data }, p.at);
      else emitKnown(bus, p.frame, p.at);
    }
    if (this.head === this.pending.length) {
      this.pending.length = 0;
      this.head = 0;
    } else if (this.head > 1024) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
    return n;
  }

  private enqueue(p: Pending): void {
    if (this.backlog >= this.maxPending) {
      this.head++;
      this.opts.harness.overflow++;
    }
    this.pending.push(p);
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => this.open(), backoffMs(this.attempt));
  }
}

function emitKnown(bus: Bus, f: KnownFrame, at: number): void {
  // The union is correlated by `event`; TypeScript cannot see that through a generic emit, hence the narrow cast.
  (bus.emit as (e: string, d: unknown, at: number) => void)(f.event, f.data, at);
}
