import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSimulator } from '../../testing/simulator.ts';
import { parseIrcLine } from '../../protocol/twitch/index.ts';
import { wsClient } from './test-helpers.ts';
import { statusText } from '../server/status-line.ts';
import type { SimStatus } from '../../protocol/index.ts';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

describe('the fake Twitch inside the simulator', () => {
  it('runs beside the TikTok socket on the same virtual clock and seed: both platforms stream at once', async () => {
    const sim = await startSimulator({ seed: 9, server: { twitch: { port: 0, tcpPort: 0, rates: { chat: 30 } } } });
    stops.push(() => sim.close());
    const tw = sim.server.state.twitch!;
    expect(tw.status().seed).toBe(9);
    const tiktok = new WebSocket(sim.server.wsUrl);
    const frames: string[] = [];
    tiktok.on('message', (d) => frames.push(d.toString()));
    const c = await wsClient(tw.wsUrl);
    c.send('CAP REQ :twitch.tv/tags\r\nNICK justinfan5\r\nJOIN #mixed\r\n');
    const m = parseIrcLine(await c.waitFor(/ PRIVMSG #mixed :/, 5000));
    if (!m.ok) throw new Error(m.error);
    // tmi-sent-ts is virtual time: the TikTok engine's clock (seeded start 2025-01-01T20:00Z), not the wall clock.
    const ts = Number(m.msg.tags['tmi-sent-ts']);
    expect(Math.abs(ts - sim.server.state.pump.now())).toBeLessThan(5000);
    expect(ts).toBeLessThan(Date.UTC(2025, 0, 2));
    await new Promise((r) => setTimeout(r, 300));
    expect(frames.length).toBeGreaterThan(0);
    tiktok.terminate();
    c.close();
  });

  it('GET /api/status carries a twitch block (clients, channels, sent by kind, ping) and the status line counts Twitch clients', async () => {
    const sim = await startSimulator({ seed: 4, server: { twitch: { port: 0, tcpPort: null, pingMs: 60_000, rates: { chat: 40 } } } });
    stops.push(() => sim.close());
    const status = async (): Promise<SimStatus> => (await (await fetch(`${sim.url}/api/status`)).json()) as SimStatus;
    const before = await status();
    expect(before.twitch).toMatchObject({ wsUrl: sim.server.state.twitch!.wsUrl, tcp: null, clients: 0, channels: [], pingMs: 60_000, paused: false, scenario: null });
    expect(statusText(sim.server.state, 400)).toContain(' │ twitch 0 clients │ ');
    const c = await wsClient(sim.server.state.twitch!.wsUrl);
    c.send('CAP REQ :twitch.tv/tags\r\nNICK justinfan8\r\nJOIN #statuschan\r\n');
    await c.waitFor(/ PRIVMSG #statuschan :/, 5000);
    const after = await status();
    expect(after.twitch!.clients).toBe(1);
    expect(after.twitch!.channels).toEqual(['statuschan']);
    expect(after.twitch!.sent.byKind.chat).toBeGreaterThan(0);
    expect(after.twitch!.sent.total).toBeGreaterThanOrEqual(after.twitch!.sent.byKind.chat!);
    expect(statusText(sim.server.state, 400)).toContain(' │ twitch 1 client │ ');
    c.close();
  });

  it('GET /api/status has no twitch block without --twitch', async () => {
    const sim = await startSimulator({ seed: 4 });
    stops.push(() => sim.close());
    const st = (await (await fetch(`${sim.url}/api/status`)).json()) as SimStatus;
    expect('twitch' in st).toBe(false);
    expect(statusText(sim.server.state, 400)).not.toContain('twitch');
  });
});
