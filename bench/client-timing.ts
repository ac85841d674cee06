/**
 * Measuring tiksim as a client sees it: the real `tiksim serve` in a child process, an ordinary `ws` client in
 * another (bench/timing-client.mjs), and the floor (bench/floor-sender.mjs, a bare `ws` server) in a third, all on
 * loopback. The bench parts use these to put each figure beside what the machine itself does, in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..');

/** A child process that serves frames on a WebSocket URL. */
export interface Served {
  wsUrl: string;
  proc: ChildProcess;
  /** Peak RSS (bytes) sampled every 20 ms since start. */
  peakRss(): number;
  /** RSS samples (bytes), in order. */
  rssSamples(): number[];
  stop(): Promise<void>;
}

/** The RSS of a process in bytes, from /proc (0 when it is gone). */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function watch(proc: ChildProcess, url: string): Served {
  const samples: number[] = [];
  const iv = setInterval(() => {
    const r = rssOf(proc.pid!);
    if (r) samples.push(r);
  }, 20);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    wsUrl: url,
    proc,
    peakRss: () => Math.max(0, ...samples),
    rssSamples: () => samples,
    stop: async () => {
      clearInterval(iv);
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** Waits for a line of the child's stdout that matches `re`; rejects when it exits first. */
function waitLine(proc: ChildProcess, re: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let err = '';
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const rl = createInterface({ input: proc.stdout! });
    rl.on('line', (l) => {
      const m = re.exec(l);
      if (m) resolve(m);
    });
    proc.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready: ${err.slice(-800)}`)));
  });
}

/** Starts `tiksim serve --port 0 --no-status <args>` (the real CLI) and resolves once it listens. */
export async function startTiksim(args: string[]): Promise<Served & { httpBase: string }> {
  const proc = spawn(process.execPath, [join(ROOT, 'bin/tiksim.js'), 'serve', '--port', '0', '--no-status', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const m = await waitLine(proc, /listening on (ws:\/\/\S+)/, 'tiksim serve');
  // The server's HTTP origin, which replay rewrites recorded image URLs to (its media base).
  return { ...watch(proc, m[1]!), httpBase: m[1]!.replace(/^ws/, 'http').replace(/\/$/, '') };
}

/** Starts `tiksim <args>` (the real CLI, e.g. `record`), its RSS watched; `exited` resolves with its exit code. */
export function startCli(args: string[]): Served & { exited: Promise<number | null> } {
  const proc = spawn(process.execPath, [join(ROOT, 'bin/tiksim.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { ...watch(proc, ''), exited };
}

/** One frame at its offset. */
export interface TimedFrame {
  t: number;
  text: string;
}

/** Starts the floor: a bare ws server that sends `frames` timed (setTimeout at each offset) or as fast as it can. */
export async function startFloor(frames: TimedFrame[], mode: 'timed' | 'instant', dir: string): Promise<Served> {
  const file = join(dir, `floor-${mode}.jsonl`);
  writeFileSync(file, frames.map((f) => JSON.stringify(f)).join('\n') + '\n');
  const proc = spawn(process.execPath, [join(import.meta.dirname, 'floor-sender.mjs'), file, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
  const m = await waitLine(proc, /^port (\d+)/, 'floor sender');
  return watch(proc, `ws://127.0.0.1:${m[1]}/`);
}

/** What the outside client saw: arrival times (its own clock, ms) and each frame's hash, in arrival order. */
export interface Arrivals {
  n: number;
  at: number[];
  hashes: string[];
  bytes: number;
}

/** What a counting client saw: frames, bytes, and when the first and last arrived (its clock, ms). */
export interface Counted {
  n: number;
  first: number;
  last: number;
  bytes: number;
}

/** Connects the outside client to `url` and resolves with what arrived (`count` frames, or until `idleMs` quiet). */
export function receive(url: string, count: number, idleMs?: number): Promise<Arrivals>;
/** The same, counting only (for runs too long to keep each frame), or also appending each frame to `appendTo`. */
export function receive(url: string, count: number, idleMs: number, countOnly: true, appendTo?: string): Promise<Counted>;
export function receive(url: string, count: number, idleMs = 2000, countOnly = false, appendTo?: string): Promise<Arrivals | Counted> {
  return new Promise((resolve, reject) => {
    const mode = appendTo ? ['append', appendTo] : countOnly ? ['count-only'] : [];
    const args = [join(import.meta.dirname, 'timing-client.mjs'), url, String(count), String(idleMs), ...mode];
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`timing client exited ${code}`));
      try {
        resolve(JSON.parse(out) as Arrivals | Counted);
      } catch (e) {
        reject(new Error(`timing client printed no result: ${(e as Error).message}`));
      }
    });
  });
}

/** The hash the client gives a frame (sha1 of its UTF-8 bytes, first 16 hex digits). */
export function frameHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/** Lateness figures of one run, ms. */
export interface Lateness {
  p50: number;
  p99: number;
  max: number;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * Lateness of each arrival against its due offset. The client's clock and the sender's differ by an unknown constant
 * (connect time, loopback transit), so zero is the frame that arrived earliest relative to its offset: every figure
 * is "later than the best this run managed", the same rule for tiksim and its floor.
 */
export function lateness(at: number[], dueMs: number[]): Lateness {
  const d = at.map((a, i) => a - dueMs[i]!);
  const zero = Math.min(...d);
  const late = d.map((x) => x - zero).sort((a, b) => a - b);
  return { p50: pct(late, 0.5), p99: pct(late, 0.99), max: late[late.length - 1]! };
}

/** The median of some numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** "median (min–max over n runs)" for a figure's note. */
export function spread(xs: number[], digits = 2): string {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(digits)}–${s[s.length - 1]!.toFixed(digits)} over ${s.length} runs`;
}
