import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { serializeFrame, type ConfigData, type ErrorCode } from '../../protocol/index.ts';
import { createEngine, type Engine, type OutFrame, type Quirks, type Rates, type Scenario } from '../engine.ts';
import { createMediaHandler } from '../media/index.ts';
import { createImageProxy, type ImageProxyOptions } from './image-proxy.ts';
import { createApiHandler } from '../api/routes.ts';
import { httpError, sendError, type HttpError } from '../api/http.ts';
import { authorize, safeDecode } from './auth.ts';
import { createGuard } from './guard.ts';
import { favicon } from './favicon.ts';
import { Pump } from './pump.ts';
import { RateMeter } from './rate-meter.ts';
import { RingLog } from './ring-log.ts';
import { createStaticApps } from './static-apps.ts';
import { WsHub, type HubOptions } from './ws-hub.ts';
import { landingPage } from './landing.ts';
import { absolutizeConfig } from '../config/load-config.ts';
import { ReplayControl, type ReplayRequest } from './replay-control.ts';
import { startTwitchServer } from '../twitch/server.ts';

export type { SendStats, SimState, SimulatorOptions } from './state.ts';
import type { SendStats, SimState, SimulatorOptions } from './state.ts';

/** A running simulator. */
export interface RunningSimulator {
  readonly host: string;
  readonly port: number;
  /** http://host:port */
  readonly url: string;
  /** ws://host:port/ */
  readonly wsUrl: string;
  readonly state: SimState;
  readonly server: Server;
  close(): Promise<void>;
}

export { ListenError } from './listen-error.ts';
import { ListenError } from './listen-error.ts';


