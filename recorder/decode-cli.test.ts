/**
 * `tiksim decode` through the real CLI, over every input path (a base64 argument, a file of base64 lines, a binary
 * file, a gzip file, stdin as base64 or binary, `-`), fed push frames shaped like captured ones: gzip payloads,
 * several messages, history messages, a type with no TikFinity counterpart, a message that fails to decode. The
 * sample README uses, recorder/fixtures/frames.b64, is checked line by line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseFrame } from '../protocol/index.ts';
import { REPO, runCli, type CliChild } from '../test/faults/helpers.ts';
import { tempDir } from './test-helpers.ts';
import { encode, pushFrame, T0, VIEWERS } from './webcast-builders.ts';
import { sampleFrames } from './webcast-kinds.ts';

const FIXTURE = join(REPO, 'recorder', 'fixtures', 'frames.b64');
const frames = sampleFrames();
const FRAME1 = ['chat', 'gift', 'like', 'member'];
const ALL = [...FRAME1, 'chat', 'chat', 'follow', 'share', 'roomUser'];

/** The JSON lines a run printed, each checked against protocol/'s schemas. */
function events(c: CliChild): Array<{ event: string; data: Record<string, unknown> }> {
  const lines = c.out().split('\n').filter(Boolean);
  return lines.map((l) => {
    const r = parseFrame(l, { validate: true });
    expect(r.ok ? 'valid' : `${r.error}: ${l.slice(0, 80)}`).toBe('valid');
    return JSON.parse(l) as { event: string; data: Record<string, unknown> };
  });
}

function withStdin(args: string[], input: Buffer | string, timeoutMs?: number): CliChild {
  const c = runCli(args, { timeoutMs });
  c.stdin!.end(input);
  return c;
}

describe('tiksim decode: the sample README uses', () => {
  it('recorder/fixtures/frames.b64 is what the builders make (regenerate with make-frames.ts)', () => {
    expect(readFileSync(FIXTURE, 'utf8')).toBe(frames.map((f) => Buffer.from(f).toString('base64')).join('\n') + '\n');
  });

  it('decodes to the expected TikFinity-shaped lines; a type without schema and one without TikFinity event are told apart on stderr', async () => {
    const c = runCli(['decode', 'recorder/fixtures/frames.b64']);
    expect(await c.exit).toBe(0);
    expect(c.err()).toBe(
      'frame 2: unknown message type WebcastRoomStreamAdaptationMessage (the library has no schema for it; skipped)\n' +
        'decoded, no TikFinity event: WebcastGoalUpdateMessage ×1 (skipped; --all-kinds writes them as TLC-style frames)\n',
    );
    const ev = events(c);
    expect(ev.map((e) => e.event)).toEqual(ALL);
    expect(ev[0]!.data).toMatchObject({ comment: 'hi from Lisbon! 👋 love the colours', uniqueId: 'lena.draws', nickname: 'Lena ✏️', userId: '6951234567890123457', msgId: '7441986330000000001', createTime: String(T0 + 120) });
    expect(ev[1]!.data).toMatchObject({ giftName: 'Rose', giftId: 5655, repeatCount: 3, repeatEnd: true, giftType: 1, diamondCount: 1, groupId: '1750016800211', uniqueId: 'kofi_gh', followRole: 1 });
    expect(ev[2]!.data).toMatchObject({ likeCount: 15, totalLikeCount: 48210, uniqueId: 'mara.b' });
    expect(ev[3]!.data).toMatchObject({ actionId: 1, uniqueId: 'theo_plays', label: '{0:user} joined' });
    expect(ev[4]!.data).toMatchObject({ comment: 'first!', createTime: String(T0 - 41_000) });
    expect(ev[6]!.data).toMatchObject({ uniqueId: 'theo_plays', label: '{0:user} followed the LIVE creator' });
    expect(ev[7]!.data).toMatchObject({ uniqueId: 'lena.draws', label: '{0:user} shared the LIVE', displayType: 'pm_mt_guidance_viewer_10_share' });
    expect(ev[8]!.data).toMatchObject({ viewerCount: 214 });
    expect((ev[8]!.data.topViewers as Array<{ coinCount: number }>).map((t) => t.coinCount)).toEqual([3, 1]);
  });
});

