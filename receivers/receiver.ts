/**
 * The one contract every source of events implements: a TikFinity-compatible socket, TikTok directly
 * (tiktok-live-connector), the simulator's engine in-process, a replayed recording, Twitch IRC.
 * The relay (relay/) takes one receiver as its source; `tiksim watch` and the overlay's aggregated socket take several
 * through `aggregate()`; the recorder's TikTok path uses the TikTok receiver.
 *
 * A receiver connects on `start()`, reconnects with backoff and jitter (protocol/backoff.ts) until `stop()`, reports
 * every state change, and hands on what it receives in one normalised form. It never throws into its caller: a
 * failure is a state (`failed` with `lastError`), not an exception.
 */

export type Platform = 'tiktok' | 'twitch';

export type ReceiverState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'stopped' | 'failed';

export interface ReceiverStatus {
  /** Short name of this receiver, unique within an aggregate: 'tiktok', 'tikfinity', 'simulate', 'replay', 'twitch'. */
  name: string;
  platform: Platform;
  /** What it reads, with any secret removed (no tokens, no OAuth): `ws://127.0.0.1:21213/`, `@user`, `#channel`. */
  source: string;
  state: ReceiverState;
  /** Epoch ms of the last state change. */
  since: number;
  /** Connection attempts since the last successful connect (0 while connected). */
  attempts: number;
  /** Events handed on since start. */
  events: number;
  /** The last error's message (secrets removed), present after a failure. */
  lastError?: string;
  /** Room or channel once known (TikTok roomId, Twitch channel). */
  room?: string;
}

/** One event as a receiver hands it on. */
export interface Received<D = unknown> {
  platform: Platform;
  /** The receiver's name (ReceiverStatus.name). */
  receiver: string;
  /**
   * The event's kind. TikTok: a TikTok-Live-Connector v2 event name (`chat`, `gift`, `roomUser`, `goalUpdate`, ...,
   * and the control events `connected`, `disconnected`, `error`, `streamEnd`). Twitch: the IRC command or
   * USERNOTICE msg-id (`PRIVMSG`, `sub`, `resub`, `subgift`, `raid`, `CLEARCHAT`, ...).
   */
  kind: string;
  /** TikTok: the TLC-style data of the kind (protocol/tlc). Twitch: the parsed IRC message (protocol/twitch). */
  data: D;
  /** Epoch ms when it was received (the engine's clock for the simulator and replays). */
  at: number;
  /** The original bytes where there were some (a TikFinity frame's text, an IRC line). */
  raw?: string;
}

export interface Receiver<D = unknown> {
  readonly name: string;
  readonly platform: Platform;
  /** Connects (and keeps reconnecting) until stop(). Calling it twice is a no-op. */
  start(): void;
  /** Closes the connection and stops reconnecting; resolves once closed. */
  stop(): Promise<void>;
  status(): ReceiverStatus;
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(fn: (e: Received<D>) => void): () => void;
  /** Subscribes to state changes; returns the unsubscribe function. */
  onState(fn: (s: ReceiverStatus) => void): () => void;
}
