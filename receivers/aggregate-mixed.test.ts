/**
 * The whole chain of issue 18 with real parts: TikTok LIVE through tiktok-live-connector (against the loopback TikTok
 * stand-in) and Twitch chat through the Twitch receiver (against the fake Twitch), merged by aggregate() into one
 * stream of normalised messages, served on the merged socket and read back by a WebSocket client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignConfig } from 'tiktok-live-connector';
import WebSocket from 'ws';
import type { AggregateFrame, Message } from '../protocol/message.ts';
import { startTikTokStandIn, type TikTokStandIn } from '../recorder/tiktok-stand-in.ts';
import { encode, pushFrame, ROOM_ID, T0, VIEWERS } from '../recorder/webcast-builders.ts';
import { startTwitchServer } from '../simulator/twitch/server.ts';
import { aggregate } from './aggregate.ts';
import { serveAggregate } from './aggregate-server.ts';
import { TikTokReceiver } from './tiktok.ts';
import { TwitchReceiver } from './twitch.ts';

let st: TikTokStandIn;
const saved = { basePath: SignConfig.basePath, cachedInstance: SignConfig.cachedInstance };
const cleanups: (() => unknown)[] = [];
beforeEach(async () => {
  st = await startTikTokStandIn();
  SignConfig.basePath = st.signUrl;
  SignConfig.cachedInstance = undefined;
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await st.close();
  SignConfig.basePath = saved.basePath;
  SignConfig.cachedInstance = saved.cachedInstance;
});

const until = async (pred: () => boolean, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 5));
  }
};

describe('TikTok and Twitch merged', () => {
  it('one stream of normalised messages from both platforms, on the merged socket too', async () => {
    const twitch = await startTwitchServer({ seed: 5, startMs: Date.UTC(2025, 0, 1, 20), port: 0, tcpPort: null, paused: true });
    cleanups.push(() => twitch.close());
    const tiktok = new TikTokReceiver({
      uniqueId: '@lena.draws',
      connection: { roomId: ROOM_ID, options: { fetchRoomInfoOnConnect: false } },
    });
    const tw = new TwitchReceiver({ url: twitch.wsUrl, channels: ['somechannel'] });
    const agg = aggregate([tiktok, tw]);
    cleanups.push(() => agg.stop());
    const server = await serveAggregate(agg, { port: 0 });
    cleanups.push(() => server.close());
    const frames: AggregateFrame[] = [];
    const ws = new WebSocket(server.url);
    ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as AggregateFrame));
    cleanups.push(() => ws.close());
    const seen: Message[] = [];
    agg.onMessage((m) => seen.push(m));
    await until(() => agg.states().every((s) => s.state === 'connected') && tw.status().joined.length === 1, 'both connected');

    st.send([pushFrame([encode.chat('11', T0 + 100, VIEWERS.lena, 'hi from Lisbon!')])]);
    await until(() => seen.length === 1, 'the TikTok chat');
    twitch.broadcast('somechannel', [{ tagged: '@badges=;color=#1E90FF;display-name=Ronni;emotes=;id=t1;user-id=1337 :ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #somechannel :hi from Twitch', plain: ':ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #somechannel :hi from Twitch', commands: false }]);
    await until(() => seen.length === 2, 'the Twitch chat');
    st.send([pushFrame([encode.gift('13', T0 + 200, VIEWERS.kofi, { id: 5655, name: 'Rose', diamonds: 1, type: 1, repeatCount: 3, repeatEnd: true, groupId: '1750016800211', image: 'https://p19-webcast.tiktokcdn.com/img/rose.webp' })])]);
    await until(() => seen.length === 3, 'the TikTok gift');

    expect(seen.map((m) => [m.platform, m.kind, m.user?.name, m.text])).toEqual([
      ['tiktok', 'chat', 'lena.draws', 'hi from Lisbon!'],
      ['twitch', 'chat', 'ronni', 'hi from Twitch'],
      ['tiktok', 'gift', 'kofi_gh', 'Rose'],
    ]);
    expect(seen[2]!.amount).toEqual({ value: 3, unit: 'diamond', usdCents: 1.5 });
    expect(seen[1]!.user).toMatchObject({ color: '#1E90FF', displayName: 'Ronni' });
    await until(() => frames.filter((f) => f.type === 'message').length === 3, 'three messages on the socket');
    expect(frames.flatMap((f) => (f.type === 'message' ? [f.message.id] : []))).toEqual(seen.map((m) => m.id));
  });
});
