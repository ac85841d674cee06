import { describe, expect, it } from 'vitest';
import { parseIrcLine } from './irc-line.ts';
import { TWITCH_SAMPLES } from './samples.ts';
import { channelLogin, isAnonymousLogin, isTwitchCapability, TWITCH_CAPABILITIES, USERNOTICE_KINDS } from './types.ts';

describe('Twitch names', () => {
  it('knows the three capabilities, case-sensitively', () => {
    expect(TWITCH_CAPABILITIES.every(isTwitchCapability)).toBe(true);
    expect(isTwitchCapability('twitch.tv/Commands')).toBe(false);
    expect(isTwitchCapability('twitch.tv/command')).toBe(false);
    expect(isTwitchCapability('sasl')).toBe(false);
  });

  it('tells anonymous justinfan logins', () => {
    expect(isAnonymousLogin('justinfan12345')).toBe(true);
    expect(isAnonymousLogin('justinfan')).toBe(false);
    expect(isAnonymousLogin('justinfan12x')).toBe(false);
    expect(isAnonymousLogin('JustinFan1')).toBe(false);
  });

  it('reads a channel param as its login', () => {
    expect(channelLogin('#Dallas')).toBe('dallas');
    expect(channelLogin('dallas')).toBe('dallas');
  });

  it('the real USERNOTICE samples carry a msg-id of the kinds the fake makes, and a system-msg', () => {
    for (const line of [TWITCH_SAMPLES.resub, TWITCH_SAMPLES.subgift, TWITCH_SAMPLES.raid]) {
      const r = parseIrcLine(line);
      if (!r.ok) throw new Error(r.error);
      expect(USERNOTICE_KINDS).toContain(r.msg.tags['msg-id']);
      expect(r.msg.tags['system-msg']).toMatch(/ /);
    }
  });
});
