/**
 * The TikTok receiver over tiktok-live-connector's own HTTP and WebSocket clients, against the loopback stand-in for
 * TikTok (recorder/tiktok-stand-in.ts): TLC-style data as the library decodes it, a dropped connection retried.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignConfig } from 'tiktok-live-connector';
import { startTikTokStandIn, type TikTokStandIn } from '../recorder/tiktok-stand-in.ts';
import { encode, pushFrame, ROOM_ID, T0, VIEWERS } from '../recorder/webcast-builders.ts';
import type { Received } from './receiver.ts';
import { TikTokReceiver } from './tiktok.ts';

let st: TikTokStandIn;
const saved = { basePath: SignConfig.basePath, cachedInstance: SignConfig.cachedInstance };
let r: TikTokReceiver | null = null;
beforeEach(async () => {
  st = await startTikTokStandIn();
  SignConfig.basePath = st.signUrl;
  SignConfig.cachedInstance = undefined;
});
afterEach(async () => {
  await r?.stop();
  await st.close();
  SignConfig.basePath = saved.basePath;
  SignConfig.cachedInstance = saved.cachedInstance;
});

const until = async (pred: () => boolean, what: string) => {
  const end = Date.now() + 8000;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 5));
  }
};

describe('TikTok receiver (tiktok-live-connector against a loopback TikTok)', () => {
  it('hands on decoded events as TLC data with a TikFinity frame beside each, and reconnects after a drop', async () => {
    r = new TikTokReceiver({
      uniqueId: '@lena.draws',
      backoff: { initial: 20, max: 40 },
      rng: () => 0,
      connection: { roomId: ROOM_ID, options: { fetchRoomInfoOnConnect: false, wsConfigOverrides: { DEFAULT_WS_PING_INTERVAL: 40 } } },
    });
    const got: Received[] = [];
    r.onEvent((e) => got.push(e));
    r.start();
    await st.waitForSent('im_enter_room');
    await until(() => r!.status().state === 'connected', 'connected');
    expect(r.status()).toMatchObject({ source: '@lena.draws', room: ROOM_ID });
    st.send([pushFrame([encode.chat('11', T0 + 100, VIEWERS.lena, 'hi from Lisbon!'), encode.gift('13', T0 + 200, VIEWERS.kofi, { id: 5655, name: 'Rose', diamonds: 1, type: 1, repeatCount: 3, repeatEnd: true, groupId: '1750016800211', image: 'https://p19-webcast.tiktokcdn.com/img/rose.webp' })])]);
    await until(() => got.some((e) => e.kind === 'gift'), 'a gift');
    const chat = got.find((e) => e.kind === 'chat')!;
    expect(chat.data).toMatchObject({ content: 'hi from Lisbon!', user: { displayId: 'lena.draws' } });
    expect(JSON.parse(chat.raw!)).toMatchObject({ event: 'chat', data: { comment: 'hi from Lisbon!', uniqueId: 'lena.draws' } });
    expect(got.find((e) => e.kind === 'gift')!.data).toMatchObject({ repeatCount: 3, gift: { name: 'Rose', diamondCount: 1 } });
    expect(got[0]).toMatchObject({ kind: 'connected', data: { roomId: ROOM_ID } });

    st.dropAll();
    await until(() => got.some((e) => e.kind === 'disconnected'), 'disconnected');
    await st.waitForConnections(2);
    await until(() => r!.status().state === 'connected', 'reconnected');
    st.send([pushFrame([encode.like('21', T0 + 5000, VIEWERS.mara, 15, 48210)])]);
    await until(() => got.some((e) => e.kind === 'like'), 'a like after the reconnect');
    expect(got.find((e) => e.kind === 'like')!.data).toMatchObject({ count: 15, total: '48210' });
  });

  it('keeps retrying while TikTok refuses, with the reason in its status', async () => {
    st.signStatus = 500;
    r = new TikTokReceiver({ uniqueId: 'lena.draws', backoff: { initial: 10, max: 20 }, rng: () => 0, connection: { roomId: ROOM_ID, options: { fetchRoomInfoOnConnect: false } } });
    r.start();
    await until(() => r!.status().attempts >= 2, 'two attempts');
    expect(r.status()).toMatchObject({ state: 'reconnecting', lastError: expect.stringMatching(/^cannot connect to TikTok @lena\.draws: /) });
  });
});
