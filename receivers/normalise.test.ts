import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIrcLine, type IrcMessage } from '../protocol/twitch/irc-line.ts';
import { toTlcData } from '../protocol/tlc/index.ts';
import { normalise } from './normalise.ts';
import { TWITCH_SAMPLES } from '../protocol/twitch/samples.ts';
import { messageEmotes } from './normalise-twitch.ts';
import type { Received } from './receiver.ts';

const samples = JSON.parse(readFileSync(new URL('../protocol/fixtures/tikfinity-samples.json', import.meta.url), 'utf8')) as { event: string; data: Record<string, unknown> }[];
const sample = (event: string, i = 0) => samples.filter((s) => s.event === event)[i]!;

/** A captured TikFinity frame as a TikTok receiver hands it on: converted to TLC-style data, as receivers/frames.ts does. */
function tiktok(event: string, data: unknown): Received {
  const c = toTlcData(event, data, { roomId: '7515581234567890123' });
  if (!c.ok) throw new Error(c.error.message);
  return { platform: 'tiktok', receiver: 'tikfinity', kind: c.kind, data: c.data, at: 1000, raw: JSON.stringify({ event, data }) };
}
const raw = (kind: string, data: unknown): Received => ({ platform: 'tiktok', receiver: 'tikfinity', kind, data, at: 1000 });
function twitch(line: string): Received<IrcMessage> {
  const p = parseIrcLine(line);
  if (!p.ok) throw new Error(p.error);
  const kind = p.msg.command === 'USERNOTICE' ? p.msg.tags['msg-id']! : p.msg.command;
  return { platform: 'twitch', receiver: 'twitch', kind, data: p.msg, at: 2000, raw: line };
}

