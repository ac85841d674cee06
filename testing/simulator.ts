/**
 * The programmatic API: the same server `tiksim serve` starts, in-process, on a free port by default, with a handle
 * to drive it from a test. It never touches process-wide state (signal handlers, stdout) unless asked (`log`).
 *
 * @example
 * const sim = await startSimulator({ seed: 1, paused: true });
 * const sent = await sim.fire({ event: 'gift', data: { giftName: 'Lion' } });   // resolves once the frame is out
 * await sim.close();
 */
import type { ClientInfo, ConfigData, EventName, FireBody, ReplayState, SimStatus, UserSpec } from '../protocol/index.ts';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../simulator/config/load-config.ts';
import type { ApiError } from '../simulator/errors.ts';
import type { OutFrame, Quirks, Rates, Scenario } from '../simulator/engine.ts';
import { startSimulator as startServer, type RunningSimulator, type SimulatorOptions } from '../simulator/server/app.ts';
import type { ReplayRequest } from '../simulator/server/replay-control.ts';
import { simStatus } from '../simulator/server/status.ts';
import { SEEDED_EPOCH_MS } from '../simulator/clock.ts';
import { fireBurst, sendMalformed } from '../simulator/server/faults.ts';


/** What `startSimulator` can be told; everything is optional. */
export interface StartOptions {
  /** Default 127.0.0.1. Anything but loopback needs `token`. */
  host?: string;
  /** Default 0: a free port (tests run in parallel without clashes). */
  port?: number;
  /** Same seed and scenario: the same stream, byte for byte. Default: random. */
  seed?: number;
  /** Virtual start of the stream (epoch ms); default 2025-01-01T20:00Z with a seed, else now. */
  startMs?: number;
  scenario?: string | Scenario;
  rates?: Partial<Rates>;
  quirks?: Partial<Quirks>;
  /** Distinct viewers (default 500). */
  population?: number;
  /** Start with generation paused: only fired events go out. */
  paused?: boolean;
  /** Also generate and accept every TikTok kind TikFinity does not forward (goalUpdate...: TLC-style frames). */
  allKinds?: boolean;
  /** The `config` frame sent on connect: TikFinity's default (the built-in), your own, or null for none. */
  config?: ConfigData | null;
  /** Start replaying a recording (a path or a bundled name such as 'quiet'). */
  replay?: ReplayRequest;
  /** Require this token on every request and upgrade. */
  token?: string;
  /** Send the last chats to each new client (default true). */
  chatBacklog?: boolean;
  /** Where the server's notes go (a stopped replay...); default: nowhere. */
  log?: (line: string) => void;
  /** More options of the server itself. */
  server?: Partial<SimulatorOptions>;
}

/** An error of the API, with the code and field the HTTP API would answer. */
export class TiksimError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field?: string;
  readonly choices?: string[];
  constructor(e: ApiError) {
    super(e.message);
    this.name = 'TiksimError';
    this.code = e.code;
    this.status = e.status;
    if (e.field !== undefined) this.field = e.field;
    if (e.choices !== undefined) this.choices = e.choices;
  }
}

/** A fired event, once its frames are out. */
export interface Fired {
  event: string;
  scheduled: number;
  /** The exact frame texts sent, in order. */
  frames: string[];
}

/** A fired body, typed by event kind. */
export type FireInput = { [K in EventName]: { event: K; data?: Record<string, unknown>; user?: UserSpec; count?: number } }[EventName];

/** The handle of a running simulator. */
export interface Simulator {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  /**
   * Fires events as `POST /api/events` does; resolves when every frame it scheduled has been written to every
   * connected client (a gift streak plays out over seconds: taps, then its end frame 3-4 s after the last tap).
   * `{ wait: false }` resolves as soon as they are scheduled, with no frames.
   */
  fire(body: FireInput | FireBody, opts?: { wait?: boolean; timeoutMs?: number }): Promise<Fired>;
  /** Merges rates (events/s per kind). */
  setRates(rates: Partial<Rates>): Rates;
  /** A preset name, a scenario object, or null for rates only. */
  setScenario(scenario: string | Scenario | null): void;
  pause(): void;
  resume(): void;
  /** A new seed restarts generation with the current rates, scenario and paused state. */
  reseed(seed: number): void;
  /** Loads and plays a recording (a path or a name); returns its controls. */
  replay(recording: string, opts?: Omit<ReplayRequest, 'recording'>): Promise<ReplayHandle>;
  faults: {
    /** Drops every client's TCP connection (a crash). */
    disconnect(): number;
    /** Closes every client with a close frame. */
    close(code: number, reason?: string): number;
    /** Holds every frame back for `seconds`; they go out when it ends. */
    stall(seconds: number): void;
    /** Sends a broken frame (default: truncated JSON). */
    malformed(text?: string): void;
    /** Fires up to 10,000 events at once. */
    burst(count: number, event?: EventName): number;
  };
  status(): SimStatus;
  clients(): ClientInfo[];
  /** Resolves once at least `n` clients are connected. */
  waitForClients(n?: number, opts?: { timeoutMs?: number }): Promise<void>;
  /** Every frame sent from now on, in order, until the iterator is closed or the simulator closes. */
  frames(): AsyncIterableIterator<OutFrame>;
  close(): Promise<void>;
  /** The server itself, for what the handle does not cover. */
  readonly server: RunningSimulator;
}

