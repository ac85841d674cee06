/**
 * Throughput and memory rows of the record-replay part: --instant replay against a bare ws send of the same pre-read
 * frames, the recorder against a bare file append, and the RSS of long recordings and of replaying a 1 GB one.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './types.ts';
import { frameLine, makeHeader } from '../recorder/format.ts';
import { openRecording, readEntries } from '../recorder/reader.ts';
import { rewriteMediaUrls } from '../simulator/replay/rewrite.ts';
import { median, receive, spread, startCli, startFloor, startTiksim, type Counted, type TimedFrame } from './client-timing.ts';
import { busyFrames, writeRecording } from './busy-frames.ts';

const RUNS = 3;
const rate = (c: Counted): number => ((c.n - 1) * 1000) / (c.last - c.first);

/** --instant replay of a 50,000-frame recording against the floor sending the same (rewritten) frames from memory. */
async function instant(progress: (m: string) => void, tmp: string): Promise<BenchRow[]> {
  const M = 50_000;
  const frames = busyFrames(M);
  const dir = join(tmp, 'instant');
  writeRecording(dir, frames);
  const ours: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    progress(`--instant replay, ${M} frames: run ${r + 1}/${RUNS}, tiksim then the floor`);
    const sim = await startTiksim(['--replay', dir, '--instant']);
    const base = sim.httpBase;
    const got = await receive(sim.wsUrl, M, 3000, true);
    await sim.stop();
    if (got.n !== M) throw new Error(`--instant replay: the client got ${got.n} of ${M} frames`);
    ours.push(rate(got));
    const fl = await startFloor(frames.map((f) => ({ t: f.t, text: rewriteMediaUrls(f.text, base) })), 'instant', tmp);
    const g2 = await receive(fl.wsUrl, M, 3000, true);
    await fl.stop();
    floor.push(rate(g2));
  }
  const v = median(ours);
  const b = median(floor);
  return [
    {
      part: 'replay',
      figure: `--instant replay frames/s to an outside ws client, ${M} frames ~1.1 KB with media rewrite (tiksim ${spread(ours, 0)}; floor: bare ws send of the pre-read frames, ${spread(floor, 0)})`,
      value: Math.round(v),
      unit: 'frames/s',
      baseline: Math.round(b),
      ratio: v / b,
      target: 'ratio ≥ 0.6',
      pass: v / b >= 0.6,
    },
  ];
}

/** `tiksim record` of `frames` from a bare ws sender; frames/s by the recorder's own offsets, loss, peak RSS. */
async function recordOnce(frames: TimedFrame[], tmp: string, name: string): Promise<{ rate: number; lost: number; rss: number }> {
  const up = await startFloor(frames, 'instant', tmp);
  const dir = join(tmp, name);
  const rec = startCli(['record', '--from', up.wsUrl, '--out', dir, '--no-media', '--max-events', String(frames.length)]);
  const code = await rec.exited;
  const rss = rec.peakRss();
  await rec.stop();
  await up.stop();
  if (code !== 0) throw new Error(`tiksim record exited ${code}`);
  let i = 0;
  let lost = 0;
  let t0 = 0;
  let t1 = 0;
  for await (const it of readEntries(await openRecording(dir))) {
    if (!('entry' in it) || it.entry.kind !== 'frame') continue;
    if (it.entry.frame !== frames[i]?.text) lost++;
    if (i === 0) t0 = it.entry.t;
    t1 = it.entry.t;
    i++;
  }
  lost += frames.length - i;
  return { rate: ((i - 1) * 1000) / Math.max(1, t1 - t0), lost, rss };
}

