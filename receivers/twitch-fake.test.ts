/**
 * The Twitch receiver against the project's fake Twitch (simulator/twitch/server.ts), the server every Twitch chat
 * client here develops against: generated chat, the fake's own keepalive, a refused token, a missing channel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTwitchServer, type RunningTwitch } from '../simulator/twitch/server.ts';
import { aggregate } from './aggregate.ts';
import { TwitchReceiver } from './twitch.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(o: Partial<Parameters<typeof startTwitchServer>[0]> = {}): Promise<RunningTwitch> {
  const t = await startTwitchServer({ seed: 3, startMs: Date.UTC(2025, 0, 1, 20), port: 0, tcpPort: 0, ...o });
  cleanups.push(() => t.close());
  return t;
}

async function until(pred: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('TwitchReceiver on the fake Twitch', () => {
  it.each(['ws', 'tcp'] as const)('stays on one %s connection across 30 shortened PING intervals, receiving generated chat', async (via) => {
    const t = await fake({ pingMs: 60, rates: { chat: 20 } });
    const url = via === 'ws' ? t.wsUrl : `irc://${t.status().tcp}`;
    const r = new TwitchReceiver({ url, channels: ['somechannel'], pingIntervalMs: 60, pingGraceMs: 60 });
    const agg = aggregate([r]);
    cleanups.push(() => agg.stop());
    const kinds: string[] = [];
    agg.onMessage((m) => kinds.push(m.kind));
    await until(() => t.status().keepalive.pingsSent >= 30, '30 PINGs', 20_000);
    const st = t.status();
    expect(st.connected[via]).toBe(1);
    expect(st.keepalive.pongTimeouts).toBe(0);
    expect(st.keepalive.pongsReceived).toBeGreaterThanOrEqual(29);
    expect(r.status()).toMatchObject({ state: 'connected', attempts: 0, joined: ['#somechannel'], badLines: 0 });
    expect(kinds.filter((k) => k === 'chat').length).toBeGreaterThan(10);
  }, 30_000);

  it('fails on a wrong OAuth token as on Twitch, without retrying', async () => {
    const t = await fake({ acceptTokens: ['abcdefghijklmnopqrstuvwxyz0123'] });
    const r = new TwitchReceiver({ url: t.wsUrl, channels: ['somechannel'], token: 'oauth:wrongwrongwrongwrongwrong12', nick: 'someone' });
    cleanups.push(() => r.stop());
    r.start();
    await until(() => r.status().state === 'failed', 'failed');
    expect(r.status().lastError).toMatch(/^Twitch refused the login: (Login authentication failed|Improperly formatted auth)/);
    expect(JSON.stringify(r.status())).not.toContain('wrongwrongwrong');
    expect(t.status().connected.ws).toBe(1);
  });

  it('fails on a channel the fake says does not exist', async () => {
    const t = await fake({ missingChannels: ['gone'] });
    const r = new TwitchReceiver({ url: t.wsUrl, channels: ['gone'], joinTimeoutMs: 3000 });
    cleanups.push(() => r.stop());
    r.start();
    await until(() => r.status().state === 'failed', 'failed');
    expect(r.status().lastError).toMatch(/^could not join any channel \(#gone: /);
  });

  it('reconnects and joins again after the fake sends RECONNECT', async () => {
    const t = await fake({ paused: true });
    const r = new TwitchReceiver({ url: t.wsUrl, channels: ['somechannel'] });
    cleanups.push(() => r.stop());
    r.start();
    await until(() => r.status().joined.length === 1, 'joined');
    expect(t.reconnect(50)).toBe(1);
    await until(() => t.status().connected.ws === 2 && r.status().joined.length === 1 && r.status().state === 'connected', 'joined again');
    expect(r.status().lastError).toBe('the server asked us to reconnect (RECONNECT)');
  });
});
