/**
 * The simulator's options and live state, shared by the server (app.ts), the API routes and the status line. A
 * module of its own so the routes depend on the state, not on the server that builds it.
 */
import type { ConfigData } from '../../protocol/index.ts';
import type { Engine, OutFrame, Quirks, Rates, Scenario } from '../engine.ts';
import type { ImageProxyOptions } from './image-proxy.ts';
import type { Pump } from './pump.ts';
import type { RateMeter } from './rate-meter.ts';
import type { ReplayControl, ReplayRequest } from './replay-control.ts';
import type { RingLog } from './ring-log.ts';
import type { HubOptions, WsHub } from './ws-hub.ts';
import type { RunningTwitch, TwitchServerOptions } from '../twitch/server.ts';

/** Everything `tiksim serve` can be told. */
export interface SimulatorOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  seed: number;
  population?: number;
  rates?: Partial<Rates>;
  scenario?: string | Scenario;
  quirks?: Partial<Quirks>;
  /** Virtual epoch ms of the stream's start (createTime, msgId...). */
  startMs: number;
  /** The `config` frame sent to each client on connect; null sends none. */
  config?: ConfigData | null;
  /** Start in replay mode. */
  replay?: ReplayRequest;
  /** Where GET /api/recordings looks. */
  recordingsDir?: string;
  /** Where the built overlay and panel live (dist/). */
  distDir?: string;
  hub?: HubOptions;
  /** Send the last chats to each new client (TikTok does). Default true. */
  chatBacklog?: boolean;
  tikfinity?: { userId: number; username: string };
  /** Start generation paused. */
  paused?: boolean;
  /** Generate and accept every TikTok kind, not only TikFinity's 17 (`--all-kinds`; default false). */
  allKinds?: boolean;
  /** Host names accepted besides the bound address and loopback (`--allow-host`): DNS rebinding is refused. */
  allowHosts?: string[];
  /** Origins besides the server's own allowed to drive the control API (`--allow-origin`). */
  allowOrigins?: string[];
  /** Where the server's own notes go (a replay that stopped, a refused media file). Default: stderr. */
  log?: (line: string) => void;
  /** Options of GET /proxy/image (tests inject a stand-in for TikTok's CDN here). */
  imageProxy?: ImageProxyOptions;
  /** Start the fake Twitch chat server beside the TikTok socket (`--twitch`), on the same seed and clock. */
  twitch?: TwitchOptions;
}

/** What `--twitch` configures; host, seed, start time, token and clock come from the simulator's own. */
export type TwitchOptions = Omit<TwitchServerOptions, 'host' | 'seed' | 'startMs' | 'now' | 'accessToken' | 'allowHosts'>;

/** Counters for GET /api/status and the terminal status line. */
export interface SendStats {
  total: number;
  byKind: Record<string, number>;
  /** Per-client frames sent on connect (config, chat backlog): not part of the broadcast stream. */
  connectFrames: number;
  malformed: number;
}

/** The live server's state, shared by the API routes. */
export interface SimState {
  readonly opts: Required<Pick<SimulatorOptions, 'host' | 'seed' | 'startMs'>> & SimulatorOptions;
  engine: Engine;
  readonly hub: WsHub;
  readonly pump: Pump;
  readonly log: RingLog;
  readonly meter: RateMeter;
  readonly sent: SendStats;
  readonly replay: ReplayControl;
  readonly startedAt: number;
  mediaBase: string;
  /** Called with every frame broadcast, after it went to the clients (the programmatic API's waits and frames()). */
  readonly sentListeners: Set<(frame: OutFrame) => void>;
  /** Sends one frame to every client and counts it (generated, fired, replayed or faulty alike). */
  broadcast(frame: OutFrame): void;
  /** Replaces the engine (new seed), keeping clients connected. */
  reseed(seed: number): void;
  /** The fake Twitch chat server, when started with `twitch` (`--twitch`). */
  twitch?: RunningTwitch;
}

