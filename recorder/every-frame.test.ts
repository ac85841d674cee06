/**
 * "Every frame" (issue 13): a real ws server on loopback sends back-to-back duplicates and binary frames; every one
 * lands on disk, in order: text exactly as sent, binary as a `binary` entry holding its exact bytes.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exactPrefix, readRaw, runCli, waitFor } from '../test/faults/helpers.ts';
import { Recorder } from './record.ts';
import { inspectRecording } from './inspect.ts';
import { openRecording, readEntries } from './reader.ts';
import { anonymizeRecording } from './anonymize.ts';
import { chatFrame, startUpstream, tempDir, type Upstream } from './test-helpers.ts';

let ups: Upstream[] = [];
afterEach(async () => {
  for (const u of ups) await u.kill().catch(() => undefined);
  ups = [];
});

/** Bytes that are not UTF-8 (a decode to text would turn them into U+FFFD) and a NUL. */
const BIN_A = Buffer.from([0x08, 0x01, 0x12, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x1f, 0x8b, 0x08]);
const BIN_B = Buffer.from('7b226576656e74223a2263686174227d', 'hex'); // '{"event":"chat"}' sent as binary: still binary

async function entries(dir: string) {
  const out: Array<{ kind: string; frame?: string; b64?: string }> = [];
  for await (const it of readEntries(await openRecording(dir))) {
    if (!('entry' in it)) throw new Error(`bad line ${it.line}: ${it.bad}`);
    if (it.entry.kind === 'frame') out.push({ kind: 'frame', frame: it.entry.frame });
    else if (it.entry.kind === 'binary') out.push({ kind: 'binary', b64: it.entry.b64 });
    else out.push({ kind: it.entry.kind });
  }
  return out;
}

describe('the recorder keeps every frame', () => {
  it('back-to-back identical frames are all kept (TikTok re-sends), in order', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: up.url, outDir: dir, media: false });
    rec.start();
    await up.waitForClients(1);
    const a = chatFrame(1);
    const b = chatFrame(2);
    const sent = [a, a, a, b, a, b, b];
    await up.send(sent);
    await waitFor(() => rec.stats.frames >= sent.length, 'all frames recorded');
    const s = await rec.stop();
    expect(s.frames).toBe(7);
    const raw = readRaw(join(dir, 'events.jsonl'));
    expect(exactPrefix(raw, sent)).toEqual({ frames: 7, cut: false });
    expect(raw.lines).toHaveLength(7);
  });

  it('binary frames are kept as binary entries with their exact bytes, between the text frames they came with', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: up.url, outDir: dir, media: false });
    rec.start();
    await up.waitForClients(1);
    await up.send([chatFrame(1), BIN_A, BIN_A, chatFrame(2), BIN_B]);
    await waitFor(() => rec.stats.frames >= 5, 'all frames recorded');
    const s = await rec.stop();
    expect(s).toMatchObject({ frames: 5, binary: 3, byKind: { chat: 2, binary: 3 } });
    expect(await entries(dir)).toEqual([
      { kind: 'frame', frame: chatFrame(1) },
      { kind: 'binary', b64: BIN_A.toString('base64') },
      { kind: 'binary', b64: BIN_A.toString('base64') },
      { kind: 'frame', frame: chatFrame(2) },
      { kind: 'binary', b64: BIN_B.toString('base64') },
    ]);
    const r = await inspectRecording(dir);
    expect(r).toMatchObject({ frames: 5, binaryFrames: 3, byKind: { chat: 2, binary: 3 }, badLines: [] });
    // An anonymized copy cannot vouch for bytes it cannot read: they are dropped and counted.
    const anon = await anonymizeRecording(dir, join(tempDir(), 'anon'), 1, { keepBad: true });
    expect(anon).toMatchObject({ frames: 2, droppedBad: 3 });
  });

  it('through `tiksim record`: the summary and inspect say how many were binary', async () => {
    const up = await startUpstream();
    ups.push(up);
    const dir = join(tempDir(), 'rec');
    const child = runCli(['record', '--from', up.url, '--out', dir, '--no-media', '--max-events', '3']);
    await up.waitForClients(1);
    await up.send([chatFrame(1), BIN_A, chatFrame(1)]);
    expect(await child.exit).toBe(0);
    expect(child.err()).toContain('recorded 3 frames');
    expect(child.err()).toContain('(1 of them binary, kept as binary entries)');
    const ins = runCli(['inspect', dir]);
    expect(await ins.exit).toBe(0);
    expect(ins.out()).toMatch(/frames +3 {2}\(1 binary\)/);
    expect(ins.out()).toMatch(/binary +1/);
  });
});
