import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeHeader } from './format.ts';
import { RecordingWriter } from './writer.ts';
import { MAX_RATE_BUCKETS, inspectRecording } from './inspect.ts';
import { anonymizeRecording } from './anonymize.ts';
import { openRecording, readEntries } from './reader.ts';
import { tempDir } from './test-helpers.ts';

const gift = (uid: string, giftType: number, repeatCount: number, repeatEnd: boolean, diamondCount: number) =>
  JSON.stringify({ event: 'gift', data: { userId: uid, uniqueId: 'u' + uid, nickname: 'N' + uid, profilePictureUrl: `https://p16-sign.tiktokcdn.com/tos-avt-${uid}.webp`, giftType, repeatCount, repeatEnd, diamondCount, giftPictureUrl: 'https://p19-webcast.tiktokcdn.com/img/rose.webp' } });

function sample(): string {
  const dir = join(tempDir(), 'rec');
  const w = RecordingWriter.create(dir, makeHeader('test', 0, 't'));
  w.writeFrame(0, gift('1', 1, 1, false, 1));
  w.writeFrame(700, gift('1', 1, 2, false, 1));
  w.writeFrame(4000, gift('1', 1, 2, true, 1));
  w.writeFrame(5000, gift('2', 2, 1, false, 100));
  w.writeFrame(12_000, JSON.stringify({ event: 'chat', data: { userId: '3', uniqueId: 'u3', nickname: 'N3', comment: 'hi @u1' } }));
  w.writeEntry({ type: 'gap', t: 13_000, durationMs: 2000, reason: 'ECONNRESET' });
  w.writeFrame(15_000, 'not json');
  w.close();
  return dir;
}

describe('inspect and anonymize', () => {
  it('inspect counts gifts by the streak rule, viewers, gaps and media', async () => {
    const r = await inspectRecording(sample());
    expect(r).toMatchObject({ frames: 6, durationMs: 15_000, uniqueViewers: 3, totalDiamonds: 102, notTikFinity: 1, byKind: { gift: 4, chat: 1, '?': 1 } });
    expect(r.topGifters.map((g) => [g.userId, g.diamonds])).toEqual([['2', 100], ['1', 2]]);
    expect(r.gaps).toEqual([{ t: 13_000, durationMs: 2000, reason: 'ECONNRESET' }]);
    expect(r.rates.counts).toEqual([4, 2]);
    expect(r.media).toMatchObject({ urls: 3, captured: 0, missing: 3 });
  });

  it('inspect widens rate buckets for a long recording instead of holding millions of them', async () => {
    const dir = join(tempDir(), 'long');
    const w = RecordingWriter.create(dir, makeHeader('ws://h/?token=abc&x=1', 0, 't'));
    w.writeFrame(0, gift('1', 2, 1, false, 1));
    w.writeFrame(29 * 24 * 3600 * 1000, gift('1', 2, 1, false, 1));
    w.close();
    const r = await inspectRecording(dir, { bucketMs: 1 });
    expect(r.rates.counts.length).toBeLessThanOrEqual(MAX_RATE_BUCKETS);
    expect(r.rates.counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(r.header.source).toBe('ws://h/?x=1');
    expect(() => w.writeFrame(31 * 24 * 3600 * 1000, 'x')).toThrow(/out of range/);
  });

  it('anonymize replaces ids, names and avatars consistently and deterministically', async () => {
    const src = sample();
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    await anonymizeRecording(src, a, 7);
    await anonymizeRecording(src, b, 7);
    const read = async (d: string) => {
      const out: string[] = [];
      for await (const it of readEntries(await openRecording(d))) if ('entry' in it && it.entry.kind === 'frame') out.push(it.entry.frame);
      return out;
    };
    const fa = await read(a);
    expect(fa).toEqual(await read(b));
    const text = fa.join('\n');
    for (const s of ['"u1"', '"N1"', 'tos-avt-1', '@u1"']) expect(text).not.toContain(s);
    expect(text).toContain('rose.webp');
    const ids = fa.slice(0, 3).map((f) => (JSON.parse(f) as { data: { userId: string } }).data.userId);
    expect(new Set(ids).size).toBe(1);
    expect(fa).toHaveLength(5); // 'not json' is dropped by default
    const kept = join(tempDir(), 'k');
    expect(await anonymizeRecording(src, kept, 7, { keepBad: true })).toMatchObject({ passedThrough: 1, droppedBad: 0 });
    expect((await read(kept))[5]).toBe('not json');
    const r = await inspectRecording(a);
    expect(r.totalDiamonds).toBe(102);
    expect(r.header.anonymized).toEqual({ seed: 7 });
  });
});
