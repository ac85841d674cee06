import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { redactSource } from '../../recorder/redact.ts';
import type { ClientInfo } from '../../protocol/api.ts';

/** Limits that keep one slow or dead client from costing the server memory. */
export interface HubOptions {
  /** Bytes a client may have queued before frames to it are dropped (default 1 MiB). */
  maxBufferedBytes?: number;
  /** A client that stays over the cap this long is disconnected (default 5000 ms). */
  slowClientGraceMs?: number;
  /** Ping interval; a client that has not answered the previous ping is terminated (default 30000 ms). */
  heartbeatMs?: number;
}

/** Counters the hub keeps; all monotonic. */
export interface HubStats {
  connectedTotal: number;
  droppedFrames: number;
  slowClientsDisconnected: number;
  deadClientsTerminated: number;
  socketErrors: number;
}

interface ClientState {
  /** The TCP socket under the WebSocket (ws keeps it in `_socket`), for corking. */
  sock: Socket | undefined;
  alive: boolean;
  overCapSince: number;
  /** When whenWritable first found this client over half its cap and still waiting on it (0: it is not). */
  fullSince: number;
  connectedAt: number;
  remote: string;
  path: string;
}

/** A public view of one connected client, for GET /api/status. */
export type { ClientInfo } from '../../protocol/api.ts';

/**
 * Every connected TikFinity client; broadcasts one text frame to all of them, ignores what they send,
 * answers pings (ws does that itself), drops dead ones by heartbeat and caps slow ones.
 */
export class WsHub {
  readonly wss: WebSocketServer;
  readonly stats: HubStats = {
    connectedTotal: 0,
    droppedFrames: 0,
    slowClientsDisconnected: 0,
    deadClientsTerminated: 0,
    socketErrors: 0,
  };
  private readonly clients = new Map<WebSocket, ClientState & { id: number }>();
  private readonly maxBuffered: number;
  private readonly graceMs: number;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly slowCheck: NodeJS.Timeout;
  private nextId = 1;
  private corking = false;
  /** Called for each new client, after it joined the broadcast set (send the config frame, chat backlog...). */
  onConnect: (ws: WebSocket, req: IncomingMessage) => void = () => {};

