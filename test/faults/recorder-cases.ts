/**
 * Recorder fault cases, shared by the tests (small counts) and bench/faults.ts (larger counts). Each case throws an
 * Error saying what broke, or returns what it checked.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Recorder } from '../../recorder/record.ts';
import { inspectRecording } from '../../recorder/inspect.ts';
import { chatFrame, startUpstream } from '../../recorder/test-helpers.ts';
import { exactPrefix, readRaw, runCli, sleep, tempDir, tinyTmpfs, waitFor } from './helpers.ts';

/** Frames that stress the exact-text promise: escapes, newlines, U+2028, astral characters, empty, large. */
export function oddFrames(seed: number): string[] {
  return [
    chatFrame(seed),
    '',
    ' ',
    'not json at all',
    '{"event":"chat","data":{"comment":"two\nlines\r\n and a \u2028 separator"}}',
    `{"event":"gift","data":{"nickname":"ünï 😀 \\" \\\\ \u0000\u001f","n":${seed}}}`,
    '{"event":"like"',
    JSON.stringify({ event: 'chat', data: { comment: 'x'.repeat(40_000 + (seed % 1000)) } }),
  ];
}

/** A 16 KiB chat frame. */
function bigChat(p: number, i: number): string {
  return JSON.stringify({ event: 'chat', data: { comment: `${p}/${i} ` + 'ü'.repeat(8000), uniqueId: `u${i % 50}` } });
}

/** Makes `n` frames for phase `p`: mostly chats, with the odd ones mixed in. */
function phaseFrames(p: number, n: number): string[] {
  const odd = oddFrames(p);
  return Array.from({ length: n }, (_, i) => (i % 25 === 7 ? odd[(Math.floor(i / 25) + p) % odd.length]! : chatFrame(p * 100_000 + i)));
}

/**
 * The upstream is killed and restarted `restarts` times. Every frame sent while the recorder was connected must be on
 * disk, in order, byte for byte, with one gap marker per outage, placed between the phases.
 */
