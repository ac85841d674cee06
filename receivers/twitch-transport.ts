import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import WebSocket from 'ws';

/**
 * The two ways Twitch chat is reached, behind one small interface: WebSocket text frames (`wss://irc-ws.chat.twitch.tv`,
 * or the fake's `ws://127.0.0.1:21215`) and a plain or TLS TCP stream (`irc.chat.twitch.tv:6667` / `:6697`, written
 * `irc://host:port` / `ircs://host:port`). Both deliver text chunks that may hold several lines or part of one; the
 * caller splits them (protocol/twitch/line-splitter.ts).
 */
export interface IrcTransport {
  /** Sends one line; CRLF is added. Dropped silently once closed. */
  send(line: string): void;
  /** Closes; `onClose` fires once. */
  close(): void;
}

/** What the transport reports. Exactly one onClose per transport, whether it opened or not. */
export interface TransportHandlers {
  onOpen(): void;
  onData(chunk: string): void;
  /** `reason` says what happened in words a user can act on; `halfClosed` when a TCP peer sent FIN (it will not read). */
  onClose(reason: string): void;
}

/** The transport a URL names. Throws on a scheme we do not speak (checked before any connect). */
export function transportKind(url: URL): 'ws' | 'tcp' | 'tls' {
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return 'ws';
  if (url.protocol === 'irc:') return 'tcp';
  if (url.protocol === 'ircs:') return 'tls';
  throw new TypeError(`unsupported Twitch URL scheme "${url.protocol}" (use ws://, wss://, irc:// or ircs://)`);
}

/** Opens a transport to `url`; every outcome, a refused connection included, ends in one onClose. */
export function openTransport(url: URL, h: TransportHandlers): IrcTransport {
  const kind = transportKind(url);
  return kind === 'ws' ? openWs(url, h) : openTcp(url, kind === 'tls', h);
}

function describe(e: Error & { code?: string }, url: URL): string {
  if (e.code === 'ECONNREFUSED') return `nothing listening at ${url.host}`;
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `cannot resolve ${url.hostname}`;
  return e.message;
}

function openWs(url: URL, h: TransportHandlers): IrcTransport {
  let closed = false;
  let reason = 'connection closed';
  const ws = new WebSocket(url, { handshakeTimeout: 10_000, perMessageDeflate: false });
  ws.on('open', () => h.onOpen());
  ws.on('message', (data, isBinary) => {
    if (isBinary) return; // Twitch sends text frames only; a binary frame is not IRC
    h.onData(data.toString());
  });
  ws.on('unexpected-response', (_req, res) => {
    reason = `WebSocket handshake refused: HTTP ${res.statusCode}`;
    ws.terminate();
  });
  ws.on('error', (e) => {
    reason = describe(e, url);
  });
  ws.on('close', (code, why) => {
    if (closed) return;
    closed = true;
    if (code !== 1005 && code !== 1006 && reason === 'connection closed') reason = `server closed the WebSocket (${code}${why.length ? ` ${why.toString()}` : ''})`;
    h.onClose(reason);
  });
  return {
    send(line) {
      if (ws.readyState === WebSocket.OPEN) ws.send(`${line}\r\n`);
    },
    close() {
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(1000);
      // A peer that never answers the close handshake must not keep us waiting: ws gives up after 30 s, we after 1 s.
      setTimeout(() => ws.terminate(), 1000).unref();
    },
  };
}

function openTcp(url: URL, tls: boolean, h: TransportHandlers): IrcTransport {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (tls ? 6697 : 6667));
  let reason = 'connection closed';
  let closed = false;
  const sock: Socket = tls ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port });
  sock.setEncoding('utf8');
  sock.setNoDelay(true);
  sock.on(tls ? 'secureConnect' : 'connect', () => h.onOpen());
  sock.on('data', (chunk: string) => h.onData(chunk));
  // A peer that half-closes (FIN) will send nothing more; node ends our side too (allowHalfOpen is false).
  sock.on('end', () => {
    reason = 'server closed the connection (TCP FIN)';
  });
  sock.on('error', (e) => {
    reason = describe(e, url);
  });
  sock.on('close', () => {
    if (closed) return;
    closed = true;
    h.onClose(reason);
  });
  return {
    send(line) {
      if (!sock.destroyed && sock.writable) sock.write(`${line}\r\n`);
    },
    close() {
      sock.destroy();
    },
  };
}