describe('tiksim decode --all-kinds', () => {
  it('also prints the kinds TikFinity does not forward, TLC-style, after the TikFinity frames of their push frame', async () => {
    const c = runCli(['decode', 'recorder/fixtures/frames.b64', '--all-kinds']);
    expect(await c.exit).toBe(0);
    const lines = c.out().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
    expect(lines.map((l) => l.event)).toEqual([...ALL, 'goalUpdate']);
    const goal = lines.at(-1)!.data as { common: { method: string; msgId: string }; goal: { description: string; subGoals: Array<{ progress: string; target: string }> }; contributorDisplayId: string };
    expect([goal.common.method, goal.common.msgId, goal.goal.description, goal.goal.subGoals[0]!.progress, goal.goal.subGoals[0]!.target, goal.contributorDisplayId]).toEqual([
      'WebcastGoalUpdateMessage',
      '7441986330000000011',
      'New brushes',
      '3',
      '100',
      'kofi_gh',
    ]);
    expect(c.err()).toContain('decoded, no TikFinity event: WebcastGoalUpdateMessage ×1 (written as TLC-style frames)');
  });

  it('record --all-kinds without --tiktok is a usage error (exit 2) that says why, and creates no folder', async () => {
    const out = join(tempDir(), 'rec');
    const c = runCli(['record', '--all-kinds', '--out', out], { timeoutMs: 45_000 });
    expect(await c.exit).toBe(2);
    expect(c.err()).toBe('tiksim record: --all-kinds needs --tiktok: a TikFinity socket only sends the kinds TikFinity forwards\n');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('tiksim decode: every input path', () => {
  const b64 = (f: Uint8Array) => Buffer.from(f).toString('base64');

  it('one frame as a base64 argument', async () => {
    const c = runCli(['decode', b64(frames[0]!)]);
    expect(await c.exit).toBe(0);
    expect(events(c).map((e) => e.event)).toEqual(FRAME1);
    expect(c.err()).toBe('');
  });

  it('a binary file of one frame, and the same frame gzipped as a whole file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'frame.bin'), frames[0]!);
    writeFileSync(join(dir, 'frame.bin.gz'), gzipSync(frames[0]!));
    for (const f of ['frame.bin', 'frame.bin.gz']) {
      const c = runCli(['decode', join(dir, f)]);
      expect(await c.exit).toBe(0);
      expect(events(c).map((e) => e.event)).toEqual(FRAME1);
    }
  });

  it('a file of base64 lines with CRLF line ends and blank lines', async () => {
    const f = join(tempDir(), 'frames.txt');
    writeFileSync(f, `\r\n${b64(frames[0]!)}\r\n\r\n${b64(frames[1]!)}\r\n`);
    const c = runCli(['decode', f]);
    expect(await c.exit).toBe(0);
    expect(events(c).map((e) => e.event)).toEqual(ALL);
  });

  it('stdin: base64 lines (no argument and "-"), and one binary frame', async () => {
    const text = readFileSync(FIXTURE);
    // The three children run side by side: each is a whole CLI start, slow on a loaded machine.
    const runs = [withStdin(['decode'], text, 45_000), withStdin(['decode', '-'], text, 45_000)];
    const bin = withStdin(['decode'], Buffer.from(frames[1]!), 45_000);
    expect(await Promise.all([...runs, bin].map((c) => c.exit))).toEqual([0, 0, 0]);
    for (const c of runs) expect(events(c).map((e) => e.event)).toEqual(ALL);
    expect(events(bin).map((e) => e.event)).toEqual(['chat', 'chat', 'follow', 'share', 'roomUser']);
    expect(bin.err()).toContain('unknown message type WebcastRoomStreamAdaptationMessage');
  }, 60_000);

  it('a payload that is not gzipped, and --raw showing what the library decoded', async () => {
    const plain = pushFrame([encode.like('1', T0, VIEWERS.mara, 7, 99)], { gzip: false });
    const c = runCli(['decode', b64(plain), '--raw']);
    expect(await c.exit).toBe(0);
    expect(events(c)).toMatchObject([{ event: 'like', data: { likeCount: 7, totalLikeCount: 99 } }]);
    const raw = JSON.parse(c.err().split('\n')[0]!) as { type: string; data: { count: number; user: { displayId: string } } };
    expect(raw).toMatchObject({ type: 'WebcastLikeMessage', data: { count: 7, user: { displayId: 'mara.b' } } });
  });

  it('a message that fails to decode is reported with its type; the others in the frame still come out', async () => {
    const broken = { method: 'WebcastChatMessage', msgId: '2', payload: Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]) };
    const f = pushFrame([encode.member('1', T0, VIEWERS.theo, 3), broken, encode.chat('3', T0, VIEWERS.kofi, 'still here')]);
    const c = runCli(['decode', b64(f)]);
    expect(await c.exit).toBe(0);
    expect(events(c).map((e) => e.event)).toEqual(['member', 'chat']);
    expect(c.err()).toMatch(/^frame 1: WebcastChatMessage: .+\n$/);
  });

  it('several frames where none holds a message: exit 1, each one\'s trouble named', async () => {
    const f = join(tempDir(), 'junk.b64');
    writeFileSync(f, 'aGVsbG8=\nd29ybGQ=\n');
    const c = runCli(['decode', f]);
    expect(await c.exit).toBe(1);
    expect(c.out()).toBe('');
    expect(c.err()).toContain('frame 1: holds no webcast message');
    expect(c.err()).toContain('frame 2: not a webcast push frame: ');
    expect(c.err()).toContain(`tiksim decode: no webcast message in ${f} (2 frames read)`);
  });
});
