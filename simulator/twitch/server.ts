/**
 * The fake Twitch chat server: a WebSocket listener (as `wss://irc-ws.chat.twitch.tv`, here plain `ws://`) and a
 * plain TCP one (as `irc.chat.twitch.tv:6667`), one set of sessions and channels, and a pump that sends the
 * generator's events on a virtual clock (the TikTok engine's, when started by `serve --twitch`). Any channel a client
 * JOINs is served; every joined channel gets the generated stream, each with its own room id and message ids.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { channelLogin } from '../../protocol/twitch/index.ts';
import { httpError, type HttpError } from '../api/http.ts';
import { authorize } from '../server/auth.ts';
import { createGuard } from '../server/guard.ts';
import { ListenError } from '../server/listen-error.ts';
import { DEFAULT_ROOM, roomIdOf, serverLine, type Rendered } from './lines.ts';
import type { ChannelState } from './events.ts';
import { TwitchGenerator, type FireFn, type TwitchEmission } from './generator.ts';
import type { TwitchRates } from './rates.ts';
import type { CompiledTwitchScenario } from './scenario.ts';
import { Session, type SessionHost, type SessionStats, type Transport } from './session.ts';
import type { TwitchClientInfo, TwitchStatus } from './status.ts';

/** Twitch's keepalive interval: a PING about every five minutes. */
export const TWITCH_PING_MS = 5 * 60_000;

/** What the fake Twitch is started with. */
export interface TwitchServerOptions {
  /** Default 127.0.0.1; anything else needs `accessToken`. */
  host?: string;
  /** WebSocket port (default 21215; 0 picks a free one). */
  port?: number;
  /** Plain TCP port (default 6667, Twitch's own; 0 picks a free one; null: no TCP listener). */
  tcpPort?: number | null;
  seed: number;
  /** Virtual time of the start (epoch ms). */
  startMs: number;
  /** The virtual clock; default startMs plus the time since start. `serve` passes the TikTok engine's. */
  now?: () => number;
  population?: number;
  rates?: Partial<TwitchRates>;
  paused?: boolean;
  /** A scenario started with the server (`--twitch-scenario`). */
  scenario?: CompiledTwitchScenario;
  /** PING interval (default 5 minutes, as Twitch). */
  pingMs?: number;
  /**
   * OAuth tokens (without `oauth:`) that log a named user in. Default: any token shaped as Twitch's are (30 lower-case
   * letters and digits), so `oauth:wrong` fails as a wrong token does on Twitch.
   */
  acceptTokens?: readonly string[];
  /** Channels Twitch would say do not exist (besides names no Twitch login can have). */
  missingChannels?: readonly string[];
  /** With a token: WebSocket upgrades must carry ?token= (or Bearer), TCP logins must use `PASS oauth:<token>`. */
  accessToken?: string;
  allowHosts?: string[];
  /** Bytes a client may have queued before lines to it are dropped (default 1 MiB). */
  maxBufferedBytes?: number;
}

/** A running fake Twitch. */
export interface RunningTwitch {
  readonly host: string;
  readonly port: number;
  readonly tcpPort: number | null;
  /** ws://host:port/ */
  readonly wsUrl: string;
  readonly generator: TwitchGenerator;
  /** The virtual clock it runs on. */
  now(): number;
  /** Fires one event (a kind function with its parameters) into every joined channel, or one. */
  fire(kind: string, fn: FireFn, channel?: string): void;
  /** Sends pre-built lines to a channel's clients, as the pump does (the bench's way in). */
  broadcast(channel: string, lines: readonly Rendered[]): number;
  /** Faults: RECONNECT then close after `afterMs`; drop every connection; hold every line back for `ms`. */
  reconnect(afterMs?: number): number;
  drop(): number;
  stall(ms: number): void;
  status(): TwitchStatus;
  /** Called with every generated or fired line as sent to tagged clients (tests, the API's log). */
  readonly sentListeners: Set<(kind: string, line: string) => void>;
  close(): Promise<void>;
}

