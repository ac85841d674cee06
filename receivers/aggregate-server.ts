import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AggregateFrame, Message } from '../protocol/message.ts';
import { authorize, isLoopbackHost } from '../simulator/server/auth.ts';
import { createGuard } from '../simulator/server/guard.ts';
import type { Aggregate } from './aggregate.ts';

/**
 * The aggregated stream on a WebSocket (`tiksim watch --serve-port`), so a browser overlay can show Twitch chat
 * beside TikTok's: one JSON AggregateFrame (protocol/message.ts) per text frame, a `state` frame on connect and on
 * every source change, then every message. Read-only: clients send nothing that is acted on.
 *
 * Same rules as `serve`: 127.0.0.1 by default; another address needs a token (`?token=` or Bearer); the Host header
 * must name this server (DNS rebinding). Any Origin may read, as with TikFinity's socket, because OBS browser sources
 * and overlays on other ports must. A client that stops reading is dropped once 4 MiB are waiting for it.
 */

export interface AggregateServerOptions {
  /** Default 127.0.0.1; anything else requires `token`. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  allowHosts?: string[];
  /** Messages a new client gets first, newest last (default 50), so an overlay opened mid-stream is not empty. */
  backlog?: number;
}

export interface AggregateServer {
  readonly port: number;
  readonly url: string;
  clients(): number;
  close(): Promise<void>;
}

const MAX_BUFFERED = 4 * 1024 * 1024;

/** Starts serving `agg`. Rejects (never throws later) when the port is taken or the options are unsafe. */
export async function serveAggregate(agg: Aggregate, opts: AggregateServerOptions): Promise<AggregateServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !opts.token) {
    throw new Error(`serving the aggregated stream on ${host} exposes it beyond this machine: add --token <secret>, or keep the default 127.0.0.1`);
  }
  const backlogSize = opts.backlog ?? 50;
  const backlog: string[] = [];
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  const http = createServer((req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('this is the aggregated message socket of tiksim watch: connect with a WebSocket\n');
  });
  let guard = createGuard({ bindHost: host, port: opts.port, allowHosts: opts.allowHosts ?? [] });
  const refuse = (socket: Duplex, status: number, text: string): void => {
    socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${text}\n`);
  };
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const bad = guard.checkHost(req);
    if (bad) return refuse(socket, 403, bad.message);
    if (!authorize(req, opts.token)) return refuse(socket, 401, 'this socket needs the token: add ?token=<secret> to the URL');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  http.on('clientError', (_e, socket) => socket.destroy());

  const send = (ws: WebSocket, text: string): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED) {
      ws.terminate();
      return;
    }
    ws.send(text);
  };
  const broadcast = (text: string): void => {
    for (const c of wss.clients) send(c, text);
  };
  const stateText = (): string => JSON.stringify({ type: 'state', sources: agg.states() } satisfies AggregateFrame);

  wss.on('connection', (ws) => {
    ws.on('error', () => {});
    ws.on('message', () => {}); // read-only: anything a client sends is ignored
    send(ws, stateText());
    for (const t of backlog) send(ws, t);
  });
  const offMsg = agg.onMessage((m: Message) => {
    const text = JSON.stringify({ type: 'message', message: m } satisfies AggregateFrame);
    backlog.push(text);
    if (backlog.length > backlogSize) backlog.shift();
    broadcast(text);
  });
  const offState = agg.onState(() => broadcast(stateText()));

  await new Promise<void>((resolve, reject) => {
    http.once('error', (e: Error & { code?: string }) =>
      reject(new Error(e.code === 'EADDRINUSE' ? `port ${opts.port} is in use; pick another with --serve-port, or 0 for a free one` : e.message)),
    );
    http.listen(opts.port, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  guard = createGuard({ bindHost: host, port, allowHosts: opts.allowHosts ?? [] });
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    port,
    url: `ws://${shown}:${port}/`,
    clients: () => wss.clients.size,
    async close() {
      offMsg();
      offState();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
