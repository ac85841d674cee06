/**
 * Unmodified Twitch chat libraries against the fake: tmi.js over WebSocket (it takes a server and port), @twurple/chat
 * over TCP and WebSocket. twurple takes a host name but no port (6667 for TCP, 80 for ws://), so its server listens on
 * those ports of a loopback address of its own (127.x.y.z: any of them is this machine), which no other test uses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import tmi from 'tmi.js';
import { ChatClient } from '@twurple/chat';
import { chat, cheer, clearmsg, raid, resub, sub, subgift, submysterygift } from './events.ts';
import { startTwitchServer, type RunningTwitch, type TwitchServerOptions } from './server.ts';
import { TWITCH_RATE_KINDS, type TwitchRates } from './rates.ts';

const NO_RATES = Object.fromEntries(TWITCH_RATE_KINDS.map((k) => [k, 0])) as TwitchRates;
const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function start(o: Partial<TwitchServerOptions> = {}): Promise<RunningTwitch> {
  const tw = await startTwitchServer({ seed: 3, startMs: 1_700_000_000_000, port: 0, tcpPort: 0, rates: NO_RATES, ...o });
  cleanup.push(() => tw.close());
  return tw;
}

function until<T>(register: (resolve: (v: T) => void) => void, ms = 4000, what = 'event'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
    register((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}

const loopbackAlias = (): string => `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;

describe('tmi.js against the fake', () => {
  async function tmiClient(tw: RunningTwitch, opts: Partial<tmi.Options> = {}): Promise<tmi.Client> {
    const client = new tmi.Client({
      options: { skipUpdatingEmotesets: true },
      connection: { server: '127.0.0.1', port: tw.port, secure: false, reconnect: false },
      channels: ['dallas'],
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      ...opts,
    });
    const joined = until<void>((r) => client.once('join', () => r()), 4000, 'join');
    await client.connect();
    await joined;
    cleanup.push(() => client.disconnect().catch(() => {}));
    return client;
  }

  it('receives chat with its tags, emotes and badges', async () => {
    const tw = await start();
    const client = await tmiClient(tw);
    const got = until<[string, tmi.ChatUserstate, string]>((r) => client.once('message', (ch, tags, text) => r([ch, tags, text])));
    tw.fire('chat', (h) => chat(h, { user: 'ronni', text: 'Kappa hello Keepo' }));
    const [channel, tags, text] = await got;
    expect(channel).toBe('#dallas');
    expect(text).toBe('Kappa hello Keepo');
    expect(tags.username).toBe('ronni');
    expect(tags.emotes).toEqual({ '25': ['0-4'], '1902': ['12-16'] });
    expect(tags['room-id']).toBe(tw.status().channels[0]!.roomId);
    expect(tags.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('receives cheers, subs, resubs, gift subs and raids as their own events', async () => {
    const tw = await start();
    const client = await tmiClient(tw);
    const cheered = until<[tmi.ChatUserstate, string]>((r) => client.once('cheer', (_c, u, m) => r([u, m])));
    const subbed = until<[string, tmi.SubMethods]>((r) => client.once('subscription', (_c, u, m) => r([u, m])));
    const resubbed = until<[string, number]>((r) => client.once('resub', (_c, u, months, _m, tags) => r([u, Number(tags['msg-param-cumulative-months'])])));
    const gifted = until<[string, string]>((r) => client.once('subgift', (_c, u, _s, recipient) => r([u, recipient])));
    const mystery = until<number>((r) => client.once('submysterygift', (_c, _u, n) => r(n)));
    const raided = until<[string, number]>((r) => client.once('raided', (_c, u, v) => r([u, v])));
    tw.fire('cheer', (h) => cheer(h, { user: 'ronni', bits: 100, text: 'nice' }));
    tw.fire('sub', (h) => sub(h, { user: 'ronni', plan: '1000' }));
    tw.fire('resub', (h) => resub(h, { user: 'ronni', months: 6 }));
    tw.fire('subgift', (h) => subgift(h, { user: 'tww2', recipient: 'mr_woodchuck' }));
    tw.fire('submysterygift', (h) => submysterygift(h, { user: 'tww2', count: 5 }));
    tw.fire('raid', (h) => raid(h, { user: 'testchannel', viewers: 15 }));
    const [cu, cm] = await cheered;
    expect(cu.bits).toBe('100');
    expect(cm).toBe('Cheer100 nice');
    expect(await subbed).toEqual(['ronni', { prime: false, plan: '1000', planName: 'Channel Subscription (dallas)' }]);
    expect(await resubbed).toEqual(['ronni', 6]);
    expect(await gifted).toEqual(['tww2', 'mr_woodchuck']);
    expect(await mystery).toBe(5);
    expect(await raided).toEqual(['testchannel', 15]);
  });

  it('sees a deleted message by the id it was sent with', async () => {
    const tw = await start();
    const client = await tmiClient(tw);
    const msg = until<string>((r) => client.once('message', (_c, tags) => r(tags.id!)));
    tw.fire('chat', (h) => chat(h, { user: 'ronni', text: 'delete me' }));
    const id = await msg;
    const deleted = until<[string, string]>((r) => client.once('messagedeleted', (_c, user, text, tags) => r([user, tags['target-msg-id']!])));
    tw.fire('clearmsg', (h) => clearmsg(h, {}));
    expect(await deleted).toEqual(['ronni', id]);
  });

  it('stays connected across many shortened PING intervals: tmi.js answers each PING', async () => {
    const tw = await start({ pingMs: 100 });
    const client = await tmiClient(tw);
    let disconnected = false;
    client.on('disconnected', () => {
      disconnected = true;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(disconnected).toBe(false);
    expect(tw.status().keepalive.pingsSent).toBeGreaterThanOrEqual(12);
    expect(tw.status().keepalive.pongTimeouts).toBe(0);
    expect(client.readyState()).toBe('OPEN');
  });

  it('logs in with a token, and is refused with a wrong one', async () => {
    const tw = await start();
    await tmiClient(tw, { identity: { username: 'ronni', password: 'oauth:abcdefghijklmnopqrstuvwxyz0123' } });
    expect(tw.status().clients.some((c) => c.nick === 'ronni' && c.anonymous === false)).toBe(true);
    const bad = new tmi.Client({
      connection: { server: '127.0.0.1', port: tw.port, secure: false, reconnect: false },
      identity: { username: 'ronni', password: 'oauth:wrong' },
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    await expect(bad.connect()).rejects.toBe('Login authentication failed');
  });
});

describe('@twurple/chat against the fake', () => {
  async function twurple(webSocket: boolean): Promise<{ tw: RunningTwitch; chatClient: ChatClient }> {
    const host = loopbackAlias();
    const tw = await start(webSocket ? { host, port: 80, tcpPort: null } : { host, port: 0, tcpPort: 6667 });
    const chatClient = new ChatClient({ channels: ['dallas'], hostName: host, ssl: false, webSocket, logger: { minLevel: 'critical' } });
    const joined = until<void>((r) => chatClient.onJoin(() => r()), 5000, 'join');
    chatClient.connect();
    cleanup.push(() => chatClient.quit());
    await joined;
    return { tw, chatClient };
  }

  it.each([['TCP', false], ['WebSocket', true]] as const)('receives messages, subs, cheers and raids over %s', async (_name, webSocket) => {
    const { tw, chatClient } = await twurple(webSocket);
    const message = until<[string, string, number]>((r) => chatClient.onMessage((_c, user, text, msg) => r([user, text, msg.bits])));
    const subbed = until<[string, string]>((r) => chatClient.onSub((_c, user, info) => r([user, info.plan])));
    const resubbed = until<[string, number, string | undefined]>((r) => chatClient.onResub((_c, user, info) => r([user, info.months, info.message])));
    const gifted = until<[string, string]>((r) => chatClient.onSubGift((_c, user, info) => r([user, info.gifter ?? ''])));
    const raided = until<[string, number]>((r) => chatClient.onRaid((_c, user, info) => r([user, info.viewerCount])));
    tw.fire('cheer', (h) => cheer(h, { user: 'ronni', bits: 250, text: 'hype' }));
    tw.fire('sub', (h) => sub(h, { user: 'ronni', plan: 'Prime' }));
    tw.fire('resub', (h) => resub(h, { user: 'ronni', months: 7, text: 'Great stream -- keep it up!' }));
    tw.fire('subgift', (h) => subgift(h, { user: 'tww2', recipient: 'mr_woodchuck' }));
    tw.fire('raid', (h) => raid(h, { user: 'testchannel', viewers: 15 }));
    expect(await message).toEqual(['ronni', 'Cheer250 hype', 250]);
    expect(await subbed).toEqual(['ronni', 'Prime']);
    expect(await resubbed).toEqual(['ronni', 7, 'Great stream -- keep it up!']);
    expect(await gifted).toEqual(['mr_woodchuck', 'tww2']);
    expect(await raided).toEqual(['testchannel', 15]);
    expect(tw.status().clients[0]!.transport).toBe(webSocket ? 'ws' : 'tcp');
  });
});
