/**
 * A TikFinity-compatible socket as a receiver: TikFinity itself (ws://127.0.0.1:21213/) or a tiksim server. Each text
 * frame is read with protocol's parseFrame and turned into TLC-style data with toTlcData (subscribe → subNotify), so
 * a consumer sees the same kinds and data as from TikTok directly. TikFinity's own `config` frame has no TikTok
 * counterpart and is not handed on; a frame that cannot be read becomes an `error` event and the socket stays open.
 * Reconnects with backoff (reconnecting.ts) whenever the socket closes. Generic: any consumer may use it.
 */
import WebSocket from 'ws';
import { handFrame } from './frames.ts';
import { ReconnectingReceiver, type Closer, type ReconnectOptions, type Session } from './reconnecting.ts';

/** Options of the TikFinity receiver. */
export interface TikfinityReceiverOptions extends ReconnectOptions {
  /** ws:// or wss:// URL of the socket. */
  url: string;
  /** Receiver name (default 'tikfinity'). */
  name?: string;
  /** How long a connection attempt may take, ms (default 10 s). */
  connectTimeoutMs?: number;
}

/** Why a URL cannot be a TikFinity socket, or null. */
export function tikfinityUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a URL; give the socket's address, e.g. ws://127.0.0.1:21213/`;
  }
  return u.protocol === 'ws:' || u.protocol === 'wss:' ? null : `"${url}" is not a ws:// or wss:// URL (TikFinity listens on ws://127.0.0.1:21213/)`;
}

/** Receives from a TikFinity-compatible WebSocket. */
export class TikfinityReceiver extends ReconnectingReceiver {
  constructor(private readonly o: TikfinityReceiverOptions) {
    super(o.name ?? 'tikfinity', 'tiktok', o.url, o);
  }

  protected open(s: Session): Closer {
    const problem = tikfinityUrlProblem(this.o.url);
    if (problem) {
      s.fail(problem);
      return () => undefined;
    }
    const ws = new WebSocket(this.o.url, { handshakeTimeout: this.o.connectTimeoutMs ?? 10_000, perMessageDeflate: false });
    ws.on('open', () => s.connected());
    ws.on('message', (buf: Buffer, isBinary: boolean) => {
      if (isBinary) return s.problem('a binary frame (TikFinity sends text); skipped');
      handFrame(s, buf.toString('utf8'));
    });
    ws.on('close', (code: number, reason: Buffer) => s.lost(`socket closed (${code}${reason.length ? ` ${reason.toString()}` : ''})`, code));
    ws.on('error', (e: Error) => {
      // 'close' follows every error; this only keeps the message.
      if (ws.readyState !== WebSocket.OPEN) s.lost(`cannot connect to ${this.o.url}: ${e.message}`);
    });
    return () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.terminate();
      });
  }
}
