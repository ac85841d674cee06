/**
 * The fault suite's fuzz loops at larger counts (test/faults/ runs them small, inside `npm test`). One row per area:
 * fault cases survived (value) out of cases tried (baseline); the target is that every case survives.
 */
import fc from 'fast-check';
import WebSocket from 'ws';
import type { BenchRow } from './types.ts';
import { diskFullCase, killNineCase, midBurstKillCase, restartsCase, RECORDER_ISSUE12_13_PROBES, RECORDER_PROBES } from '../test/faults/recorder-cases.ts';
import { brokenRecordings, checkCorruption, collector, corruptionArb } from '../test/faults/replay-cases.ts';
import { createReplayer } from '../simulator/replay/replayer.ts';
import { barrage, fuzzCaseArb, rawWebSocket, resetGeneration, send, startSim, stillServes, wsGarbageArb } from '../test/faults/sim-cases.ts';
import { churn } from '../test/faults/churn-cases.ts';
import { SECURITY_PROBES } from '../test/faults/security-cases.ts';
import { waitFor } from '../test/faults/helpers.ts';

interface Tally {
  tried: number;
  survived: number;
  firstFailure?: string;
}

/** Runs `n` cases one after the other, counting the ones that did not throw. */
async function tally(n: number, run: (i: number) => Promise<unknown>): Promise<Tally> {
  const t: Tally = { tried: 0, survived: 0 };
  for (let i = 0; i < n; i++) {
    t.tried++;
    try {
      await run(i);
      t.survived++;
    } catch (e) {
      t.firstFailure ??= (e as Error).message.slice(0, 200);
    }
  }
  return t;
}

function row(figure: string, t: Tally): BenchRow {
  return {
    part: 'faults',
    figure: t.firstFailure ? `${figure} (first failure: ${t.firstFailure.replace(/\|/g, '/')})` : figure,
    value: t.survived,
    unit: 'cases',
    baseline: t.tried,
    ratio: t.tried ? t.survived / t.tried : 0,
    target: 'all survived',
    pass: t.survived === t.tried,
  };
}

/** Malformed HTTP requests, checked against the documented statuses, in batches, with a liveness check per batch. */
async function httpFuzz(total: number, progress: (m: string) => void): Promise<Tally> {
  const sim = await startSim();
  const t: Tally = { tried: 0, survived: 0 };
  try {
    const batch = 2000;
    for (let done = 0; done < total; done += batch) {
      const cases = fc.sample(fuzzCaseArb, { numRuns: Math.min(batch, total - done), seed: 1000 + done });
      const failures = await barrage(sim, cases);
      t.tried += cases.length;
      t.survived += cases.length - failures.length;
      t.firstFailure ??= failures[0];
      await resetGeneration(sim);
      await stillServes(sim);
      progress(`http fuzz ${t.tried}/${total}, ${t.tried - t.survived} wrong`);
    }
  } finally {
    await sim.close();
  }
  return t;
}

/** Random messages from connected clients, then raw protocol violations; each must leave the others streaming. */
async function wsFuzz(messages: number, garbage: number): Promise<Tally> {
  const sim = await startSim();
  const t: Tally = { tried: 0, survived: 0 };
  try {
    const ws = new WebSocket(sim.wsUrl);
    let got = 0;
    ws.on('message', () => got++);
    await new Promise((r) => ws.once('open', r));
    const msgs = fc.sample(fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a))), { numRuns: messages, seed: 3 });
    for (const m of msgs) ws.send(m);
    const before = got;
    await waitFor(() => got > before + 3 && ws.readyState === WebSocket.OPEN, 'the fuzzing client to keep streaming', 10_000).then(
      () => ((t.tried += messages), (t.survived += messages)),
      (e: Error) => ((t.tried += messages), (t.firstFailure = e.message)),
    );
    const bad = fc.sample(wsGarbageArb, { numRuns: garbage, seed: 4 });
    for (const g of bad) {
      t.tried++;
      try {
        const { socket } = await rawWebSocket(sim);
        const closed = new Promise<void>((r) => socket.once('close', () => r()));
        socket.resume();
        socket.write(g);
        const timer = setTimeout(() => socket.destroy(), 300);
        await closed;
        clearTimeout(timer);
        await waitFor(() => sim.state.hub.size === 1, 'only the fuzzing client left', 3000);
        t.survived++;
      } catch (e) {
        t.firstFailure ??= (e as Error).message;
      }
    }
    ws.close();
    await stillServes(sim);
  } finally {
    await sim.close();
  }
  return t;
}