function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') {
        reject(
          new ListenError(
            `port ${port} on ${host} is already in use (TikFinity itself may be running there). ` +
              `Stop that program, or start tiksim on another port with --port <n> and point your overlay at it.`,
            'E_PORT_IN_USE',
          ),
        );
      } else if (e.code === 'EACCES') {
        reject(new ListenError(`not allowed to listen on ${host}:${port}; choose a port above 1024 with --port <n>.`, 'E_PORT_DENIED'));
      } else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
        reject(new ListenError(`cannot listen on host "${host}": no such address on this machine; check --host.`, 'E_BAD_HOST'));
      } else reject(new ListenError(`cannot listen on ${host}:${port}: ${e.message}`, 'E_LISTEN'));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Starts the fake TikFinity server: WebSocket on every path, control API, media, overlay and panel on one port. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const opts = { ...options, host, seed: options.seed, startMs: options.startMs };
  const hub = new WsHub(options.hub);
  const log = new RingLog(500);
  const meter = new RateMeter(5);
  const sent: SendStats = { total: 0, byKind: {}, connectFrames: 0, malformed: 0 };
  const media = createMediaHandler();
  const proxy = createImageProxy(options.imageProxy);
  const staticApps = createStaticApps(options.distDir ?? new URL('../../dist', import.meta.url).pathname);

  const server = createServer();
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await listen(server, host, options.port ?? 21213);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : (options.port ?? 21213);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const mediaBase = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : urlHost}:${port}`;

  const makeEngine = (seed: number, keep?: { rates: Rates; scenario: Scenario | null }): Engine =>
    createEngine({
      seed,
      population: options.population ?? 500,
      rates: keep ? keep.rates : options.rates,
      scenario: keep ? (keep.scenario ?? undefined) : options.scenario,
      quirks: options.quirks,
      startMs: options.startMs,
      mediaBase,
      tikfinity: options.tikfinity,
      allKinds: options.allKinds === true,
    });

  const sentListeners = new Set<(frame: OutFrame) => void>();
  const broadcast = (frame: OutFrame): void => {
    if (frame.utf8) hub.broadcastUtf8(frame.utf8);
    else hub.broadcast(frame.text);
    if (sentListeners.size > 0) for (const l of sentListeners) l(frame);
    sent.total++;
    sent.byKind[frame.event] = (sent.byKind[frame.event] ?? 0) + 1;
    log.push(Date.now(), frame.event, frame.utf8 ?? frame.text);
    meter.add(frame.event, Date.now());
  };

  const state = {
    opts,
    engine: makeEngine(options.seed),
    hub,
    log,
    meter,
    sent,
    startedAt: Date.now(),
    mediaBase,
    broadcast,
    sentListeners,
  } as unknown as SimState & { pump: Pump; replay: ReplayControl };
  const pump = new Pump(
    // Through `state` so a reseed (new engine) is picked up without restarting the pump.
    { advance: (n, e) => state.engine.advance(n, e), nextDueMs: () => state.engine.nextDueMs() },
    options.startMs,
    broadcast,
    20,
    (fn) => hub.corked(fn),
  );
  state.pump = pump;
  state.replay = new ReplayControl(state);
  state.reseed = (seed: number): void => {
    // A new seed restarts generation as it is set now: the rates, scenario and paused state stay.
    const keep = state.engine.settings();
    state.engine = makeEngine(seed, keep);
    state.engine.setPaused(keep.paused);
    state.opts.seed = seed;
    pump.poke();
  };
  if (options.paused) state.engine.setPaused(true);

  const configText = options.config ? serializeFrame('config', absolutizeConfig(options.config, mediaBase)) : null;
  hub.onConnect = (ws: WebSocket) => {
    // A replay carries its own recorded config frame; the live one would reach the client twice.
    if (configText && !state.replay.active) {
      hub.sendTo(ws, configText);
      sent.connectFrames++;
    }
    if (options.chatBacklog !== false && !state.replay.active) {
      for (const text of state.engine.chatBacklog()) {
        hub.sendTo(ws, text);
        sent.connectFrames++;
      }
    }
    state.replay.clientConnected();
  };

  const guard = createGuard({ bindHost: host, port, allowHosts: options.allowHosts, allowOrigins: options.allowOrigins });
  const api = createApiHandler(state, guard);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.on('error', () => {});
    try {
      const badHost = guard.checkHost(req);
      if (badHost) {
        req.resume();
        return void sendError(res, badHost);
      }
      // The icon is public: browsers ask for it without the page's token.
      if (favicon(req, res)) return;
      if (!authorize(req, options.token, res)) {
        sendError(res, httpError(401, 'E_UNAUTHORIZED', 'this server requires a token: add ?token=<token> or an "Authorization: Bearer <token>" header'));
        return;
      }
      const path = (req.url ?? '/').split('?')[0];
      if (path.startsWith('/api/')) return void api(req, res);
      if (path.startsWith('/media/rec/')) {
        const key = safeDecode(path.slice('/media/rec/'.length));
        if (key === undefined) return void sendError(res, httpError(400, 'E_BAD_KEY', `malformed percent-escape in ${path}`));
        return void state.replay.serveMedia(key, res);
      }
      if (media(req, res)) return;
      if (proxy(req, res)) return;
      if (staticApps(req, res)) return;
      if (path === '/' || path === '/index.html') {
        // A plain browser visit to the socket's address gets a page that says where things are.
        const html = landingPage(mediaBase, options.token !== undefined);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
        return;
      }
      sendError(res, httpError(404, 'E_NOT_FOUND', `no such route: ${req.method} ${path} (try /overlay/, /panel/ or /api/status)`));
    } catch (e) {
      sendError(res, httpError(500, 'E_INTERNAL', `unexpected error: ${(e as Error).message}`));
    }
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const refuse = (status: string, err: HttpError): void =>
      void socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify({ error: { code: err.code, message: err.message } })}\n`);
    try {
      // Any page may open the event socket (overlays in OBS are pages of other origins), but only under this
      // server's own names: a rebound DNS name is refused here too.
      const badHost = guard.checkHost(req);
      if (badHost) return refuse('403 Forbidden', badHost);
      if (!authorize(req, options.token)) return refuse('401 Unauthorized', httpError(401, 'E_UNAUTHORIZED', 'this server requires ?token=<token>'));
      // TikFinity clients use "/", no slash, or "/?uniqueId=...": every path is the same socket.
      hub.wss.handleUpgrade(req, socket, head, (ws) => hub.wss.emit('connection', ws, req));
    } catch (e) {
      refuse('400 Bad Request', httpError(400, 'E_BAD_REQUEST', `bad upgrade request: ${(e as Error).message}`));
    }
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  if (options.twitch) {
    try {
      // Same seed and the same virtual clock as the TikTok engine: one stream of time for both platforms.
      state.twitch = await startTwitchServer({
        ...options.twitch,
        host,
        seed: options.seed,
        startMs: options.startMs,
        now: () => pump.now(),
        accessToken: options.token,
        allowHosts: options.allowHosts,
      });
    } catch (e) {
      hub.close();
      server.close();
      throw e;
    }
  }
  if (options.replay) await state.replay.load(options.replay);
  pump.start();

  return {
    host,
    port,
    url: `http://${urlHost}:${port}`,
    wsUrl: `ws://${urlHost}:${port}/`,
    state,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        pump.stop();
        state.replay.stop();
        hub.close();
        void state.twitch?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
