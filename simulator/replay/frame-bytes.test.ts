import { describe, expect, it } from 'vitest';
import { frameKind, frameKindOfBinary } from '../../recorder/frame-kind.ts';
import { frameLine, parseEntryFast } from '../../recorder/format.ts';
import { createEngine } from '../engine.ts';
import { SEEDED_EPOCH_MS } from '../clock.ts';
import { frameLineBinary } from './frame-bytes.ts';
import { mediaRewriter } from './rewrite.ts';

const BASE = 'http://127.0.0.1:21213';

/** What the string way sends for a line: decode, parse, rewrite, encode (null where it is no frame). */
function stringWay(line: Buffer, rewrite: (t: string) => string): { t: number; bytes: Buffer; event: string } | null {
  const r = parseEntryFast(line.toString('utf8'));
  if (!r.ok || r.entry.kind !== 'frame') return null;
  const text = rewrite(r.entry.frame);
  return { t: r.entry.t, bytes: Buffer.from(text, 'utf8'), event: frameKind(r.entry.frame) };
}

/** The byte way, as the replayer takes it: null where it hands the line to the string way. */
function bytesWay(line: Buffer, rw: ReturnType<typeof mediaRewriter>): { t: number; bytes: Buffer; event: string } | null {
  const f = frameLineBinary(line);
  if (!f) return null;
  const out = rw.binary(f.frame);
  return out === null ? null : { t: f.t, bytes: Buffer.from(out, 'latin1'), event: frameKindOfBinary(out) };
}

describe('recorded frame lines as bytes', () => {
  it('gives byte for byte what the string way gives, on 5,000 generated frames written by the recorder', () => {
    const e = createEngine({ seed: 3, population: 300, rates: { chat: 50, like: 50, gift: 10, member: 20, emote: 5, share: 2, follow: 2 }, startMs: SEEDED_EPOCH_MS, mediaBase: 'http://127.0.0.1:9' });
    const frames: string[] = [];
    for (let ms = 0; frames.length < 5_000; ms += 5) e.advance(SEEDED_EPOCH_MS + ms, (f) => void frames.push(f.text));
    const rw = mediaRewriter(BASE);
    const rwText = mediaRewriter(BASE);
    let taken = 0;
    for (const [i, f] of frames.entries()) {
      const line = Buffer.from(frameLine(i * 7, f), 'utf8');
      const want = stringWay(line, rwText);
      const got = bytesWay(line, rw);
      if (got === null) continue;
      taken++;
      expect(got.t).toBe(want!.t);
      expect(got.event).toBe(want!.event);
      expect(got.bytes.equals(want!.bytes), `frame ${i}`).toBe(true);
    }
    // Generated frames are the plain case: all of them go the byte way.
    expect(taken).toBe(frames.length);
  });

  it('takes the plain escapes and hands everything else to the string way, which sends the same', () => {
    const rw = mediaRewriter(BASE);
    const lines: Array<[string, boolean]> = [
      // [line, taken by the byte way]
      ['{"t":5,"frame":"{\\"event\\":\\"chat\\",\\"data\\":{\\"comment\\":\\"a\\\\b \\/ \\t\\n\\r\\b\\f 😀 ção\\"}}"}', true],
      ['{"t":0,"frame":"{\\"event\\":\\"chat\\",\\"data\\":{\\"profilePictureUrl\\":\\"https://p16-sign.tiktokcdn.com/a.webp\\"}}"}', true],
      ['{"t":1.5e3,"frame":"x"}', true], // any JSON number, any text
      ['{"t":1.5e3,"frame":"{\\"event\\":\\"like\\"}"}', true],
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\",\\"c\\":\\"\\u0001 and \\ud83d\\ude00\\"}"}', false], // \u escapes
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\",\\"c\\":\\"\\ud83d alone\\"}"}', false], // a lone surrogate
      ['{"t": 7,"frame":"{\\"event\\":\\"chat\\"}"}', true], // a space, as JSON allows
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\"}","x":1}', false], // another key
      ['{"t":07,"frame":"{\\"event\\":\\"chat\\"}"}', false], // not a JSON number
      ['{"t":-1,"frame":"{\\"event\\":\\"chat\\"}"}', false], // negative
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\",\\"c\\":\\"raw " quote\\"}"}', false], // not JSON
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\",\\"c\\":\\"tab\there\\"}"}', false], // a raw control character
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\",\\"u\\":\\"https://x.test/a\\\\\\"b.png\\"}"}', false], // backslash in a URL
      ['{"t":7,"frame":"not json but text \\"https://x.test/a.png\\" here"}', true],
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\",\\"u\\":\\"https://x.test/é.png\\"}"}', false], // a URL that is not ASCII
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\",\\"c\\":\\"line\\nbreak \\\\ back\\",\\"u\\":\\"https://x.test/b.png\\"}"}', true], // other plain escapes
      ['{"t":7,"frame":"{\\"event\\":\\"chat\\"}\\"}', false], // the closing quote escaped
    ];
    for (const [l, taken] of lines) {
      const line = Buffer.from(l, 'utf8');
      const got = bytesWay(line, rw);
      expect(got !== null, l).toBe(taken);
      const want = stringWay(line, mediaRewriter(BASE));
      if (got) expect(got.bytes.equals(want!.bytes) && got.t === want!.t && got.event === want!.event, l).toBe(true);
    }
  });

  it('leaves invalid UTF-8 to the string way (which sends U+FFFD for it)', () => {
    const line = Buffer.concat([Buffer.from('{"t":1,"frame":"{\\"event\\":\\"chat\\",\\"c\\":\\"'), Buffer.from([0xff, 0xfe]), Buffer.from('\\"}"}')]);
    expect(frameLineBinary(line)).toBeNull();
    expect(stringWay(line, (t) => t)!.bytes.toString('utf8')).toContain('\ufffd');
  });

  it('finds the kind from the head of the frame, or from the whole frame decoded on another shape or name', () => {
    const binary = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    expect(frameKindOfBinary(binary('{"event":"gift","data":{}}'))).toBe('gift');
    expect(frameKindOfBinary(binary('{"data":{},"event":"like"}'))).toBe('like');
    expect(frameKindOfBinary(binary(`{"event":"${'é'.repeat(40)}","data":{}}`))).toBe('é'.repeat(40));
    expect(frameKindOfBinary(binary('nope'))).toBe('?');
  });
});
