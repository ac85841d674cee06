import { createServer, type Server } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';
import { createEngine, type Engine, type Rates } from '../simulator/engine.ts';
import { WsHub } from '../simulator/server/ws-hub.ts';
import { Sink } from './sink.ts';
import type { BenchRow } from './types.ts';

const EPOCH = Date.UTC(2025, 0, 1, 20, 0, 0);
/** A busy mix: every generated kind, streaks included. */
const HEAVY: Partial<Rates> = { chat: 4000, like: 4000, gift: 800, member: 1500, follow: 100, share: 50 };
const HEAVY_TOTAL = 4000 + 4000 + 800 * 2.5 + 1500 + 150;

function engine(population = 500, seed = 7): Engine {
  return createEngine({ seed, population, rates: HEAVY, startMs: EPOCH, mediaBase: 'http://127.0.0.1:21213' });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return typeof a === 'object' && a ? a.port : 0;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** A source of frames under test: produce up to `max` frames into the transport, return how many. */
type Producer = (max: number) => number;

/** Pushes `n` frames through `produce`, pausing while clients are over half their buffer; returns frames/s. */
async function pushThrough(n: number, produce: Producer, writable: () => boolean, sink: Sink): Promise<number> {
  const { done } = await sink.expect(n);
  const t0 = performance.now();
  let sent = 0;
  while (sent < n) {
    sent += produce(Math.min(500, n - sent));
    if (!writable()) await new Promise((r) => setImmediate(r));
    else if ((sent & 0x3fff) < 500) await new Promise((r) => setImmediate(r));
  }
  await done;
  return n / ((performance.now() - t0) / 1000);
}

/** The engine's frames straight into `emit` (advancing virtual time as needed): at least `max` per call. */
function engineProducer(eng: Engine, emit: (text: string) => void): Producer {
  let now = EPOCH;
  let made = 0;
  const sink = (f: { text: string }): void => {
    made++;
    emit(f.text);
  };
  return (max) => {
    const start = made;
    while (made - start < max) {
      now += Math.max(1, Math.ceil((1000 * (max - (made - start))) / HEAVY_TOTAL));
      eng.advance(now, sink);
    }
    return made - start;
  };
}

/** tiksim's path: engine.advance + WsHub.broadcast to `clients` real clients in another process. */
async function tiksimRate(clients: number, n: number): Promise<number> {
  const hub = new WsHub({ maxBufferedBytes: 8 << 20 });
  const server = createServer();
  server.on('upgrade', (req, s, h) => hub.wss.handleUpgrade(req, s, h, (ws) => hub.wss.emit('connection', ws, req)));
  const port = await listen(server);
  const sink = await Sink.open(`ws://127.0.0.1:${port}/`, clients);
  const inner = engineProducer(engine(), (t) => hub.broadcast(t));
  // As the server's pump does: each batch of generated frames goes out corked.
  const produce: Producer = (max) => {
    let n = 0;
    hub.corked(() => (n = inner(max)));
    return n;
  };
  const rate = await pushThrough(n, produce, () => hub.writable(), sink);
  if (hub.stats.droppedFrames > 0) throw new Error(`the hub dropped ${hub.stats.droppedFrames} frames: the measurement is void`);
  sink.close();
  hub.close();
  server.close();
  server.closeAllConnections();
  return rate;
}

/** The baseline: a bare ws server broadcasting pre-serialised frames (the same texts) with the same buffer rule. */
async function bareRate(clients: number, n: number, frames: string[]): Promise<number> {
  const server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  const port = await listen(server);
  const sink = await Sink.open(`ws://127.0.0.1:${port}/`, clients);
  let i = 0;
  const produce: Producer = (max) => {
    for (let k = 0; k < max; k++) {
      const t = frames[i++ % frames.length];
      for (const ws of wss.clients) if (ws.readyState === WebSocket.OPEN) ws.send(t);
    }
    return max;
  };
  const writable = (): boolean => {
    for (const ws of wss.clients) if (ws.bufferedAmount > 4 << 20) return false;
    return true;
  };
  const rate = await pushThrough(n, produce, writable, sink);
  sink.close();
  wss.close();
  server.close();
  server.closeAllConnections();
  return rate;
}

/** Engine alone: events/s of advance() over `n` events, and heap after GC before/after. */
function engineOnly(n: number, population: number): { rate: number; heapStartMB: number; heapEndMB: number } {
  const eng = engine(population);
  const produce = engineProducer(eng, () => {});
  produce(20_000);
  gc();
  const heapStart = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let made = 0;
  while (made < n) made += produce(Math.min(5000, n - made));
  const rate = n / ((performance.now() - t0) / 1000);
  gc();
  const heapEnd = process.memoryUsage().heapUsed;
  return { rate, heapStartMB: heapStart / 2 ** 20, heapEndMB: heapEnd / 2 ** 20 };
}

/** For profiling. */
export { tiksimRate, bareRate };

/** The simulator part of `npm run bench`. */
export async function run(progress: (m: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const part = 'simulator';

  progress('engine alone, 1,000,000 events');
  const e = engineOnly(1_000_000, 500);
  rows.push({ part, figure: 'engine generate (no network), 1M events', value: e.rate, unit: 'ev/s' });
  rows.push({
    part,
    figure: 'heap after GC: 20k events → 1M events',
    value: e.heapEndMB,
    unit: 'MB',
    baseline: e.heapStartMB,
    ratio: e.heapEndMB / e.heapStartMB,
    target: 'flat (ratio ≤ 1.2)',
    pass: e.heapEndMB / e.heapStartMB <= 1.2,
  });

  const frames: string[] = [];
  engineProducer(engine(500, 9), (t) => frames.push(t))(20_000);

  for (const clients of [1, 50]) {
    const n = clients === 1 ? 300_000 : 40_000;
    progress(`broadcast to ${clients} client(s): bare ws baseline, ${n} frames`);
    const base = await bareRate(clients, n, frames);
    progress(`broadcast to ${clients} client(s): tiksim engine + hub, ${n} frames`);
    const ours = await tiksimRate(clients, n);
    const ratio = ours / base;
    rows.push({
      part,
      figure: `generated + broadcast to ${clients} client${clients > 1 ? 's' : ''} (vs bare ws of pre-serialised frames)`,
      value: ours,
      unit: 'ev/s',
      baseline: base,
      ratio,
      target: clients === 1 ? '≥ 50,000 ev/s and ratio ≥ 0.7' : 'ratio ≥ 0.7',
      pass: ratio >= 0.7 && (clients > 1 || ours >= 50_000),
    });
  }

  progress('growth with clients (1, 10, 50, 200): cost per event delivered');
  let perEvent1 = 0;
  for (const clients of [1, 10, 50, 200]) {
    const n = Math.max(4000, Math.round(200_000 / clients));
    const rate = await tiksimRate(clients, n);
    const usPerEvent = 1e6 / rate;
    if (clients === 1) perEvent1 = usPerEvent;
    rows.push({
      part,
      figure: `µs per event broadcast to ${clients} clients`,
      value: usPerEvent,
      unit: 'µs',
      baseline: perEvent1,
      ratio: usPerEvent / perEvent1,
      target: 'grows at most linearly with clients',
      pass: usPerEvent / perEvent1 <= clients * 1.2,
    });
    rows.push({ part, figure: `RSS with ${clients} clients`, value: process.memoryUsage().rss / 2 ** 20, unit: 'MB' });
  }

  progress('growth with viewer population (100 → 1,000,000)');
  let small = 0;
  for (const pop of [100, 10_000, 1_000_000]) {
    const r = engineOnly(200_000, pop);
    if (pop === 100) small = r.rate;
    rows.push({
      part,
      figure: `engine with population ${pop.toLocaleString('en')}: rate, heap ${r.heapEndMB.toFixed(0)} MB`,
      value: r.rate,
      unit: 'ev/s',
      baseline: small,
      ratio: r.rate / small,
      target: '≥ 50,000 ev/s (the broadcast target), heap < 300 MB',
      pass: r.rate >= 50_000 && r.heapEndMB < 300,
    });
  }
  return rows;
}
