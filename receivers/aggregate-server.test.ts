import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AggregateFrame } from '../protocol/message.ts';
import { aggregate } from './aggregate.ts';
import { serveAggregate } from './aggregate-server.ts';
import { TwitchReceiver } from './twitch.ts';
import { startTestIrcServer } from './twitch-test-server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(opts: { token?: string; backlog?: number } = {}) {
  const irc = await startTestIrcServer();
  const r = new TwitchReceiver({ url: irc.wsUrl, channels: ['c'] });
  const agg = aggregate([r]);
  const server = await serveAggregate(agg, { port: 0, ...opts });
  cleanups.push(() => irc.close(), () => agg.stop(), () => server.close());
  const conn = await irc.waitConns(1);
  while (r.status().joined.length === 0) await new Promise((res) => setTimeout(res, 5));
  return { irc, conn, agg, server };
}

function open(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; frames: AggregateFrame[] } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    const frames: AggregateFrame[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as AggregateFrame));
    ws.on('open', () => {
      cleanups.push(() => ws.terminate());
      resolve({ ws, frames });
    });
    ws.on('unexpected-response', (_q, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => {});
  });
}

const line = (n: number) => `@id=m${n};user-id=1 :ab!ab@ab.tmi.twitch.tv PRIVMSG #c :message ${n}`;

describe('the merged socket', () => {
  it('gives a new client the state and the last messages (backlog), then live ones', async () => {
    const { conn, agg, server } = await setup({ backlog: 3 });
    let seen = 0;
    agg.onMessage(() => seen++);
    conn.send(line(1), line(2), line(3), line(4));
    while (seen < 4) await new Promise((r) => setTimeout(r, 5));
    const c = await open(server.url);
    if (!('ws' in c)) throw new Error('refused');
    while (c.frames.length < 4) await new Promise((r) => setTimeout(r, 5));
    expect(c.frames[0]).toMatchObject({ type: 'state', sources: [{ name: 'twitch', state: 'connected' }] });
    expect(c.frames.slice(1).map((f) => (f.type === 'message' ? f.message.text : ''))).toEqual(['message 2', 'message 3', 'message 4']);
    conn.send(line(5));
    while (c.frames.length < 5) await new Promise((r) => setTimeout(r, 5));
    expect(c.frames[4]).toMatchObject({ type: 'message', message: { text: 'message 5' } });
    expect(server.clients()).toBe(1);
  });

  it('with a token, a client without it gets 401 and one with ?token= connects', async () => {
    const { server } = await setup({ token: 's3cret' });
    expect(await open(server.url)).toEqual({ status: 401 });
    expect(await open(`${server.url}?token=wrong`)).toEqual({ status: 401 });
    const ok = await open(`${server.url}?token=s3cret`);
    expect('ws' in ok).toBe(true);
  });

  it('refuses a foreign Host, and refuses to start off loopback without a token', async () => {
    const { server, agg } = await setup();
    expect(await open(server.url, { host: 'attacker.example' })).toEqual({ status: 403 });
    await expect(serveAggregate(agg, { host: '0.0.0.0', port: 0 })).rejects.toThrow('serving the aggregated stream on 0.0.0.0 exposes it beyond this machine: add --token <secret>, or keep the default 127.0.0.1');
    await expect(serveAggregate(agg, { port: server.port })).rejects.toThrow(`port ${server.port} is in use; pick another with --serve-port, or 0 for a free one`);
  });
});
