import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/message.ts';
import { twitchAlert } from './twitch-alert.ts';

const m = (kind: Message['kind'], tags: Record<string, string>, value = 1, platform: Message['platform'] = 'twitch'): Message => ({
  id: 'x', platform, receiver: 'twitch', kind, at: 0, emotes: [], amount: { value, unit: 'sub', usdCents: 499 }, original: { kind, data: { tags } },
});

describe('twitchAlert', () => {
  it('names the platform and the kind in 15 characters at most; the counter carries the number', () => {
    const got = [
      twitchAlert(m('sub', { 'msg-param-sub-plan': 'Prime' })),
      twitchAlert(m('sub', { 'msg-param-sub-plan': '3000' })),
      twitchAlert(m('resub', { 'msg-param-cumulative-months': '14' })),
      twitchAlert(m('resub', {})),
      twitchAlert(m('subgift', {}, 5)),
      twitchAlert(m('cheer', {}, 500)),
      twitchAlert(m('raid', {}, 42)),
    ];
    expect(got).toEqual([
      { line: 'Twitch Prime', count: 1 },
      { line: 'Twitch sub', count: 1 },
      { line: 'Twitch resub', count: 14 },
      { line: 'Twitch resub', count: 1 },
      { line: 'Twitch gift sub', count: 5 },
      { line: 'Twitch cheer', count: 500 },
      { line: 'Twitch raid', count: 42 },
    ]);
    for (const g of got) expect(g!.line.length).toBeLessThanOrEqual(15);
  });

  it('gives no card to chat or to another platform', () => {
    expect(twitchAlert(m('chat', {}))).toBeNull();
    expect(twitchAlert(m('sub', {}, 1, 'tiktok'))).toBeNull();
  });
});
