import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as tlc from 'tiktok-live-connector';
import { parseFrame } from '../protocol/index.ts';
import { decodePushFrame } from './decode.ts';
import { mapWebcastMessage } from './tiktok-map.ts';

type Codec<T> = { encode(m: T): { finish(): Uint8Array }; decode(b: Uint8Array): T };
/** The library's encoders need every field: start from its own defaults. */
function full<T>(c: Codec<T>, partial: Partial<T>): T {
  return { ...c.decode(new Uint8Array(0)), ...partial };
}
const user = (id: string, handle: string) =>
  full(tlc.User, { id, displayId: handle, nickname: 'Nick ' + handle, secUid: 'sec' + id, avatarThumb: full(tlc.ImageModel, { urlList: [`https://p16-sign.tiktokcdn.com/avt/${id}.webp`] }) });
const common = (msgId: string) => full(tlc.CommonMessageData, { msgId, createTime: '1750000000000', method: '' });

function pushFrame(messages: Array<{ method: string; payload: Uint8Array }>, gzip: boolean): Uint8Array {
  const result = tlc.ProtoMessageFetchResult.encode(
    full(tlc.ProtoMessageFetchResult, { messages: messages.map((m) => full(tlc.BaseProtoMessage, { method: m.method, payload: Buffer.from(m.payload) })) }),
  ).finish();
  const f = tlc.createBaseWebcastPushFrame({ payload: Buffer.from(gzip ? gzipSync(result) : result) }) as unknown as Uint8Array | { finish(): Uint8Array };
  return f instanceof Uint8Array ? f : f.finish();
}

describe('decode and the TikTok → TikFinity mapping (frames built by the library encoders)', () => {
  const chat = tlc.WebcastChatMessage.encode(full(tlc.WebcastChatMessage, { common: common('101'), user: user('6773316529204478981', 'alice'), content: 'hello there' })).finish();
  const gift = tlc.WebcastGiftMessage.encode(
    full(tlc.WebcastGiftMessage, {
      common: common('102'),
      user: user('42', 'bob'),
      giftId: '5655',
      repeatCount: 3,
      repeatEnd: 1,
      groupId: '1750000000123',
      gift: full(tlc.Gift, { id: '5655', name: 'Rose', diamondCount: 1, type: 1, describe: 'sent Rose', image: full(tlc.ImageModel, { urlList: ['https://p19-webcast.tiktokcdn.com/img/rose.webp'] }) }),
    }),
  ).finish();
  const like = tlc.WebcastLikeMessage.encode(full(tlc.WebcastLikeMessage, { common: common('103'), user: user('43', 'carol'), count: 5, total: '1234' })).finish();

  it('decodes gzip and plain push frames into schema-valid TikFinity events; unknown types are reported', async () => {
    for (const gz of [false, true]) {
      const d = await decodePushFrame(pushFrame([{ method: 'WebcastChatMessage', payload: chat }, { method: 'WebcastGiftMessage', payload: gift }, { method: 'WebcastLikeMessage', payload: like }, { method: 'WebcastNopeMessage', payload: new Uint8Array([1, 2]) }], gz));
      expect(d.errors).toEqual([]);
      expect(d.unknown).toEqual(['WebcastNopeMessage']);
      expect(d.events.map((e) => e.event)).toEqual(['chat', 'gift', 'like']);
      const c = d.events[0]!.data as Record<string, unknown>;
      expect(c).toMatchObject({ comment: 'hello there', userId: '6773316529204478981', uniqueId: 'alice', msgId: '101', profilePictureUrl: 'https://p16-sign.tiktokcdn.com/avt/6773316529204478981.webp' });
      expect(d.events[1]!.data).toMatchObject({ giftId: 5655, repeatCount: 3, repeatEnd: true, giftType: 1, diamondCount: 1, giftName: 'Rose', groupId: '1750000000123' });
      expect(d.events[2]!.data).toMatchObject({ likeCount: 5, totalLikeCount: 1234 });
      for (const e of d.events) {
        const r = parseFrame(JSON.stringify(e));
        expect(r.ok ? 'ok' : r.error).toBe('ok');
      }
    }
  });

  it('reports garbage without throwing', async () => {
    const d = await decodePushFrame(new Uint8Array([0xff, 0xff, 0xff, 0x01]));
    expect(d.events).toEqual([]);
    expect(d.errors.length).toBeGreaterThan(0);
  });

  it('maps an unknown type to null', () => {
    expect(mapWebcastMessage('WebcastPollMessage', {})).toBeNull();
  });
});
