import { describe, expect, it } from 'vitest';
import { parseFrame } from '../protocol/index.ts';
import { decodePushFrame, inputFrames } from './decode.ts';
import { mapWebcastMessage } from './tiktok-map.ts';
import { encode, pushFrame, T0, VIEWERS } from './webcast-builders.ts';

describe('decodePushFrame (frames shaped like captured ones, recorder/webcast-builders.ts)', () => {
  const msgs = [
    encode.chat('101', T0, VIEWERS.lena, 'hello there'),
    encode.gift('102', T0 + 1, VIEWERS.kofi, { id: 5655, name: 'Rose', diamonds: 1, type: 1, repeatCount: 3, repeatEnd: true, groupId: '1750000000123', image: 'https://p19-webcast.tiktokcdn.com/img/rose.webp' }),
    encode.like('103', T0 + 2, VIEWERS.mara, 5, 1234),
    encode.opaque('WebcastNopeMessage', '104'),
  ];

  it('decodes gzip and plain push frames into schema-valid TikFinity events; unknown types are reported', async () => {
    for (const gzip of [false, true]) {
      const d = await decodePushFrame(pushFrame(msgs, { gzip }));
      expect(d.errors).toEqual([]);
      expect(d.unknown).toEqual(['WebcastNopeMessage']);
      expect(d.events.map((e) => e.event)).toEqual(['chat', 'gift', 'like']);
      expect(d.events[0]!.data).toMatchObject({ comment: 'hello there', userId: '6951234567890123457', uniqueId: 'lena.draws', msgId: '101' });
      expect(d.events[1]!.data).toMatchObject({ giftId: 5655, repeatCount: 3, repeatEnd: true, giftType: 1, diamondCount: 1, giftName: 'Rose', groupId: '1750000000123' });
      expect(d.events[2]!.data).toMatchObject({ likeCount: 5, totalLikeCount: 1234 });
      for (const e of d.events) {
        const r = parseFrame(JSON.stringify(e), { validate: true });
        expect(r.ok ? 'ok' : r.error).toBe('ok');
      }
    }
  });

  it('reports garbage without throwing', async () => {
    const d = await decodePushFrame(new Uint8Array([0xff, 0xff, 0xff, 0x01]));
    expect(d.events).toEqual([]);
    expect(d.errors.length).toBeGreaterThan(0);
  });

  it('splits base64 input into one frame per line; anything else is one binary frame', () => {
    expect(inputFrames(Buffer.from('aGk=\r\n\r\naG8=\n'), true).map((b) => Buffer.from(b).toString())).toEqual(['hi', 'ho']);
    expect(inputFrames(Buffer.from([1, 2, 3]), false)).toHaveLength(1);
  });

  it('a decoded type with no TikFinity event is told apart from a type the library has no schema for', async () => {
    const d = await decodePushFrame(pushFrame([encode.control('105', T0, 1), encode.opaque('WebcastNopeMessage', '106')]));
    expect([d.noEvent, d.unknown, d.events, d.tlc]).toEqual([['WebcastControlMessage'], ['WebcastNopeMessage'], [], []]);
    const all = await decodePushFrame(pushFrame([encode.control('105', T0, 1)]), { allKinds: true });
    expect(all.tlc.map((f) => f.event)).toEqual(['controlMessage']);
    expect(mapWebcastMessage('WebcastPollMessage', {})).toBeNull();
  });

  it('a truncated push frame and a truncated message each get one exact message', async () => {
    const f = pushFrame([encode.chat('1', T0, VIEWERS.lena, 'hello')], { gzip: false });
    expect((await decodePushFrame(f.subarray(0, f.length - 20))).errors).toEqual(['not a webcast push frame: premature EOF']);
    const c = encode.chat('1', T0, VIEWERS.lena, 'hello');
    const cut = await decodePushFrame(pushFrame([{ ...c, payload: c.payload.subarray(0, c.payload.length - 30) }, encode.like('2', T0, VIEWERS.mara, 15, 99)]));
    expect(cut.errors).toEqual(['WebcastChatMessage: cannot decode it (premature EOF; truncated, or not a WebcastChatMessage): skipped']);
    expect(cut.events.map((e) => e.event)).toEqual(['like']);
  });
});
