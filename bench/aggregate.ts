/**
 * The aggregator's added latency: two Twitch receivers on real WebSockets, 500 lines/s each (1,000 messages/s in all),
 * each line carrying the time it was sent. Every message is timed twice in the same run: where the receiver hands it
 * on (onEvent: the baseline, socket + IRC parsing) and where a `for await` consumer of aggregate() gets it
 * (normalising, queueing, the iterator's promise hop). The added latency is the difference, message by message.
 */
import { performance } from 'node:perf_hooks';
import { aggregate } from '../receivers/aggregate.ts';
import { TwitchReceiver } from '../receivers/twitch.ts';
import { startTestIrcServer, type TestConn } from '../receivers/twitch-test-server.ts';
import type { BenchRow } from './types.ts';

const RATE = 1000;
const SECONDS = 5;
const TICK_MS = 10;

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
}

/** `bench aggregate`: rows for the added latency p50/p99 and the socket-to-consumer p99 beside the receiver's own. */
export async function run(progress: (msg: string) => void): Promise<BenchRow[]> {
  const server = await startTestIrcServer();
  const receivers = ['a', 'b'].map((n) => new TwitchReceiver({ url: server.wsUrl, channels: [`chan${n}`], name: `twitch-${n}` }));
  const direct = new Map<string, number>();
  const sentAt = new Map<string, number>();
  for (const r of receivers) r.onEvent((e) => direct.set(e.data.tags['id'] ?? '', performance.now()));
  const agg = aggregate(receivers);
  const conns: TestConn[] = [await server.waitConns(1), await server.waitConns(2)];
  while (receivers.some((r) => r.status().joined.length === 0)) await new Promise((r) => setTimeout(r, 5));

  const total = RATE * SECONDS;
  const added: number[] = [];
  const viaAgg: number[] = [];
  const viaReceiver: number[] = [];
  const consumer = (async () => {
    for await (const m of agg) {
      const t = performance.now();
      const id = m.id.slice('twitch:'.length);
      const d = direct.get(id);
      const s = sentAt.get(id);
      if (d === undefined || s === undefined) continue;
      added.push(t - d);
      viaAgg.push(t - s);
      viaReceiver.push(d - s);
      if (added.length === total) break;
    }
  })();

  progress(`sending ${total} lines at ${RATE}/s over 2 sockets`);
  let n = 0;
  const perTick = (RATE * TICK_MS) / 1000;
  const t0 = performance.now();
  while (n < total) {
    for (let i = 0; i < perTick && n < total; i++, n++) {
      const conn = conns[n % 2]!;
      const id = `m${n}`;
      sentAt.set(id, performance.now());
      conn.send(`@display-name=U${n % 97};id=${id};user-id=${n % 97} :u!u@u.tmi.twitch.tv PRIVMSG #chan${n % 2 ? 'b' : 'a'} :message number ${n}`);
    }
    const next = t0 + ((n / perTick) * TICK_MS);
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  await Promise.race([consumer, new Promise((r) => setTimeout(r, 5000))]);
  await agg.stop();
  await server.close();
  const sa = [...added].sort((a, b) => a - b);
  const sv = [...viaAgg].sort((a, b) => a - b);
  const sr = [...viaReceiver].sort((a, b) => a - b);
  const p99 = pct(sa, 0.99);
  progress(`${added.length} of ${total} messages timed; added p50 ${pct(sa, 0.5).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`);
  const got = `${added.length}/${total} msgs`;
  return [
    { part: 'aggregate', figure: `added latency p99 at ${RATE} msg/s, 2 receivers (${got})`, value: Number(p99.toFixed(3)), unit: 'ms', target: '< 5', pass: p99 < 5 && added.length === total },
    { part: 'aggregate', figure: 'added latency p50', value: Number(pct(sa, 0.5).toFixed(3)), unit: 'ms' },
    { part: 'aggregate', figure: 'socket → aggregate consumer p99 (baseline: socket → receiver onEvent)', value: Number(pct(sv, 0.99).toFixed(3)), unit: 'ms', baseline: Number(pct(sr, 0.99).toFixed(3)), ratio: pct(sv, 0.99) / pct(sr, 0.99) },
  ];
}