/** Controls of a loaded replay. */
export interface ReplayHandle {
  status(): ReplayState | null;
  pause(): void;
  resume(): void;
  seek(positionMs: number): void;
  setSpeed(x: number): void;
  stop(): void;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: ApiError }): T {
  if (!r.ok) throw new TiksimError(r.error);
  return r.value;
}

/** Resolves once every client's socket has handed its queued bytes to the kernel (or after `ms`). */
async function drained(sim: RunningSimulator, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (sim.state.hub.list().some((c) => c.bufferedBytes > 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 2));
}

let tags = 0;

/**
 * Starts a simulator in this process.
 * @example const sim = await startSimulator({ seed: 42, scenario: 'gift-storm' });
 */
export async function startSimulator(opts: StartOptions = {}): Promise<Simulator> {
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const server = await startServer({
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    token: opts.token,
    seed,
    startMs: opts.startMs ?? (opts.seed !== undefined ? SEEDED_EPOCH_MS : Date.now()),
    population: opts.population,
    rates: opts.rates,
    scenario: opts.scenario,
    quirks: opts.quirks,
    paused: opts.paused,
    allKinds: opts.allKinds,
    config: opts.config === undefined ? loadConfigFile(DEFAULT_CONFIG_PATH) : opts.config,
    replay: opts.replay,
    chatBacklog: opts.chatBacklog,
    log: opts.log ?? (() => {}),
    ...opts.server,
  });
  const state = server.state;
  const poke = () => state.pump.poke();

  const fire: Simulator['fire'] = async (body, o = {}) => {
    const tag = ++tags;
    const frames: string[] = [];
    let want = Infinity;
    let done: () => void = () => {};
    const all = new Promise<void>((r) => (done = r));
    const listener = (f: OutFrame) => {
      if (f.tag !== tag) return;
      frames.push(f.text);
      if (frames.length >= want) done();
    };
    if (o.wait !== false) state.sentListeners.add(listener);
    try {
      const r = must(state.engine.fire(body, state.pump.now(), tag));
      poke();
      if (o.wait === false) return { event: r.event, scheduled: r.scheduled, frames: [] };
      want = r.scheduled;
      if (frames.length >= want) done();
      const timeoutMs = o.timeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise<void>((_, j) => (timer = setTimeout(() => j(new Error(`fire(${r.event}): ${frames.length} of ${r.scheduled} frames sent within ${timeoutMs} ms (is the stream stalled?)`)), timeoutMs)))]).finally(() => clearTimeout(timer));
      await drained(server);
      return { event: r.event, scheduled: r.scheduled, frames };
    } finally {
      state.sentListeners.delete(listener);
    }
  };

  const frames = (): AsyncIterableIterator<OutFrame> => {
    const queue: OutFrame[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    const listener = (f: OutFrame) => {
      queue.push(f);
      wake?.();
    };
    state.sentListeners.add(listener);
    const stop = () => {
      closed = true;
      state.sentListeners.delete(listener);
      wake?.();
    };
    closers.add(stop);
    const it: AsyncIterableIterator<OutFrame> = {
      async next() {
        while (queue.length === 0 && !closed) await new Promise<void>((r) => (wake = r));
        wake = null;
        if (queue.length > 0) return { value: queue.shift()!, done: false };
        return { value: undefined, done: true };
      },
      async return() {
        stop();
        closers.delete(stop);
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return it;
      },
    };
    return it;
  };
  const closers = new Set<() => void>();

  return {
    url: server.url,
    wsUrl: server.wsUrl,
    port: server.port,
    server,
    fire,
    setRates: (r) => {
      const v = must(state.engine.setRates(r));
      poke();
      return v;
    },
    setScenario: (s) => {
      must(state.engine.setScenario(s, state.pump.now()));
      poke();
    },
    pause: () => state.engine.setPaused(true),
    resume: () => {
      if (!state.replay.active) state.engine.setPaused(false);
      poke();
    },
    reseed: (s) => state.reseed(s),
    replay: async (recording, o = {}) => {
      await state.replay.load({ ...o, recording }, 'cli');
      const r = () => state.replay.current;
      return {
        status: () => state.replay.status(),
        pause: () => r()?.pause(),
        resume: () => r()?.resume(),
        seek: (ms) => r()?.seek(ms),
        setSpeed: (x) => r()?.setSpeed(x),
        stop: () => {
          state.replay.stop();
          poke();
        },
      };
    },
    faults: {
      disconnect: () => state.hub.terminateAll(),
      close: (code, reason = '') => state.hub.closeAll(code, reason),
      stall: (seconds) => state.pump.stall(seconds * 1000),
      malformed: (text) => sendMalformed(state, text),
      burst: (count, event = 'chat') => must(fireBurst(state, event, count)),
    },
    status: () => simStatus(state),
    clients: () => state.hub.list(),
    waitForClients: async (n = 1, o = {}) => {
      const end = Date.now() + (o.timeoutMs ?? 10_000);
      while (state.hub.size < n) {
        if (Date.now() > end) throw new Error(`waitForClients(${n}): ${state.hub.size} connected after ${o.timeoutMs ?? 10_000} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    frames,
    close: async () => {
      for (const c of closers) c();
      closers.clear();
      await server.close();
    },
  };
}
