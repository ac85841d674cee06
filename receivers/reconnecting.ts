/**
 * The part every receiver shares: the state machine of receiver.ts (idle → connecting → connected → reconnecting →
 * ... → stopped, or failed), listeners, counters, and reconnecting with exponential backoff and jitter
 * (protocol/backoff.ts). A receiver supplies only `open()`: make one connection attempt and report through the
 * session what happens to it. Used by every receiver of this folder, Twitch's included.
 * The control events the webhook service forwards (`connected`, `disconnected`, `error`) are emitted here, with the
 * TLC-style data TikTok-Live-Connector gives them (protocol/tlc/connected.ts, disconnected.ts, error.ts).
 */
import { backoffDelay, type Backoff } from '../protocol/backoff.ts';
import type { Platform, Received, Receiver, ReceiverState, ReceiverStatus } from './receiver.ts';

/** What `open()` reports through. */
export interface Session {
  /** The connection is up (`room`: the room or channel once known; `data`: the `connected` event's data). */
  connected(room?: string, data?: Record<string, unknown>): void;
  /** One event, handed on as it is. `at` defaults to the receiver's clock. */
  event(kind: string, data: unknown, at?: number, raw?: string): void;
  /** A problem that does not end the connection (a frame that could not be read): an `error` event. */
  problem(info: string, exception?: unknown): void;
  /** The connection is gone; a new one is tried after a backoff. */
  lost(reason: string, code?: number): void;
  /** It cannot work (bad input, a recording that is not one): no more attempts, state `failed`. */
  fail(reason: string): void;
  /** The source is finished (a replay at its end): state `stopped`. */
  end(): void;
  /** False once this attempt was replaced or the receiver stopped: late callbacks must do nothing. */
  readonly live: boolean;
}

/** How to close one attempt. */
export type Closer = () => void | Promise<void>;

/** Options every receiver takes. */
export interface ReconnectOptions {
  /** Reconnect backoff, ms (default 1 s doubling to 30 s). */
  backoff?: Backoff;
  /** Jitter source (tests: () => 0). */
  rng?: () => number;
  /** Clock for `at` and `since` (default Date.now). */
  now?: () => number;
}

/** Removes credentials from a message or URL before it is reported: `?token=...`, `oauth:...`, `user:pass@`. */
export function scrub(text: string): string {
  return text
    .replace(/(\b(?:token|access_token|key|api_key|sessionid|password)=)[^&\s#)]*/gi, '$1<removed>')
    .replace(/oauth:[A-Za-z0-9]+/gi, 'oauth:<removed>')
    .replace(/(\w+:\/\/)[^/@\s]+@/g, '$1<removed>@');
}

/** A receiver made of one `open()` and the shared reconnect logic. */
export abstract class ReconnectingReceiver<D = unknown> implements Receiver<D> {
  private readonly eventFns = new Set<(e: Received<D>) => void>();
  private readonly stateFns = new Set<(s: ReceiverStatus) => void>();
  private st: ReceiverStatus;
  private attempt = 0;
  private current: { session: Session; close: Closer | null } | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private started = false;
  protected readonly now: () => number;

  constructor(
    readonly name: string,
    readonly platform: Platform,
    source: string,
    private readonly opts: ReconnectOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.st = { name, platform, source: scrub(source), state: 'idle', since: this.now(), attempts: 0, events: 0 };
  }

  /** One connection attempt; returns how to close it. Never throws: failures go through the session. */
  protected abstract open(s: Session): Closer | Promise<Closer>;

  start(): void {
    if (this.started) return;
    this.started = true;
    this.connect();
  }

  async stop(): Promise<void> {
    this.started = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const cur = this.current;
    this.current = null;
    if (this.st.state !== 'failed') this.setState('stopped');
    await cur?.close?.();
  }

  status(): ReceiverStatus {
    return { ...this.st };
  }

  onEvent(fn: (e: Received<D>) => void): () => void {
    this.eventFns.add(fn);
    return () => this.eventFns.delete(fn);
  }

  onState(fn: (s: ReceiverStatus) => void): () => void {
    this.stateFns.add(fn);
    return () => this.stateFns.delete(fn);
  }

  private setState(state: ReceiverState, patch: Partial<ReceiverStatus> = {}): void {
    this.st = { ...this.st, ...patch, state, since: this.now(), attempts: this.attempt };
    const s = this.status();
    for (const fn of this.stateFns) fn(s);
  }

  /** Hands on one event to every subscriber. */
  protected emit(kind: string, data: unknown, at = this.now(), raw?: string): void {
    this.st.events++;
    const e: Received<D> = { platform: this.platform, receiver: this.name, kind, data: data as D, at, ...(raw !== undefined ? { raw } : {}) };
    for (const fn of this.eventFns) fn(e);
  }

  private connect(): void {
    if (this.st.state === 'stopped' || this.st.state === 'failed') return;
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const slot: { session: Session; close: Closer | null } = { session: null as unknown as Session, close: null };
    const live = () => this.current === slot;
    const session: Session = {
      get live() {
        return live();
      },
      connected: (room, data) => {
        if (!live()) return;
        this.attempt = 0;
        this.setState('connected', room !== undefined ? { room } : {});
        delete this.st.lastError;
        this.emit('connected', data ?? { isConnected: true, isConnecting: false, roomId: room ?? '0' });
      },
      event: (kind, data, at, raw) => {
        if (live()) this.emit(kind, data, at, raw);
      },
      problem: (info, exception) => {
        if (live()) this.emit('error', { info: scrub(info), exception: exception === undefined ? null : scrub(String(exception)) });
      },
      lost: (reason, code) => {
        if (!live()) return;
        const wasConnected = this.st.state === 'connected';
        this.current = null;
        void Promise.resolve(slot.close?.()).catch(() => undefined);
        this.st.lastError = scrub(reason);
        if (wasConnected) this.emit('disconnected', { code: code ?? 1006, reason: scrub(reason) });
        else this.emit('error', { info: scrub(reason), exception: null });
        this.scheduleRetry();
      },
      fail: (reason) => {
        if (!live()) return;
        this.current = null;
        void Promise.resolve(slot.close?.()).catch(() => undefined);
        this.emit('error', { info: scrub(reason), exception: null });
        this.setState('failed', { lastError: scrub(reason) });
      },
      end: () => {
        if (!live()) return;
        this.current = null;
        void Promise.resolve(slot.close?.()).catch(() => undefined);
        this.setState('stopped');
      },
    };
    slot.session = session;
    this.current = slot;
    Promise.resolve()
      .then(() => this.open(session))
      .then((close) => {
        // An attempt that already ended (or was replaced) is closed at once.
        if (live()) slot.close = close;
        else void Promise.resolve(close()).catch(() => undefined);
      })
      .catch((e: unknown) => session.lost(`could not connect: ${(e as Error)?.message ?? String(e)}`));
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt++, this.opts.backoff ?? { initial: 1000, max: 30_000 }, this.opts.rng);
    this.setState('reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }
}