/** Slow clients: each run opens a client that never reads, bursts 40 000 frames, and checks it was dropped. */
async function slowClients(runs: number): Promise<Tally> {
  const sim = await startSim({ rates: { chat: 0, like: 0 }, hub: { maxBufferedBytes: 256 * 1024, slowClientGraceMs: 200 } });
  try {
    return await tally(runs, async (i) => {
      const { socket } = await rawWebSocket(sim);
      const body = Buffer.from(JSON.stringify({ event: 'chat', count: 10_000 }));
      for (let k = 0; k < 4; k++) {
        await send(sim, { method: 'POST', path: '/api/faults/burst', headers: { 'content-type': 'application/json' }, body });
        await new Promise((r) => setTimeout(r, 80));
      }
      await waitFor(() => sim.state.hub.stats.slowClientsDisconnected >= i + 1, 'the slow client to be dropped', 10_000);
      socket.destroy();
      await waitFor(() => sim.state.hub.size === 0, 'the hub to empty', 5000);
    });
  } finally {
    await sim.close();
  }
}

/** Runs the fault loops at bench sizes. */
export async function run(progress: (m: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  progress('recorder: upstream restarts');
  rows.push(row('recorder: 3 upstream restarts, every connected frame on disk exactly', await tally(5, () => restartsCase(3, 500))));
  progress('recorder: upstream killed mid-burst');
  rows.push(row('recorder: upstream killed mid-burst, exact prefix per phase', await tally(3, () => midBurstKillCase(3, 1500))));
  progress('recorder: kill -9 of the CLI');
  rows.push(row('recorder: kill -9 of `tiksim record`, exact prefix, ≤ 1 line cut', await tally(8, (i) => (i % 4 === 3 ? killNineCase({ killAfterBytes: 0, quiesce: 300 + i * 50 }) : killNineCase({ killAfterBytes: 50_000 + i * 150_000 })))));
  progress('recorder: full disk');
  rows.push(row('recorder: full disk, exit 1, earlier lines intact', await tally(3, () => diskFullCase())));

  progress('replay: corrupted recordings');
  const corrupt = fc.sample(corruptionArb, { numRuns: 500, seed: 11 });
  rows.push(row('replay: random bad lines / cut last line, file:line or --skip-bad', await tally(corrupt.length, (i) => checkCorruption(corrupt[i]!))));
  const broken = brokenRecordings();
  rows.push(
    row(
      'replay: broken header / empty / missing file, documented code',
      await tally(broken.length, async (i) => {
        const b = broken[i]!;
        const err = await createReplayer({ path: b.dir, mediaBase: 'http://x' }, collector()).then(
          () => null,
          (e: Error & { code?: string }) => e,
        );
        if (!err || err.code !== b.code || !b.message.test(err.message)) throw new Error(`${b.name}: ${err?.code} ${err?.message}`);
      }),
    ),
  );

  progress('simulator: HTTP fuzz');
  progress('security probes (cross-site writes, DNS rebinding, replay paths, media traversal, secrets, caps)');
  rows.push(row(`security: issue-11 probes refused (${SECURITY_PROBES.length} probes × 3 runs)`, await tally(SECURITY_PROBES.length * 3, (i) => SECURITY_PROBES[i % SECURITY_PROBES.length]!.run())));
  rows.push(row(`recorder: issue-11 probes refused (${RECORDER_PROBES.length} probes × 3 runs)`, await tally(RECORDER_PROBES.length * 3, (i) => RECORDER_PROBES[i % RECORDER_PROBES.length]!.run())));
  rows.push(row(`recorder: dead source, every frame kept (${RECORDER_ISSUE12_13_PROBES.length} probes × 2 runs)`, await tally(RECORDER_ISSUE12_13_PROBES.length * 2, (i) => RECORDER_ISSUE12_13_PROBES[i % RECORDER_ISSUE12_13_PROBES.length]!.run())));
  rows.push(row('simulator: malformed HTTP requests, documented status, never 500', await httpFuzz(10_000, progress)));
  progress('simulator: WebSocket fuzz');
  rows.push(row('simulator: WebSocket garbage and protocol violations', await wsFuzz(10_000, 300)));
  progress('simulator: slow clients');
  rows.push(row('simulator: slow client capped and dropped', await slowClients(5)));
  progress('simulator: churn');
  {
    const sim = await startSim({ rates: { chat: 50, like: 50 } });
    try {
      const rounds = await churn(sim, 20, 200);
      const heaps = rounds.slice(2).map((r) => r.heapMb);
      const t: Tally = { tried: rounds.length, survived: rounds.filter((r) => r.hubSize === 0 && r.connections === 0).length };
      const growth = heaps[heaps.length - 1]! - Math.min(...heaps);
      if (growth > 3) {
        t.survived = Math.min(t.survived, t.tried - 1);
        t.firstFailure = `heap grew ${growth.toFixed(1)} MB over ${heaps.length} rounds`;
      }
      rows.push(row(`simulator: 200-client churn rounds, nothing left behind (heap growth ${growth.toFixed(1)} MB)`, t));
    } finally {
      await sim.close();
    }
  }
  return rows;
}