/** The recorder against a bare file append of the same lines; its RSS over a long recording against a short one. */
async function recorder(progress: (m: string) => void, tmp: string): Promise<BenchRow[]> {
  const N = 100_000;
  const frames = busyFrames(N);
  const ours: number[] = [];
  const floor: number[] = [];
  const rss: number[] = [];
  const bare: number[] = [];
  let lost = 0;
  for (let r = 0; r < RUNS; r++) {
    progress(`record ${N} frames from a bare ws sender: run ${r + 1}/${RUNS}, the floor then tiksim record`);
    const file = join(tmp, `append-${r}.jsonl`);
    const t = performance.now();
    const fd = openSync(file, 'w');
    for (let i = 0; i < N; i++) writeSync(fd, frameLine(i, frames[i]!.text) + '\n');
    closeSync(fd);
    floor.push(N / ((performance.now() - t) / 1000));
    const got = await recordOnce(frames, tmp, `rec-${r}`);
    ours.push(got.rate);
    rss.push(got.rss);
    lost += got.lost;
    // What the socket and the disk allow together: a bare ws client appending each frame as it comes.
    const up = await startFloor(frames, 'instant', tmp);
    const c = await receive(up.wsUrl, N, 3000, true, join(tmp, `bare-${r}.jsonl`));
    await up.stop();
    bare.push(rate(c));
  }
  progress(`record ${N / 10} frames (the RSS baseline)`);
  const short = await recordOnce(frames.slice(0, N / 10), tmp, 'rec-short');
  const v = median(ours);
  const b = median(floor);
  const peak = median(rss);
  return [
    {
      part: 'recorder',
      figure: `record frames/s from a bare ws sender, ${N} frames ~1.1 KB, lost ${lost} (tiksim record ${spread(ours, 0)}; floor: bare file append, one write per frame, ${spread(floor, 0)})`,
      value: Math.round(v),
      unit: 'frames/s',
      baseline: Math.round(b),
      ratio: v / b,
      target: 'ratio ≥ 0.8, 0 lost',
      pass: v / b >= 0.8 && lost === 0,
    },
    {
      part: 'recorder',
      figure: `info: the same frames from the same sender to a bare ws client that appends each as it comes (${spread(bare, 0)}), vs tiksim record`,
      value: Math.round(median(bare)),
      unit: 'frames/s',
      baseline: Math.round(v),
      ratio: median(bare) / v,
      target: 'info: the network floor',
    },
    {
      part: 'recorder',
      figure: `recorder peak RSS, ${N} frames (vs ${N / 10} frames; ${spread(rss.map((x) => x / 1e6), 0)} MB)`,
      value: Math.round(peak / 1e6),
      unit: 'MB',
      baseline: Math.round(short.rss / 1e6),
      ratio: peak / short.rss,
      target: 'flat (ratio ≤ 1.15)',
      pass: peak / short.rss <= 1.15,
    },
  ];
}

/** Writes a recording of about `bytes` by repeating `frames` (offsets 1 ms apart); returns its frame count. */
function bigRecording(dir: string, frames: TimedFrame[], bytes: number): number {
  writeRecording(dir, []);
  const fd = openSync(join(dir, 'events.jsonl'), 'a');
  let n = 0;
  let size = statSync(join(dir, 'events.jsonl')).size;
  while (size < bytes) {
    let chunk = '';
    for (let i = 0; i < 2000; i++, n++) chunk += frameLine(n, frames[n % frames.length]!.text) + '\n';
    size += writeSync(fd, chunk);
  }
  closeSync(fd);
  return n;
}

/**
 * Replaying a 1 GB recording (--instant, to an outside client): the server's peak RSS against a 200 MB one. Streaming
 * means five times the file takes no more memory (the heap's own slack, filled and collected, is in both).
 */
async function bigReplay(progress: (m: string) => void, tmp: string): Promise<BenchRow[]> {
  const frames = busyFrames(5000);
  const peak = async (bytes: number, name: string): Promise<{ rss: number; n: number; ms: number }> => {
    const dir = join(tmp, name);
    const n = bigRecording(dir, frames, bytes);
    const t = performance.now();
    const sim = await startTiksim(['--replay', dir, '--instant']);
    const got = await receive(sim.wsUrl, n, 5000, true);
    await sim.stop();
    if (got.n !== n) throw new Error(`replay of ${name}: the client got ${got.n} of ${n} frames`);
    return { rss: sim.peakRss(), n, ms: performance.now() - t };
  };
  progress('replay --instant of a 200 MB recording (the RSS baseline)');
  const small = await peak(200e6, 'small');
  progress('replay --instant of a 1 GB recording (written here, deleted after)');
  const big = await peak(1e9, 'one-gb');
  return [
    {
      part: 'replay',
      figure: `peak RSS replaying a 1 GB recording (${big.n.toLocaleString('en')} frames, --instant to an outside client, ${(big.ms / 1000).toFixed(0)} s) vs a 200 MB one (${(small.ms / 1000).toFixed(0)} s)`,
      value: Math.round(big.rss / 1e6),
      unit: 'MB',
      baseline: Math.round(small.rss / 1e6),
      ratio: big.rss / small.rss,
      target: 'flat (ratio ≤ 1.15)',
      pass: big.rss / small.rss <= 1.15,
    },
  ];
}

/** The throughput and memory rows (`only`: instant, recorder or big, for a run of one). */
export async function throughputRows(progress: (m: string) => void, tmp: string, only?: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (!only || only === 'instant') rows.push(...(await instant(progress, tmp)));
  if (!only || only === 'recorder') rows.push(...(await recorder(progress, tmp)));
  if (!only || only === 'big') rows.push(...(await bigReplay(progress, tmp)));
  return rows;
}