export async function restartsCase(restarts: number, perPhase: number): Promise<{ frames: number; gaps: number }> {
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  const rec = new Recorder({ from: up.url, outDir: dir, media: false, backoffMs: { initial: 10, max: 40 }, rng: () => 0.5 });
  try {
    rec.start();
    const sent: string[] = [];
    const boundaries: number[] = [];
    for (let p = 0; p <= restarts; p++) {
      await waitFor(() => up.clients() >= 1, `the recorder to (re)connect, phase ${p}`);
      const frames = phaseFrames(p, perPhase);
      await up.send(frames);
      sent.push(...frames);
      await waitFor(() => rec.stats.frames >= sent.length, `${sent.length} frames recorded in phase ${p}`);
      if (p === restarts) break;
      boundaries.push(sent.length);
      await up.kill();
      // Sent while nobody is connected: must not appear anywhere.
      await up.send(['{"event":"chat","data":{"comment":"into the void"}}']);
      await sleep(15 + p * 10);
      await up.revive();
    }
    const summary = await rec.stop();
    if (summary.error) throw new Error(`recorder failed: ${summary.error.message}`);
    const raw = readRaw(join(dir, 'events.jsonl'));
    const got = exactPrefix(raw, sent);
    if (got.frames !== sent.length || got.cut) throw new Error(`on disk ${got.frames} of ${sent.length} frames (cut: ${got.cut})`);
    // Where each gap sits: after exactly the frames of the phases before it.
    let frames = 0;
    const gapAt: number[] = [];
    let lastT = -1;
    for (const line of raw.lines) {
      const o = JSON.parse(line) as { type?: string; t: number; durationMs?: number; reason?: string };
      if (o.t < lastT) throw new Error(`t went back from ${lastT} to ${o.t}`);
      lastT = o.t;
      if (o.type === 'gap') {
        gapAt.push(frames);
        if (!(typeof o.durationMs === 'number' && o.durationMs >= 0 && o.reason)) throw new Error(`bad gap line ${line}`);
      } else if (o.type === undefined) frames++;
    }
    if (JSON.stringify(gapAt) !== JSON.stringify(boundaries)) throw new Error(`gaps after frames ${gapAt.join(',')}, expected ${boundaries.join(',')}`);
    return { frames: sent.length, gaps: gapAt.length };
  } finally {
    await rec.stop();
    await up.kill().catch(() => undefined);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/**
 * The upstream dies in the middle of a burst, `rounds` times. Frames in flight may be lost, so the property is: each
 * connected phase left an exact prefix of its own frames, then a gap; nothing reordered, duplicated or invented.
 */
export async function midBurstKillCase(rounds: number, perPhase: number): Promise<{ frames: number; sent: number }> {
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  const rec = new Recorder({ from: up.url, outDir: dir, media: false, backoffMs: { initial: 10, max: 40 }, rng: () => 0.5 });
  const phases: string[][] = [];
  try {
    rec.start();
    for (let p = 0; p <= rounds; p++) {
      await waitFor(() => up.clients() >= 1, `the recorder to (re)connect, phase ${p}`);
      // Large frames, so the burst outgrows the kernel's socket buffers and some are still in flight at the kill.
      const frames = phaseFrames(p + 50, perPhase).map((f, i) => (i % 25 === 7 ? f : bigChat(p, i)));
      phases.push(frames);
      if (p === rounds) {
        const before = rec.stats.frames;
        await up.send(frames);
        await waitFor(() => rec.stats.frames >= before + frames.length, 'the last phase recorded');
        break;
      }
      const before = rec.stats.frames;
      const sending = up.send(frames).catch(() => undefined);
      // Kill once the recorder is part-way through this burst, a different way through each round.
      const part = Math.floor((frames.length * (1 + (p % 3))) / 6);
      await waitFor(() => rec.stats.frames >= before + part, `${part} frames into burst ${p}`);
      await up.kill();
      await sending;
      await up.revive();
    }
    const summary = await rec.stop();
    if (summary.error) throw new Error(`recorder failed: ${summary.error.message}`);
    const raw = readRaw(join(dir, 'events.jsonl'));
    if (raw.tail.length) throw new Error('a stopped recorder left a cut last line');
    // Split the file at gap lines into phases and match each with an exact prefix of what that phase sent.
    const onDisk: string[][] = [[]];
    for (const line of raw.lines) {
      const o = JSON.parse(line) as { type?: string; frame?: string };
      if (o.type === 'gap') onDisk.push([]);
      else if (o.type === undefined) onDisk[onDisk.length - 1]!.push(o.frame!);
    }
    if (onDisk.length !== phases.length) throw new Error(`${onDisk.length - 1} gaps for ${rounds} outages`);
    let total = 0;
    for (const [i, got] of onDisk.entries()) {
      const want = phases[i]!;
      if (got.length > want.length) throw new Error(`phase ${i}: ${got.length} frames on disk, ${want.length} sent`);
      for (const [j, f] of got.entries()) if (f !== want[j]) throw new Error(`phase ${i}, frame ${j}: not what was sent at that place`);
      total += got.length;
    }
    if (onDisk[onDisk.length - 1]!.length !== phases[phases.length - 1]!.length) throw new Error('the final, undisturbed phase lost frames');
    return { frames: total, sent: phases.reduce((n, p) => n + p.length, 0) };
  } finally {
    await rec.stop();
    await up.kill().catch(() => undefined);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/**
 * `tiksim record` as a child, fed frames as fast as the socket takes them, SIGKILLed after `killAfterBytes` of the
 * file were written: the file must be an exact prefix of what was sent, at most one line cut, and readable by inspect.
 * With `quiesce`, it is killed only once every sent frame is on disk: then nothing at all may be missing.
 */
export async function killNineCase(opts: { killAfterBytes: number; quiesce?: number }): Promise<{ frames: number; cut: boolean }> {
  const up = await startUpstream();
  const dir = join(tempDir(), 'rec');
  const events = join(dir, 'events.jsonl');
  const child = runCli(['record', '--from', up.url, '--out', dir, '--no-media']);
  try {
    await waitFor(() => up.clients() >= 1, 'the recorder child to connect', 10_000);
    let sent: string[];
    if (opts.quiesce) {
      sent = phaseFrames(7, opts.quiesce);
      await up.send(sent);
      await waitFor(() => framesOnDisk(events, sent) === sent.length, 'every frame on disk before the kill', 10_000);
      child.kill('SIGKILL');
      await child.exit;
    } else {
      sent = Array.from({ length: 40_000 }, (_, i) => (i % 97 === 5 ? oddFrames(i)[i % 7]! : chatFrame(i)));
      const sending = up.send(sent).catch(() => undefined);
      await waitFor(() => sizeOf(events) >= opts.killAfterBytes, `${opts.killAfterBytes} bytes on disk`, 10_000);
      child.kill('SIGKILL');
      await child.exit;
      await sending;
    }
    const got = exactPrefix(readRaw(events), sent);
    if (got.frames === 0) throw new Error('nothing was recorded before the kill');
    if (opts.quiesce && (got.frames !== sent.length || got.cut)) throw new Error(`a quiet kill lost frames: ${got.frames} of ${sent.length}`);
    const r = await inspectRecording(dir);
    const bad = r.badLines.filter((b) => !b.error.startsWith('truncated'));
    if (bad.length) throw new Error(`inspect found bad lines: ${JSON.stringify(bad)}`);
    if (r.frames !== got.frames) throw new Error(`inspect counts ${r.frames} frames, the file holds ${got.frames}`);
    return got;
  } finally {
    child.kill('SIGKILL');
    await up.kill().catch(() => undefined);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

function framesOnDisk(events: string, sent: string[]): number {
  try {
    return exactPrefix(readRaw(events), sent).frames;
  } catch {
    return -1;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * A full disk: a real 64 KiB tmpfs (ENOSPC) when mounting is allowed, else `ulimit -f 64` (EFBIG). The child must stop
 * with exit 1 and a message naming the file, the lines before intact and whole (the cut line removed).
 */
export async function diskFullCase(): Promise<{ frames: number; how: 'ENOSPC' | 'EFBIG'; stderr: string }> {
  const fs = tinyTmpfs(64);
  const up = await startUpstream();
  const dir = join(fs ? fs.dir : tempDir(), 'rec');
  const child = runCli(['record', '--from', up.url, '--out', dir, '--no-media'], fs ? {} : { ulimitKb: 64 });
  try {
    await waitFor(() => up.clients() >= 1, 'the recorder child to connect', 10_000);
    const sent = Array.from({ length: 3000 }, (_, i) => chatFrame(i));
    void up.send(sent).catch(() => undefined);
    const code = await child.exit;
    const stderr = child.err();
    if (code !== 1) throw new Error(`exit code ${code}, expected 1; stderr: ${stderr}`);
    const want = fs ? /the disk is full while writing \S*events\.jsonl/ : /file size limit reached while writing \S*events\.jsonl/;
    if (!want.test(stderr)) throw new Error(`unclear message: ${stderr}`);
    if (!/what was written up to then is readable/.test(stderr)) throw new Error(`no hint that the file is readable: ${stderr}`);
    const raw = readRaw(join(dir, 'events.jsonl'));
    const got = exactPrefix(raw, sent);
    if (got.cut) throw new Error('the partial last line was not cut');
    if (got.frames < 50) throw new Error(`only ${got.frames} frames before the disk filled`);
    const r = await inspectRecording(dir);
    if (r.badLines.length || r.truncated) throw new Error(`inspect: ${JSON.stringify(r.badLines)}`);
    return { frames: got.frames, how: fs ? 'ENOSPC' : 'EFBIG', stderr };
  } finally {
    child.kill('SIGKILL');
    await up.kill().catch(() => undefined);
    fs?.unmount();
    if (!fs) rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}
