/** Recorder and replay benchmarks: record throughput with zero loss, --instant replay throughput, speed-1 lateness. */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './types.ts';
import { RecordingWriter } from '../recorder/writer.ts';
import { frameLine, makeHeader } from '../recorder/format.ts';
import { openRecording, readBatches } from '../recorder/reader.ts';
import { chatFrame, startUpstream, tempDir } from '../recorder/test-helpers.ts';
import { createReplayer, type ReplayTarget } from '../simulator/replay/replayer.ts';

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** Runs the recorder/replay figures, each beside a baseline measured in the same run. */
export async function run(progress: (m: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const N = 100_000;
  const frames = Array.from({ length: 5000 }, (_, i) => chatFrame(i));
  progress('replay at speed 1: 5000 frames, 1 ms apart');
  const M = 5000;
  const tdir = join(tempDir(), 'timed');
  const w = RecordingWriter.create(tdir, makeHeader('bench', 0, 'bench'));
  for (let i = 0; i < M; i++) w.writeFrame(i, frames[i]!);
  w.close();
  const at: number[] = [];
  const r2 = await createReplayer({ path: tdir, mediaBase: 'http://x' }, { send: () => void at.push(performance.now()), writable: () => true, whenWritable: async () => undefined });
  await new Promise<void>((res) => {
    const iv = setInterval(() => r2.status().ended && (clearInterval(iv), res()), 5);
    r2.start();
  });
  const t0 = at[0]!;
  const late = at.map((x, i) => x - t0 - i).sort((a, b) => a - b);
  progress('baseline: one setTimeout per frame');
  const naive: number[] = [];
  const s0 = performance.now();
  await new Promise<void>((res) => {
    let left = 1000;
    for (let i = 0; i < 1000; i++)
      setTimeout(() => {
        naive.push(performance.now() - s0 - i);
        if (--left === 0) res();
      }, i);
  });
  naive.sort((a, b) => a - b);
  for (const [name, p] of [['p50', 0.5], ['p99', 0.99], ['max', 1]] as const) {
    rows.push({ part: 'replay', figure: `speed-1 lateness ${name} (${M} frames)`, value: Number(pct(late, p).toFixed(3)), unit: 'ms', baseline: Number(pct(naive, p).toFixed(3)), ...(name === 'p99' ? { target: '≤ 2', pass: pct(late, p) <= 2 } : {}) });
  }
  frames.length = 0;
  for (let i = 0; i < N; i++) frames.push(chatFrame(i));

  progress('record: baseline (write the same frames straight to a file)');
  const base = join(tempDir(), 'baseline.jsonl');
  let t = performance.now();
  const fd = openSync(base, 'w');
  for (let i = 0; i < N; i++) writeSync(fd, frameLine(i, frames[i]!) + '\n');
  closeSync(fd);
  const baseRate = N / ((performance.now() - t) / 1000);

  progress(`record: ${N} frames over loopback`);
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  // The recorder runs in its own process (the real CLI), so its RSS is its own.
  const child = spawn(process.execPath, [join(import.meta.dirname, '../bin/tiksim.js'), 'record', '--from', up.url, '--out', dir, '--no-media', '--max-events', String(N)], { stdio: 'ignore' });
  let rss = 0;
  const sampler = setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) rss = Math.max(rss, Number(m[1]) * 1024);
    } catch {
      /* exited */
    }
  }, 10);
  await up.waitForClients(1);
  t = performance.now();
  void up.send(frames).catch(() => undefined);
  await new Promise((r) => child.on('exit', r));
  const recRate = N / ((performance.now() - t) / 1000);
  clearInterval(sampler);
  await up.kill();
  let recorded = 0;
  for await (const b of readBatches(await openRecording(dir))) recorded += b.filter((x) => 'entry' in x && x.entry.kind === 'frame').length;
  const lost = N - recorded;
  rows.push({ part: 'recorder', figure: `record frames/s over loopback (lost ${lost})`, value: Math.round(recRate), unit: 'frames/s', baseline: Math.round(baseRate), ratio: recRate / baseRate, target: '≥ 20000, 0 lost', pass: recRate >= 20_000 && lost === 0 });
  rows.push({ part: 'recorder', figure: 'recorder process peak RSS', value: Math.round(rss / 1e6), unit: 'MB', target: '< 150', pass: rss < 150e6 });

  progress('replay --instant');
  const info = await openRecording(dir);
  t = performance.now();
  let lines = 0;
  for await (const b of readBatches(info)) lines += b.length;
  const readRate = lines / ((performance.now() - t) / 1000);
  let got = 0;
  const target: ReplayTarget = { send: () => void got++, writable: () => true, whenWritable: async () => undefined };
  const r = await createReplayer({ path: dir, instant: true, mediaBase: 'http://127.0.0.1:21213' }, target);
  t = performance.now();
  await new Promise<void>((res) => {
    const iv = setInterval(() => r.status().ended && (clearInterval(iv), res()), 1);
    r.start();
  });
  const instRate = got / ((performance.now() - t) / 1000);
  rows.push({ part: 'replay', figure: '--instant replay frames/s (with media rewrite)', value: Math.round(instRate), unit: 'frames/s', baseline: Math.round(readRate), ratio: instRate / readRate, target: '≥ 100000', pass: instRate >= 100_000 });

  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run((m) => process.stderr.write(m + '\n'));
  console.table(rows);
}
