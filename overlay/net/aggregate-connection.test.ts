import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/message.ts';
import { Bus } from '../bus.ts';
import { AggregateConnection, type AggregateStats } from './aggregate-connection.ts';

const msg = (platform: 'tiktok' | 'twitch', text: string): Message => ({ id: `${platform}:${text}`, platform, receiver: platform, kind: 'chat', at: 0, text, emotes: [], original: { kind: 'PRIVMSG', data: null } });

describe('AggregateConnection', () => {
  it('hands Twitch messages to the bus on flush, skips TikTok ones (they come on the own socket) and counts bad frames', () => {
    const stats: AggregateStats = { url: 'ws://x', connected: false, received: 0, bad: 0, twitch: 0 };
    const c = new AggregateConnection(stats, () => {});
    const bus = new Bus();
    const got: string[] = [];
    bus.on('twitch', (m) => got.push(m.text ?? ''));
    c.onText(JSON.stringify({ type: 'state', sources: [] }));
    c.onText(JSON.stringify({ type: 'message', message: msg('tiktok', 'tt') }));
    c.onText(JSON.stringify({ type: 'message', message: msg('twitch', 'one') }));
    c.onText('not json');
    c.onText(JSON.stringify({ type: 'message', message: { platform: 'myspace', kind: 'chat' } }));
    c.onText(JSON.stringify({ type: 'message', message: msg('twitch', 'two') }));
    expect(got).toEqual([]);
    expect(c.backlog).toBe(2);
    c.flush(bus);
    expect(got).toEqual(['one', 'two']);
    expect(stats).toMatchObject({ received: 6, bad: 2, twitch: 2 });
  });

  it('keeps the newest messages when the page is starved', () => {
    const stats: AggregateStats = { url: 'ws://x', connected: false, received: 0, bad: 0, twitch: 0 };
    const c = new AggregateConnection(stats, () => {}, 3);
    for (let i = 0; i < 10; i++) c.onText(JSON.stringify({ type: 'message', message: msg('twitch', String(i)) }));
    const bus = new Bus();
    const got: string[] = [];
    bus.on('twitch', (m) => got.push(m.text ?? ''));
    c.flush(bus);
    expect(got).toEqual(['7', '8', '9']);
  });
});