  constructor(opts: HubOptions = {}) {
    this.maxBuffered = opts.maxBufferedBytes ?? 1 << 20;
    this.graceMs = opts.slowClientGraceMs ?? 5000;
    // Pings ride the same socket; a client whose pong never comes back is gone (laptop asleep, OBS killed).
    this.wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
    this.wss.on('connection', (ws, req) => this.add(ws, req));
    this.heartbeat = setInterval(() => this.sweep(), opts.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
    // A client over its cap is also checked when nothing is being sent, so a burst followed by silence still ends
    // with the stuck client dropped instead of holding its buffer forever.
    this.slowCheck = setInterval(() => this.dropStuck(), Math.max(50, Math.min(1000, this.graceMs / 2)));
    this.slowCheck.unref();
  }

  private dropStuck(): void {
    const now = Date.now();
    for (const [ws, state] of this.clients) {
      if (!state.overCapSince) continue;
      if (ws.bufferedAmount <= this.maxBuffered) state.overCapSince = 0;
      else if (now - state.overCapSince > this.graceMs) this.disconnectSlow(ws);
    }
  }

  /** Drops a client that has stopped taking what it is sent (counted in slowClientsDisconnected). */
  private disconnectSlow(ws: WebSocket): void {
    this.stats.slowClientsDisconnected++;
    this.clients.delete(ws);
    ws.terminate();
  }

  /** Number of connected clients. */
  get size(): number {
    return this.clients.size;
  }

  /** The connected clients, for status. */
  list(): ClientInfo[] {
    return [...this.clients].map(([ws, c]) => ({
      id: c.id,
      remote: c.remote,
      // A client may carry ?token= in its path: status shows where it connected, never the secret.
      path: redactSource(c.path),
      connectedAt: c.connectedAt,
      bufferedBytes: ws.bufferedAmount,
    }));
  }

  private add(ws: WebSocket, req: IncomingMessage): void {
    const state = {
      id: this.nextId++,
      sock: (ws as unknown as { _socket?: Socket })._socket,
      alive: true,
      overCapSince: 0,
      fullSince: 0,
      connectedAt: Date.now(),
      remote: `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? 0}`,
      path: req.url ?? '/',
    };
    this.clients.set(ws, state);
    this.stats.connectedTotal++;
    ws.on('pong', () => {
      state.alive = true;
    });
    // Clients only listen; whatever they send is ignored, but must never throw.
    ws.on('message', () => {});
    ws.on('error', () => {
      this.stats.socketErrors++;
    });
    ws.on('close', () => {
      this.clients.delete(ws);
    });
    try {
      this.onConnect(ws, req);
    } catch {
      // A failing connect hook must not take the server down; the client still gets the live stream.
    }
  }

  /** Sends one frame to one client, respecting its buffer cap. Returns false when it was dropped. */
  sendTo(ws: WebSocket, data: Buffer | string, binary = false): boolean {
    if (ws.readyState !== WebSocket.OPEN) return false;
    const state = this.clients.get(ws);
    if (ws.bufferedAmount > this.maxBuffered) {
      this.stats.droppedFrames++;
      const now = Date.now();
      if (state && !state.overCapSince) state.overCapSince = now;
      else if (state && now - state.overCapSince > this.graceMs) this.dropStuck();
      return false;
    }
    if (state) state.overCapSince = 0;
    ws.send(data, { binary });
    // Inside a corked batch, flush every quarter of the cap so one huge batch neither counts as a backlog against a
    // healthy client's cap nor hides a stuck client's real one.
    if (this.corking && state?.sock && state.sock.writableLength > this.maxBuffered / 4) {
      state.sock.uncork();
      state.sock.cork();
    }
    return true;
  }

  /** Sends one binary frame to every client (a recorded binary frame, replayed as it came). */
  broadcastBinary(data: Buffer): void {
    for (const ws of this.clients.keys()) this.sendTo(ws, data, true);
  }

  /** Sends one text frame, given as its UTF-8 bytes (valid UTF-8: the caller checked), to every client. */
  broadcastUtf8(utf8: Buffer): void {
    for (const ws of this.clients.keys()) this.sendTo(ws, utf8, false);
  }

  /** Sends one text frame to every client; with several clients the text is encoded to UTF-8 once, not per client. */
  broadcast(text: string): void {
    if (this.clients.size === 0) return;
    const data = this.clients.size === 1 ? text : Buffer.from(text, 'utf8');
    for (const ws of this.clients.keys()) this.sendTo(ws, data);
  }

  /**
   * Runs `fn` (which broadcasts several frames) with every client's TCP socket corked, so the frames leave in one
   * write per client instead of one system call per frame: measured as the main cost of a broadcast before.
   * Each frame is still its own WebSocket message.
   */
  corked(fn: () => void): void {
    const sockets: Socket[] = [];
    for (const state of this.clients.values()) {
      // cork nests with the cork/uncork ws itself does around each frame.
      if (state.sock && typeof state.sock.cork === 'function') {
        state.sock.cork();
        sockets.push(state.sock);
      }
    }
    this.corking = true;
    try {
      fn();
    } finally {
      this.corking = false;
      for (const sock of sockets) sock.uncork();
    }
  }

  /** True when every client can take more without crossing its cap (used by instant replay). */
  writable(): boolean {
    for (const ws of this.clients.keys()) if (ws.bufferedAmount > this.maxBuffered / 2) return false;
    return true;
  }

  /**
   * Resolves once every client has drained below half its cap. It waits on the full client's socket 'drain' (a
   * 2 ms poll left the socket idle most of each wait, measured as what held --instant back), with a timer in case
   * that client is dropped or closes instead. A client that stays over half its cap for the slow-client grace while
   * everything waits on it is disconnected, as one over its cap is: one client that stopped reading must not hold
   * an instant replay up for everyone (it never reaches the cap, since nothing more is sent to it meanwhile).
   */
  whenWritable(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        const now = Date.now();
        let full: ClientState | undefined;
        for (const [ws, state] of this.clients) {
          if (ws.bufferedAmount <= this.maxBuffered / 2) {
            state.fullSince = 0;
            continue;
          }
          if (!state.fullSince) state.fullSince = now;
          else if (now - state.fullSince > this.graceMs) {
            this.disconnectSlow(ws);
            continue;
          }
          full = state;
        }
        if (!full) return resolve();
        const sock = full.sock;
        let timer: NodeJS.Timeout | undefined;
        const again = (): void => {
          clearTimeout(timer);
          sock?.off('drain', again);
          check();
        };
        sock?.once('drain', again);
        timer = setTimeout(again, sock ? 50 : 2);
      };
      check();
    });
  }

  /** Closes every client with a code and reason (fault injection, shutdown). */
  closeAll(code = 1001, reason = 'server going away'): number {
    const n = this.clients.size;
    for (const ws of this.clients.keys()) ws.close(code, reason);
    return n;
  }

  /** Drops every client's TCP connection without a close frame (fault injection). */
  terminateAll(): number {
    const n = this.clients.size;
    for (const ws of this.clients.keys()) ws.terminate();
    this.clients.clear();
    return n;
  }

  private sweep(): void {
    for (const [ws, state] of this.clients) {
      if (!state.alive) {
        this.stats.deadClientsTerminated++;
        this.clients.delete(ws);
        ws.terminate();
        continue;
      }
      state.alive = false;
      try {
        ws.ping();
      } catch {
        this.stats.socketErrors++;
      }
    }
  }

  /** Stops the heartbeat and closes every client. */
  close(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.slowCheck);
    this.closeAll(1001, 'server shutting down');
    setTimeout(() => this.terminateAll(), 200).unref();
    this.wss.close();
  }
}
