/**
 * Recorder and replay benchmarks, measured as a client sees them (bench/client-timing.ts): the real `tiksim` in a
 * child process, an outside `ws` client in another, each figure beside its floor (a bare `ws` sender, a bare file
 * append) in the same run, several runs each: the median is the value, the spread is in the figure's text.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './types.ts';
import { createEngine } from '../simulator/engine.ts';
import { SEEDED_EPOCH_MS } from '../simulator/clock.ts';
import { tempDir } from '../recorder/test-helpers.ts';
import { rewriteMediaUrls } from '../simulator/replay/rewrite.ts';
import { frameHash, lateness, median, receive, spread, startFloor, startTiksim, type Lateness } from './client-timing.ts';
import { throughputRows } from './record-replay-throughput.ts';
import { BUSY, SEED, busyFrames, writeRecording } from './busy-frames.ts';

const RUNS = 3;
const N = 2500;

/** Rows for one lateness comparison: p50, p99 and max, each the median of the runs, beside the floor's. */
function latenessRows(what: string, ours: Lateness[], floor: Lateness[]): BenchRow[] {
  return (['p50', 'p99', 'max'] as const).map((k) => {
    const v = median(ours.map((l) => l[k]));
    const b = median(floor.map((l) => l[k]));
    return {
      part: 'replay',
      figure: `${what} lateness ${k}, outside ws client (tiksim ${spread(ours.map((l) => l[k]))}; floor ${spread(floor.map((l) => l[k]))})`,
      value: Number(v.toFixed(3)),
      unit: 'ms',
      baseline: Number(b.toFixed(3)),
      ...(k === 'p99' ? { target: '≤ floor + 0.5 ms', pass: v <= b + 0.5 } : {}),
    };
  });
}

function check(what: string, hashes: string[], want: string[]): void {
  const bad = hashes.findIndex((h, i) => h !== want[i]);
  if (hashes.length !== want.length || bad !== -1) throw new Error(`${what}: the client got ${hashes.length} frames, ${bad === -1 ? 'a different count' : `frame ${bad} differs`} (expected ${want.length} byte-identical frames in order)`);
}

/** Replay at speed 1 of a 2,500-frame recording against a bare ws sender of the same frames at the same offsets. */
async function timedReplay(progress: (m: string) => void, tmp: string): Promise<BenchRow[]> {
  const frames = busyFrames(N);
  const dir = join(tmp, 'timed');
  writeRecording(dir, frames);
  const ours: Lateness[] = [];
  const floor: Lateness[] = [];
  for (let r = 0; r < RUNS; r++) {
    progress(`replay at speed 1, ${N} frames over ${(frames[N - 1]!.t / 1000).toFixed(1)} s: run ${r + 1}/${RUNS}, tiksim then the floor`);
    const sim = await startTiksim(['--replay', dir]);
    const base = sim.httpBase;
    const sent = frames.map((f) => ({ t: f.t, text: rewriteMediaUrls(f.text, base) }));
    const want = sent.map((f) => frameHash(f.text));
    const got = await receive(sim.wsUrl, N);
    await sim.stop();
    check('replay at speed 1', got.hashes, want);
    ours.push(lateness(got.at, frames.map((f) => f.t)));
    const fl = await startFloor(sent, 'timed', tmp);
    const g2 = await receive(fl.wsUrl, N);
    await fl.stop();
    check('floor (timed)', g2.hashes, want);
    floor.push(lateness(g2.at, frames.map((f) => f.t)));
  }
  return latenessRows(`replay at speed 1 (${N} frames)`, ours, floor);
}

/** The generated stream at speed 1: each frame's due time worked out offline from the same seed, then compared alike. */
async function generatedStream(progress: (m: string) => void, tmp: string): Promise<BenchRow[]> {
  const ours: Lateness[] = [];
  const floor: Lateness[] = [];
  const rates = Object.entries(BUSY).map(([k, v]) => `${k}=${v}`).join(',');
  for (let r = 0; r < RUNS; r++) {
    progress(`generated stream at speed 1 (seed ${SEED}, ${rates}): run ${r + 1}/${RUNS}, tiksim then the floor`);
    const sim = await startTiksim(['--seed', String(SEED), '--rates', rates, '--no-config', '--no-backlog']);
    const base = sim.httpBase;
    const got = await receive(sim.wsUrl, N);
    await sim.stop();
    // The same engine offline: every frame at the virtual time it is due (the pump sends it then, in real time).
    const e = createEngine({ seed: SEED, population: 500, rates: BUSY, startMs: SEEDED_EPOCH_MS, mediaBase: base });
    const dueOf = new Map<string, { due: number; text: string }>();
    for (let d = e.nextDueMs(); d - SEEDED_EPOCH_MS < 120_000; d = e.nextDueMs()) {
      e.advance(d, (f) => void dueOf.set(frameHash(f.text), { due: d - SEEDED_EPOCH_MS, text: f.text }));
    }
    const matched = got.hashes.map((h) => dueOf.get(h));
    const miss = matched.findIndex((m) => !m);
    if (miss !== -1) throw new Error(`generated stream: frame ${miss} the client got is not in the seeded stream (determinism broken?)`);
    const due = matched.map((m) => m!.due);
    ours.push(lateness(got.at, due));
    const sent = matched.map((m) => ({ t: m!.due - due[0]!, text: m!.text }));
    const fl = await startFloor(sent, 'timed', tmp);
    const g2 = await receive(fl.wsUrl, N);
    await fl.stop();
    check('floor (generated)', g2.hashes, got.hashes);
    floor.push(lateness(g2.at, sent.map((f) => f.t)));
  }
  return latenessRows(`generated stream at speed 1 (${N} frames)`, ours, floor);
}

/** Runs the recorder/replay figures, each beside a baseline measured in the same run. */
export async function run(progress: (m: string) => void): Promise<BenchRow[]> {
  const tmp = tempDir('tiksim-bench-rr-');
  try {
    const rows: BenchRow[] = [];
    rows.push(...(await timedReplay(progress, tmp)));
    rows.push(...(await generatedStream(progress, tmp)));
    rows.push(...(await throughputRows(progress, tmp)));
    return rows;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2];
  const tmp = tempDir('tiksim-bench-rr-');
  const p = (m: string) => process.stderr.write(m + '\n');
  const rows = only === 'timed' ? await timedReplay(p, tmp) : only === 'generated' ? await generatedStream(p, tmp) : only ? await throughputRows(p, tmp, only) : await run(p);
  rmSync(tmp, { recursive: true, force: true });
  console.table(rows.map((r) => ({ figure: r.figure.slice(0, 110), value: r.value, baseline: r.baseline, ratio: r.ratio === undefined ? '' : r.ratio.toFixed(2), pass: r.pass })));
}
