/**
 * The fake Twitch's send path: IRC lines per second from the server to 1 and 50 WebSocket clients (in a separate
 * process), against a bare `ws` server broadcasting the same pre-built lines in the same batches, in the same run.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import { chat } from '../simulator/twitch/events.ts';
import { TwitchGenerator } from '../simulator/twitch/generator.ts';
import { DEFAULT_ROOM, roomIdOf, type Rendered } from '../simulator/twitch/lines.ts';
import { TWITCH_RATE_KINDS, type TwitchRates } from '../simulator/twitch/rates.ts';
import { startTwitchServer } from '../simulator/twitch/server.ts';
import { median } from './client-timing.ts';
import { Sink } from './sink.ts';
import type { BenchRow } from './types.ts';

const LINES = 40_000;
/** Runs per figure, alternating fake and baseline; the median of each is reported (the machine is shared). */
const RUNS = 3;
const BATCH = 200;
const NO_RATES = Object.fromEntries(TWITCH_RATE_KINDS.map((k) => [k, 0])) as TwitchRates;

/** Pre-built chat lines of the generator (tags, emotes, mixed scripts), for channel #bench. */
export function buildLines(): Rendered[] {
  const gen = new TwitchGenerator({ seed: 11, startMs: 1_700_000_000_000, rates: NO_RATES });
  const ch = { name: 'bench', roomId: roomIdOf(11, 'bench'), room: { ...DEFAULT_ROOM } };
  const out: Rendered[] = [];
  for (let i = 0; i < LINES; i++) gen.fire('chat', (h) => chat(h), 1_700_000_000_000 + i);
  gen.advance(1_700_000_000_000 + LINES, (e) => out.push(...e.build(ch)));
  return out;
}

/** Sends the lines in batches, yielding between them (as the pump does between ticks); ms until the sink has all. */
async function measure(s: Sink, send: (batch: Rendered[]) => void, lines: Rendered[]): Promise<number> {
  const { done } = await s.expect(lines.length);
  for (let i = 0; i < lines.length; i += BATCH) {
    send(lines.slice(i, i + BATCH));
    await new Promise((r) => setImmediate(r));
  }
  return done;
}

export async function fake(lines: Rendered[], clients: number): Promise<number[]> {
  const tw = await startTwitchServer({ seed: 11, startMs: 0, port: 0, tcpPort: null, rates: NO_RATES, maxBufferedBytes: 1 << 28 });
  const s = await Sink.open(tw.wsUrl, clients, 'irc-join');
  try {
    await measure(s, (b) => tw.broadcast('bench', b), lines.slice(0, 2000)); // warm-up
    const out: number[] = [];
    for (let i = 0; i < RUNS; i++) out.push(await measure(s, (b) => tw.broadcast('bench', b), lines));
    return out;
  } finally {
    s.close();
    await tw.close();
  }
}

export async function bare(lines: Rendered[], clients: number): Promise<number[]> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise((r) => wss.once('listening', r));
  const set = new Set<WebSocket>();
  wss.on('connection', (ws) => set.add(ws));
  const s = await Sink.open(`ws://127.0.0.1:${(wss.address() as { port: number }).port}/`, clients, 'irc');
  // The least a server can do: one frame per batch, joined and encoded once, the same bytes to every client.
  const send = (b: Rendered[]): void => {
    const text = Buffer.from(`${b.map((r) => r.tagged).join('\r\n')}\r\n`);
    for (const ws of set) ws.send(text, { binary: false });
  };
  try {
    await measure(s, send, lines.slice(0, 2000));
    const out: number[] = [];
    for (let i = 0; i < RUNS; i++) out.push(await measure(s, send, lines));
    return out;
  } finally {
    s.close();
    wss.close();
  }
}

/** The bench part. */
export async function run(progress: (msg: string) => void): Promise<BenchRow[]> {
  const lines = buildLines();
  const rows: BenchRow[] = [];
  for (const clients of [1, 50]) {
    progress(`${clients} client(s): bare ws baseline, ${LINES} lines`);
    const baseMs = median(await bare(lines, clients));
    progress(`${clients} client(s): fake Twitch, ${LINES} lines`);
    const fakeMs = median(await fake(lines, clients));
    const value = (LINES * clients) / (fakeMs / 1000);
    const baseline = (LINES * clients) / (baseMs / 1000);
    rows.push({ part: 'twitch', figure: `IRC lines/s delivered to ${clients} WebSocket client(s)`, value, unit: 'lines/s', baseline, ratio: value / baseline, target: 'ratio >= 0.7', pass: value / baseline >= 0.7 });
  }
  return rows;
}