describe('normalise: TikTok (TikFinity frames from real captures)', () => {
  it('a chat keeps the user, the text and the original frame', () => {
    const e = tiktok('chat', sample('chat').data);
    const m = normalise(e, 0)!;
    expect(m).toMatchObject({
      id: 'tiktok:7515589486609222446',
      platform: 'tiktok',
      receiver: 'tikfinity',
      kind: 'chat',
      at: 1000,
      text: 'No lets go',
      emotes: [],
      user: { platform: 'tiktok', id: '6773316529204478981', name: 'youtube911_yt_offical', displayName: 'youtube911_yt_', mod: false, subscriber: false },
    });
    expect(m.user!.picture).toMatch(/^https:\/\/p16-sign\.tiktokcdn-us\.com\//);
    expect(m.channel).toBe('7515581234567890123');
    expect(m.user!.badges).toEqual([{ name: 'gifter', version: '23' }]);
    expect(m.original).toEqual({ kind: 'chat', data: e.data, raw: e.raw });
  });

  it('a running streak is pending and worth nothing yet; its end carries diamonds and cents', () => {
    const running = normalise(tiktok('gift', sample('gift', 0).data), 0)!;
    expect(running).toMatchObject({ kind: 'gift', text: 'Rose', pending: true, amount: { value: 0, unit: 'diamond', usdCents: 0 } });
    const end = normalise(tiktok('gift', { ...sample('gift', 0).data, repeatCount: 7, repeatEnd: true }), 0)!;
    expect(end.pending).toBeUndefined();
    expect(end.amount).toEqual({ value: 7, unit: 'diamond', usdCents: 3.5 });
    expect(end.system).toBe('letstalkshop sent Rose × 7');
    const ministar = normalise(tiktok('gift', sample('gift', 1).data), 0)!;
    expect(ministar.amount).toEqual({ value: 100, unit: 'diamond', usdCents: 50 });
  });

  it('likes, joins and viewer counts map to like, join and viewers', () => {
    expect(normalise(tiktok('like', sample('like').data), 0)).toMatchObject({ kind: 'like', amount: { value: 3, unit: 'like', usdCents: 0 } });
    expect(normalise(tiktok('member', sample('member').data), 0)).toMatchObject({ kind: 'join' });
    const viewers = normalise(tiktok('roomUser', sample('roomUser').data), 5)!;
    expect(viewers).toMatchObject({ kind: 'viewers', amount: { value: 2, unit: 'viewer' } });
    expect(viewers.user).toBeUndefined();
  });

  it('control events are states, not messages; unknown kinds pass through as other; bad data never throws', () => {
    expect(normalise(raw('connected', { isConnected: true }), 0)).toBeNull();
    expect(normalise(raw('goalUpdate', { x: 1 }), 0)).toMatchObject({ kind: 'other', original: { kind: 'goalUpdate', data: { x: 1 } } });
    expect(normalise(raw('gift', null), 0)).toMatchObject({ kind: 'gift', amount: { value: 0 } });
    expect(normalise(raw('chat', 'garbage'), 0)).toMatchObject({ kind: 'chat', text: '' });
    expect(normalise(tiktok('subscribe', { ...sample('member').data, exhibitionType: 1, subMonth: 1, subscribingStatus: 1, oldSubscribeStatus: 2 }), 0)).toMatchObject({ kind: 'sub', amount: { value: 1, unit: 'sub', usdCents: 499 } });
  });
});

describe('normalise: Twitch (lines shaped as Twitch sends them)', () => {
  it("Twitch's own documented lines: chat, cheer, resub, subgift, raid, timeout", () => {
    const kinds = (['privmsg', 'privmsgEmotes', 'cheer', 'resub', 'subgift', 'raid', 'clearchatTimeout', 'clearmsg'] as const).map((k) => {
      const m = normalise(twitch(TWITCH_SAMPLES[k]), 0)!;
      return [m.kind, m.user?.name, m.amount?.usdCents, m.text];
    });
    expect(kinds).toEqual([
      ['chat', 'abc', undefined, 'HeyGuys'],
      ['chat', 'ronni', undefined, 'Kappa Keepo Kappa'],
      ['cheer', 'ronni', 100, 'cheer100'],
      ['resub', 'ronni', 499, 'Great stream -- keep it up!'],
      ['subgift', 'tww2', 499, undefined],
      ['raid', 'testchannel', 0, undefined],
      ['clear', 'ronni', undefined, 'ronni'],
      ['delete', 'foo', undefined, 'what a great day'],
    ]);
    expect(normalise(twitch(TWITCH_SAMPLES.raid), 0)!.system).toBe('15 raiders from TestChannel have joined\n!');
    expect(normalise(twitch(TWITCH_SAMPLES.resub), 0)!.system).toBe('ronni has subscribed for 6 months!');
  });

  it('a PRIVMSG with emotes: badges, colour, code-point emote ranges', () => {
    const line =
      '@badge-info=subscriber/12;badges=moderator/1,subscriber/12;color=#0D4200;display-name=Ronni;emotes=25:0-4,12-16/1902:6-10;first-msg=0;id=b34ccfc7-4977-403a-8a94-33c6bac34fb8;mod=1;room-id=1;subscriber=1;tmi-sent-ts=1507246572675;turbo=0;user-id=1337;user-type=mod :ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #somechannel :Kappa Keepo Kappa';
    const m = normalise(twitch(line), 0)!;
    expect(m).toMatchObject({
      id: 'twitch:b34ccfc7-4977-403a-8a94-33c6bac34fb8',
      platform: 'twitch',
      kind: 'chat',
      channel: '#somechannel',
      text: 'Kappa Keepo Kappa',
      user: { platform: 'twitch', id: '1337', name: 'ronni', displayName: 'Ronni', color: '#0D4200', mod: true, subscriber: true },
    });
    expect(m.user!.badges).toEqual([{ name: 'moderator', version: '1' }, { name: 'subscriber', version: '12' }]);
    expect(m.emotes.map((e) => [e.id, e.start, e.length])).toEqual([['25', 0, 5], ['1902', 6, 5], ['25', 12, 5]]);
    expect(m.original.raw).toBe(line);
  });

  it('emote ranges count code points, not UTF-16 units', () => {
    // "😀 Kappa": the emoji is one code point (two UTF-16 units), so Kappa is at 2-6.
    expect(messageEmotes('25:2-6')).toEqual([{ id: '25', start: 2, length: 5, url: 'https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0' }]);
    expect(messageEmotes('25:x-1,4-2/:1-2')).toEqual([]);
  });

  it('a cheer is worth its bits in cents; /me is stripped of CTCP', () => {
    const m = normalise(twitch('@badges=;bits=250;display-name=Ab;id=c1;user-id=9 :ab!ab@ab.tmi.twitch.tv PRIVMSG #c :cheer250 nice'), 0)!;
    expect(m).toMatchObject({ kind: 'cheer', text: 'cheer250 nice', amount: { value: 250, unit: 'bit', usdCents: 250 } });
    expect(normalise(twitch(':ab!ab@ab.tmi.twitch.tv PRIVMSG #c :\x01ACTION waves\x01'), 0)!.text).toBe('waves');
  });

  it('subs by plan, gifted subs by count, raids by viewers, with the system message unescaped', () => {
    const resub = normalise(
      twitch('@badges=subscriber/6;display-name=Ronni;id=r1;login=ronni;msg-id=resub;msg-param-cumulative-months=6;msg-param-sub-plan=2000;system-msg=Ronni\\ssubscribed\\sat\\sTier\\s2.;user-id=1337 :tmi.twitch.tv USERNOTICE #c :Great stream'),
      0,
    )!;
    expect(resub).toMatchObject({ kind: 'resub', text: 'Great stream', system: 'Ronni subscribed at Tier 2.', amount: { value: 1, unit: 'sub', usdCents: 999 } });
    expect(resub.user).toMatchObject({ name: 'ronni', displayName: 'Ronni', subscriber: true });
    const prime = normalise(twitch('@msg-id=sub;msg-param-sub-plan=Prime;login=a;user-id=1 :tmi.twitch.tv USERNOTICE #c'), 0)!;
    expect(prime).toMatchObject({ kind: 'sub', amount: { usdCents: 499 } });
    expect(prime.text).toBeUndefined();
    const mystery = normalise(twitch('@msg-id=submysterygift;msg-param-mass-gift-count=5;msg-param-sub-plan=1000;login=a;user-id=1 :tmi.twitch.tv USERNOTICE #c'), 0)!;
    expect(mystery).toMatchObject({ kind: 'subgift', amount: { value: 5, unit: 'sub', usdCents: 2495 } });
    const gift = normalise(twitch('@msg-id=subgift;msg-param-gift-months=1;msg-param-recipient-user-name=b;msg-param-sub-plan=3000;login=a;user-id=1 :tmi.twitch.tv USERNOTICE #c'), 0)!;
    expect(gift).toMatchObject({ kind: 'subgift', amount: { value: 1, usdCents: 2499 } });
    const raid = normalise(twitch('@msg-id=raid;msg-param-displayName=Raider;msg-param-login=raider;msg-param-viewerCount=42;login=raider;display-name=Raider;user-id=5 :tmi.twitch.tv USERNOTICE #c'), 0)!;
    expect(raid).toMatchObject({ kind: 'raid', user: { name: 'raider' }, amount: { value: 42, unit: 'viewer', usdCents: 0 } });
  });

  it('moderation lines: clear (one user or all), delete, notice; unknown notices are other', () => {
    expect(normalise(twitch('@ban-duration=600;room-id=1;target-user-id=77 :tmi.twitch.tv CLEARCHAT #c :baduser'), 0)).toMatchObject({ kind: 'clear', user: { id: '77', name: 'baduser' } });
    const all = normalise(twitch(':tmi.twitch.tv CLEARCHAT #c'), 0)!;
    expect(all.kind).toBe('clear');
    expect(all.user).toBeUndefined();
    expect(normalise(twitch('@login=ab;target-msg-id=x1 :tmi.twitch.tv CLEARMSG #c :bad words'), 0)).toMatchObject({ kind: 'delete', text: 'bad words' });
    expect(normalise(twitch('@msg-id=emote_only_on :tmi.twitch.tv NOTICE #c :This room is now in emote-only mode.'), 0)).toMatchObject({ kind: 'notice', text: 'This room is now in emote-only mode.' });
    expect(normalise(twitch('@msg-id=bitsbadgetier;login=a;user-id=1 :tmi.twitch.tv USERNOTICE #c'), 3)).toMatchObject({ kind: 'other', id: 'twitch:twitch:3' });
  });
});
