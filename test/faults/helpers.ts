/** Shared helpers of the fault suite: the real CLI as a child process, exact-prefix checks, a tiny tmpfs, polling. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frameLine } from '../../recorder/format.ts';

/** The repository root. */
export const REPO = join(import.meta.dirname, '..', '..');
/** The real command line, as a user runs it. */
export const CLI = join(REPO, 'bin', 'tiksim.js');

/** A running CLI child: its output so far and its exit code. */
export type CliChild = ChildProcess & { out(): string; err(): string; exit: Promise<number | null> };

/**
 * Spawns `node bin/tiksim.js ...args` (or under `bash -c 'ulimit -f N; exec node ...'`). The child is SIGKILLed after
 * `timeoutMs` so a hung CLI fails its test instead of the suite.
 */
export function runCli(args: string[], opts: { ulimitKb?: number; timeoutMs?: number } = {}): CliChild {
  const child = opts.ulimitKb
    ? spawn('bash', ['-c', `ulimit -f ${opts.ulimitKb}; exec "${process.execPath}" "$@"`, 'x', CLI, ...args], { cwd: REPO })
    : spawn(process.execPath, [CLI, ...args], { cwd: REPO });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 15_000);
  const exit = new Promise<number | null>((r) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      r(code ?? (signal ? -1 : null));
    }),
  );
  return Object.assign(child, { out: () => out, err: () => err, exit });
}

/** Polls `pred` every few ms until it holds; throws with `what` after `timeoutMs`. */
export async function waitFor(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Sleeps. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What an events.jsonl holds, split the way a crash would leave it. */
export interface RawRecording {
  header: unknown;
  /** Complete lines after the header (each ended by "\n"). */
  lines: string[];
  /** Bytes after the last "\n" (a line cut mid-write, maybe mid-character); empty when the file ends on a whole line. */
  tail: Buffer;
}

/** Reads an events.jsonl byte-exactly, without the project's reader (an independent oracle). */
export function readRaw(eventsPath: string): RawRecording {
  const bytes = readFileSync(eventsPath);
  const cut = bytes.lastIndexOf(10);
  const whole = cut === -1 ? '' : bytes.subarray(0, cut).toString('utf8');
  const tail = Buffer.from(bytes.subarray(cut + 1));
  const [first = '', ...lines] = whole === '' ? [] : whole.split('\n');
  return { header: first ? (JSON.parse(first) as unknown) : null, lines, tail };
}

/**
 * Checks that the frame lines of a recording are exactly `sent[0..k)`, in order, byte for byte, and that a cut last
 * line (if any) is the beginning of the line for `sent[k]`. Gap/media lines are skipped. Returns k and whether a line
 * was cut; throws naming the first difference.
 */
export function exactPrefix(raw: RawRecording, sent: readonly string[]): { frames: number; cut: boolean } {
  let k = 0;
  for (const [i, line] of raw.lines.entries()) {
    const obj = JSON.parse(line) as { t?: unknown; frame?: unknown; type?: unknown };
    if (obj.type !== undefined) continue;
    if (typeof obj.t !== 'number' || typeof obj.frame !== 'string') throw new Error(`line ${i + 2} is not a frame: ${line.slice(0, 80)}`);
    if (k >= sent.length) throw new Error(`line ${i + 2}: more frames on disk than were sent`);
    if (obj.frame !== sent[k]) throw new Error(`line ${i + 2}: frame ${k} differs from what was sent`);
    if (line !== frameLine(obj.t, obj.frame)) throw new Error(`line ${i + 2}: not written in the canonical frame form`);
    k++;
  }
  if (raw.tail.length === 0) return { frames: k, cut: false };
  if (k >= sent.length) throw new Error('a cut line follows the last frame that was sent');
  const ascii = raw.tail.toString('latin1');
  const m = /^\{"t":(\d+),/.exec(ascii);
  if (m) {
    const expected = Buffer.from(frameLine(Number(m[1]), sent[k]!), 'utf8');
    if (raw.tail.length > expected.length || !expected.subarray(0, raw.tail.length).equals(raw.tail)) throw new Error(`the cut last line is not the beginning of frame ${k}`);
  } else if (!'{"t":'.startsWith(ascii) && !/^\{"t":\d*$/.test(ascii)) throw new Error(`the cut last line does not start like a frame: ${ascii.slice(0, 40)}`);
  return { frames: k, cut: true };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'tiksim-faults-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Mounts a tmpfs of `sizeKb` (needs root; works in this container) and returns it with its unmount, or null when the
 * mount is not allowed (then the caller falls back to `ulimit -f`).
 */
export function tinyTmpfs(sizeKb: number): { dir: string; unmount(): void } | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = tempDir('tiksim-faults-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount: () => {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True when `s` parses as JSON (fuzzers use it to keep only the malformed candidates). */
export function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