const LOGIN = /^[a-z0-9][a-z0-9_]{2,24}$/;

function listenOn(server: Server | TcpServer, host: string, port: number, flag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      if (e.code === 'EADDRINUSE') {
        reject(new ListenError(`port ${port} on ${host} is already in use (another fake or real IRC server may run there); stop it, or choose another port with ${flag} <n> (0 picks a free one).`, 'E_PORT_IN_USE'));
      } else if (e.code === 'EACCES') reject(new ListenError(`not allowed to listen on ${host}:${port}; choose a port above 1024 with ${flag} <n>.`, 'E_PORT_DENIED'));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') reject(new ListenError(`cannot listen on host "${host}": no such address on this machine; check --host.`, 'E_BAD_HOST'));
      else reject(new ListenError(`cannot listen on ${host}:${port}: ${e.message}`, 'E_LISTEN'));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : port);
    });
  });
}

/** Starts the fake Twitch chat server. @example const tw = await startTwitchServer({ seed: 1, startMs: 0, port: 0, tcpPort: 0 }) */
export async function startTwitchServer(o: TwitchServerOptions): Promise<RunningTwitch> {
  const host = o.host ?? '127.0.0.1';
  const t0 = performance.now();
  const now = o.now ?? (() => o.startMs + Math.floor(performance.now() - t0));
  const generator = new TwitchGenerator({ seed: o.seed, population: o.population, rates: o.rates, startMs: now(), paused: o.paused, scenario: o.scenario });
  const sessions = new Set<Session>();
  const channels = new Map<string, { state: ChannelState; members: Set<Session> }>();
  const missing = new Set((o.missingChannels ?? []).map(channelLogin));
  const stats: SessionStats = { pingsSent: 0, pongsReceived: 0, pongTimeouts: 0, authFailures: 0, unknownCommands: 0, badLines: 0, droppedLines: 0 };
  const sent = { total: 0, byKind: {} as Record<string, number> };
  const sentListeners = new Set<(kind: string, line: string) => void>();
  const connected = { ws: 0, tcp: 0 };
  let stalledUntil = 0;
  const tokenOk = (t: string): boolean =>
    o.accessToken !== undefined ? t === o.accessToken : o.acceptTokens ? o.acceptTokens.includes(t) : /^[a-z0-9]{30}$/.test(t);

  const sessionHost: SessionHost = {
    seed: o.seed,
    now,
    pingMs: o.pingMs ?? TWITCH_PING_MS,
    maxBufferedBytes: o.maxBufferedBytes ?? 1 << 20,
    stats,
    acceptToken: tokenOk,
    allowAnonymous: o.accessToken === undefined,
    channel(name) {
      if (!LOGIN.test(name) || missing.has(name)) return null;
      let c = channels.get(name);
      if (!c) {
        c = { state: { name, roomId: roomIdOf(o.seed, name), room: { ...DEFAULT_ROOM } }, members: new Set() };
        channels.set(name, c);
      }
      return c.state;
    },
    joined: (s, ch) => void channels.get(ch.name)?.members.add(s),
    parted: (s, ch) => void channels.get(ch.name)?.members.delete(s),
    relay(from, ch, line) {
      for (const s of channels.get(ch.name)?.members ?? []) if (s !== from) s.sendRendered(line);
    },
    stalled: () => performance.now() < stalledUntil,
    closed: (s) => void sessions.delete(s),
  };

  const open = (t: Transport): Session => {
    const s = new Session(t, sessionHost);
    sessions.add(s);
    connected[t.kind]++;
    return s;
  };

  const broadcast = (channel: string, lines: readonly Rendered[], kind = 'broadcast'): number => {
    const c = channels.get(channel);
    if (!c || c.members.size === 0) return 0;
    // One text per form (tags or not, commands or not) joined and encoded once, written to every client whose queue
    // is empty: the per-client cost of a broadcast is then one write, as for a bare ws broadcast.
    const shared: Array<string | Buffer | null | undefined> = [undefined, undefined, undefined, undefined];
    for (const s of c.members) {
      const form = s.form;
      let chunk = shared[form];
      if (chunk === undefined) {
        const texts: string[] = [];
        for (const r of lines) if (form & 2 || !r.commands) texts.push(form & 1 ? r.tagged : r.plain);
        chunk = shared[form] = texts.length === 0 ? null : c.members.size > 1 ? Buffer.from(`${texts.join('\r\n')}\r\n`) : `${texts.join('\r\n')}\r\n`;
      }
      if (chunk !== null && !s.writeShared(chunk)) s.sendBatch(lines);
    }
    sent.total += lines.length;
    sent.byKind[kind] = (sent.byKind[kind] ?? 0) + lines.length;
    if (sentListeners.size) for (const line of lines) for (const l of sentListeners) l(kind, line.tagged);
    return lines.length;
  };

  const dispatch = (e: TwitchEmission, only?: string): void => {
    for (const [name, c] of channels) {
      if (c.members.size === 0 || (only !== undefined && only !== name)) continue;
      broadcast(name, e.build(c.state), e.kind);
    }
  };

  // The pump: sleep until the next event is due (at most 20 ms, so fired events go out promptly), emit what is due.
  let timer: NodeJS.Timeout | null = null;
  let running = true;
  const onlyFor = new Map<number, string>();
  const tick = (): void => {
    timer = null;
    if (!running) return;
    const stallLeft = stalledUntil - performance.now();
    if (stallLeft > 0) {
      timer = setTimeout(tick, Math.min(stallLeft, 1000));
      return;
    }
    try {
      generator.advance(now(), (e) => {
        const only = onlyFor.get(e.seq);
        onlyFor.delete(e.seq);
        dispatch(e, only);
      });
    } catch (err) {
      process.stderr.write(`tiksim: twitch generator error: ${(err as Error).stack ?? err}\n`);
    }
    const due = generator.nextDueMs() - now();
    timer = setTimeout(tick, Math.max(0, Math.min(20, Number.isFinite(due) ? due : 20)));
  };
  const poke = (): void => {
    if (!running || performance.now() < stalledUntil) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, 0);
  };

  // WebSocket: any path, like Twitch's `/`; the same Host rules as serve (a rebound DNS name is refused).
  const http = createServer((req, res) => {
    res.writeHead(426, { 'content-type': 'application/json', upgrade: 'websocket' });
    res.end(`${JSON.stringify({ error: { code: 'E_BAD_REQUEST', message: 'this is the fake Twitch chat WebSocket: connect a Twitch IRC client to ws://<host>:<port>/' } })}\n`);
    req.resume();
  });
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  const port = await listenOn(http, host, o.port ?? 21215, '--twitch-port');
  const guard = createGuard({ bindHost: host, port, allowHosts: o.allowHosts });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const refuse = (status: string, err: HttpError): void =>
      void socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify({ error: { code: err.code, message: err.message } })}\n`);
    const bad = guard.checkHost(req);
    if (bad) return refuse('403 Forbidden', bad);
    if (!authorize(req, o.accessToken)) return refuse('401 Unauthorized', httpError(401, 'E_UNAUTHORIZED', 'this server requires ?token=<token>'));
    try {
      wss.handleUpgrade(req, socket, head, (ws) => attachWs(ws, req));
    } catch (e) {
      refuse('400 Bad Request', httpError(400, 'E_BAD_REQUEST', `bad upgrade request: ${(e as Error).message}`));
    }
  });
  const attachWs = (ws: WebSocket, req: IncomingMessage): void => {
    const s = open({
      kind: 'ws',
      remote: `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? 0}`,
      write: (text) => ws.send(text, { binary: false }),
      buffered: () => ws.bufferedAmount,
      close: () => ws.close(1000),
      destroy: () => ws.terminate(),
    });
    ws.on('message', (data, binary) => {
      if (binary) return;
      // A frame ends a line: tmi.js sends one command per frame with no CRLF, and Twitch takes that.
      const text = data.toString();
      s.receive(text.endsWith('\n') ? text : `${text}\r\n`);
    });
    ws.on('error', () => {});
    ws.on('close', () => s.transportClosed());
  };

  // Plain TCP, as irc.chat.twitch.tv:6667.
  let tcp: TcpServer | null = null;
  let tcpPort: number | null = null;
  const sockets = new Set<Socket>();
  if (o.tcpPort !== null) {
    tcp = createTcpServer((sock) => {
      sockets.add(sock);
      sock.setEncoding('utf8');
      sock.setNoDelay(true);
      const s = open({
        kind: 'tcp',
        remote: `${sock.remoteAddress ?? '?'}:${sock.remotePort ?? 0}`,
        write: (text) => void sock.write(text),
        buffered: () => sock.writableLength,
        close: () => void sock.end(),
        destroy: () => sock.destroy(),
      });
      sock.on('data', (chunk: string) => s.receive(chunk));
      sock.on('error', () => {});
      // A half-closed socket (the client sent FIN) is ended from our side too: Twitch does not talk to a client
      // that stopped talking.
      sock.on('end', () => s.end(false));
      sock.on('close', () => {
        sockets.delete(sock);
        s.transportClosed();
      });
    });
    try {
      tcpPort = await listenOn(tcp, host, o.tcpPort ?? 6667, '--twitch-tcp-port');
    } catch (e) {
      http.close();
      throw e;
    }
  }
  tick();

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port,
    tcpPort,
    wsUrl: `ws://${urlHost}:${port}/`,
    generator,
    now,
    sentListeners,
    fire(kind, fn, channel) {
      // Remember which channel the next fired emission is for: its seq is the generator's next.
      generator.fire(kind, (h) => {
        if (channel !== undefined) onlyFor.set(h.seq, channelLogin(channel));
        return fn(h);
      }, now());
      poke();
    },
    broadcast: (channel, lines) => broadcast(channelLogin(channel), lines),
    reconnect(afterMs = 1000) {
      const all = [...sessions];
      for (const s of all) s.sendLine(serverLine('RECONNECT', [], false));
      setTimeout(() => all.forEach((s) => s.end(false)), afterMs).unref();
      return all.length;
    },
    drop() {
      const all = [...sessions];
      for (const s of all) s.end(true);
      return all.length;
    },
    stall(ms) {
      stalledUntil = performance.now() + ms;
      setTimeout(() => {
        for (const s of sessions) s.flush();
        poke();
      }, ms + 1).unref();
    },
    status(): TwitchStatus {
      const clients: TwitchClientInfo[] = [...sessions].map((s) => ({
        id: s.id,
        transport: s.transport.kind,
        remote: s.transport.remote,
        nick: s.login?.nick ?? null,
        anonymous: s.login?.anonymous ?? null,
        caps: [...s.caps],
        channels: [...s.channels.keys()],
        connectedAt: s.connectedAt,
      }));
      return {
        wsUrl: `ws://${urlHost}:${port}/`,
        tcp: tcpPort === null ? null : `${urlHost}:${tcpPort}`,
        seed: o.seed,
        paused: generator.paused,
        rates: generator.currentRates(),
        scenario: generator.scenarioInfo(now()),
        pingMs: sessionHost.pingMs,
        stalledMs: Math.max(0, Math.round(stalledUntil - performance.now())),
        clients,
        connected: { ...connected },
        channels: [...channels].map(([name, c]) => ({ name, roomId: c.state.roomId, clients: c.members.size, room: { ...c.state.room } })),
        sent: { total: sent.total, byKind: { ...sent.byKind } },
        keepalive: { ...stats },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        running = false;
        if (timer) clearTimeout(timer);
        for (const s of [...sessions]) s.end(true);
        for (const sock of sockets) sock.destroy();
        wss.close();
        let left = tcp ? 2 : 1;
        const done = (): void => void (--left === 0 && resolve());
        http.close(done);
        http.closeAllConnections();
        tcp?.close(done);
      }),
  };
}
