import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/message.ts';
import { twitchLine } from './twitch-alert.ts';

const m = (kind: Message['kind'], tags: Record<string, string>, value = 1, platform: Message['platform'] = 'twitch'): Message => ({
  id: 'x', platform, receiver: 'twitch', kind, at: 0, emotes: [], amount: { value, unit: 'sub', usdCents: 499 }, original: { kind, data: { tags } },
});

describe('twitchLine', () => {
  it('says what happened for each Twitch alert kind, and nothing for the rest', () => {
    expect(twitchLine(m('sub', { 'msg-param-sub-plan': 'Prime' }))).toBe('subscribed with Prime on Twitch');
    expect(twitchLine(m('sub', { 'msg-param-sub-plan': '3000' }))).toBe('subscribed on Twitch (Tier 3)');
    expect(twitchLine(m('resub', { 'msg-param-cumulative-months': '14' }))).toBe('14 months on Twitch');
    expect(twitchLine(m('resub', {}))).toBe('resubscribed on Twitch');
    expect(twitchLine(m('subgift', {}, 5))).toBe('gifted subs on Twitch');
    expect(twitchLine(m('subgift', {}, 1))).toBe('gifted a sub on Twitch');
    expect(twitchLine(m('cheer', {}, 500))).toBe('cheered on Twitch');
    expect(twitchLine(m('raid', {}, 42))).toBe('raided on Twitch');
    expect(twitchLine(m('chat', {}))).toBeNull();
    expect(twitchLine(m('sub', {}, 1, 'tiktok'))).toBeNull();
  });
});
