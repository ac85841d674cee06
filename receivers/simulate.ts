/**
 * The simulator's engine in-process as a receiver: no socket, the frames the engine makes are parsed and converted to
 * TLC-style data as a TikFinity socket's would be. Seeded and on an injected clock, so a seed and a scenario give the
 * same events; `at` is the engine's virtual time (the stream's `startMs` plus the time elapsed on the clock).
 * It never loses its "connection"; it is stopped, not ended.
 */
import { createEngine, type Engine, type EngineOptions } from '../simulator/engine.ts';
import { systemClock, type Clock } from '../simulator/clock.ts';
import { handFrame } from './frames.ts';
import { ReconnectingReceiver, type Closer, type ReconnectOptions, type Session } from './reconnecting.ts';

/** Options of the simulate receiver: the engine's, and how often it is advanced. */
export interface SimulateReceiverOptions extends ReconnectOptions, Omit<EngineOptions, 'mediaBase'> {
  /** Every generated URL starts with it (default http://127.0.0.1:21213, the simulator's port). */
  mediaBase?: string;
  /** Clock the engine runs on (default the wall clock). */
  clock?: Clock;
  /** How often the engine is advanced, ms (default 10). */
  tickMs?: number;
  name?: string;
}

/** Runs the engine in-process. */
export class SimulateReceiver extends ReconnectingReceiver {
  private engineNow: Engine | null = null;

  constructor(private readonly o: SimulateReceiverOptions) {
    super(o.name ?? 'simulate', 'tiktok', `simulate:seed=${o.seed}${typeof o.scenario === 'string' ? `,scenario=${o.scenario}` : ''}`, { ...o, now: o.now ?? (() => (o.clock ?? systemClock).now()) });
  }

  /** The running engine (for its status: seed, rates, scenario), or null before start. */
  get runningEngine(): Engine | null {
    return this.engineNow;
  }

  protected open(s: Session): Closer {
    const clock = this.o.clock ?? systemClock;
    let engine: Engine;
    try {
      engine = createEngine({ ...this.o, mediaBase: this.o.mediaBase ?? 'http://127.0.0.1:21213' });
    } catch (e) {
      s.fail((e as Error).message);
      return () => undefined;
    }
    this.engineNow = engine;
    const t0 = clock.now();
    const virtual = () => this.o.startMs + (clock.now() - t0);
    s.connected('simulated', { isConnected: true, isConnecting: false, roomId: '0', roomInfo: null, availableGifts: null });
    // The engine is advanced in steps of at most a few ms of virtual time, and a tick gives the event loop back after
    // ~3 ms of work, so a high rate never starves the consumer's own I/O (a relay's delivery needs a few turns of the
    // loop: its request, the answer): when the CPU cannot keep up, virtual time falls behind the clock instead.
    let done = virtual();
    let busy = false;
    let closed = false;
    const step = this.o.tickMs ?? 10;
    const tick = (): void => {
      if (closed) return;
      const target = virtual();
      const until = performance.now() + 3;
      while (done < target && performance.now() < until) {
        const at = Math.min(target, done + step);
        engine.advance(at, (f) => handFrame(s, f.text, at));
        done = at;
      }
      busy = done < target;
      if (busy) setImmediate(tick);
    };
    const timer = setInterval(() => busy || tick(), step);
    return () => {
      closed = true;
      clearInterval(timer);
    };
  }
}
