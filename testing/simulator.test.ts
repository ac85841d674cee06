import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulator, TiksimError } from './simulator.ts';

/** A plain `ws` client that keeps what it receives. */
async function client(url: string): Promise<{ got: string[]; ws: WebSocket }> {
  const ws = new WebSocket(url);
  const got: string[] = [];
  ws.on('message', (d) => got.push(String(d)));
  await new Promise((r, j) => ws.once('open', r).once('error', j));
  return { got, ws };
}

describe('startSimulator (the programmatic API)', () => {
  it('starts on a free port; fire() resolves once the frames are at the client, with what was sent', async () => {
    const [a, b] = await Promise.all([startSimulator({ seed: 1, paused: true, config: null }), startSimulator({ seed: 1, paused: true, config: null })]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(a.wsUrl).toBe(`ws://127.0.0.1:${a.port}/`);
      const c = await client(a.wsUrl);
      await a.waitForClients(1);
      const sent = await a.fire({ event: 'gift', data: { giftName: 'Lion' }, user: { face: true } });
      expect(sent).toMatchObject({ event: 'gift', scheduled: 1 });
      expect(sent.frames).toHaveLength(1);
      expect(JSON.parse(sent.frames[0]!)).toMatchObject({ event: 'gift', data: { giftName: 'Lion', repeatEnd: false } });
      // Resolved after the frame was written: the client has it (or has it within a turn of the event loop).
      await new Promise((r) => setTimeout(r, 20));
      expect(c.got.filter((t) => t.includes('"giftName":"Lion"'))).toEqual(sent.frames);
      const chats = await a.fire({ event: 'chat', count: 3, data: { comment: 'hi' } });
      expect(chats.frames.map((t) => (JSON.parse(t) as { data: { comment: string } }).data.comment)).toEqual(['hi', 'hi', 'hi']);
      expect(a.status()).toMatchObject({ clients: 1, paused: true, sent: { total: 4 } });
      expect(a.clients()).toHaveLength(1);
      c.ws.close();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a streak resolves after its end frame; bad bodies throw the API\'s error', async () => {
    const sim = await startSimulator({ seed: 2, paused: true, config: null });
    try {
      const streak = await sim.fire({ event: 'gift', data: { giftName: 'Rose', repeatCount: 2 } });
      expect(streak.scheduled).toBe(3);
      expect(streak.frames.map((t) => /"repeatCount":(\d+)/.exec(t)![1])).toEqual(['1', '2', '2']);
      expect(streak.frames[2]).toContain('"repeatEnd":true');
      await expect(sim.fire({ event: 'gift', data: { giftName: 'Lon' } })).rejects.toMatchObject({ name: 'TiksimError', code: 'E_UNKNOWN_GIFT', field: 'data.giftName' });
      await expect(sim.fire({ event: 'chat', count: 5000 })).rejects.toBeInstanceOf(TiksimError);
    } finally {
      await sim.close();
    }
  }, 15_000);

  it('frames() iterates what is sent; pause, resume, rates and faults steer it', async () => {
    const sim = await startSimulator({ seed: 3, rates: { chat: 200, like: 0, gift: 0, member: 0 }, config: null });
    try {
      const it = sim.frames();
      const first = await it.next();
      expect(first.done).toBe(false);
      expect(first.value!.event).toMatch(/chat|roomUser/);
      await it.return!();
      sim.pause();
      expect(sim.status().paused).toBe(true);
      sim.setRates({ chat: 1 });
      expect(sim.status().rates.chat).toBe(1);
      sim.resume();
      expect(sim.status().generation).toBe('generating');
      const c = await client(sim.wsUrl);
      await sim.waitForClients(1);
      const closed = new Promise<number>((r) => c.ws.once('close', (code) => r(code)));
      expect(sim.faults.close(4000, 'bye')).toBe(1);
      expect(await closed).toBe(4000);
    } finally {
      await sim.close();
    }
  });

  it('replays a bundled recording by name', async () => {
    const sim = await startSimulator({ paused: true, config: null });
    try {
      const c = await client(sim.wsUrl);
      const r = await sim.replay('quiet', { instant: true });
      const end = Date.now() + 5000;
      while (c.got.length < 100 && Date.now() < end) await new Promise((res) => setTimeout(res, 10));
      expect(c.got.length).toBeGreaterThanOrEqual(100);
      expect(r.status()).toMatchObject({ instant: true });
      r.stop();
      expect(sim.status().mode).toBe('generate');
      c.ws.close();
    } finally {
      await sim.close();
    }
  });
});
