import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server/app.ts';
import { waitFor } from './helpers.ts';
import { BAD_HANDSHAKES, maskedFrame, rawExchange, rawWebSocket, stillServes, startSim, wsGarbageArb } from './sim-cases.ts';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

describe('WebSocket endpoint under malformed traffic', () => {
  it('2000 random messages (text, binary, JSON-ish, control-like) from connected clients are ignored; the clients keep streaming', async () => {
    const msgs = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 200, unit: 'binary' }),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
        fc.constantFrom('{"event":"chat"}', 'ping', '\u0000', '', '{"token":"x"}'),
      ),
      { numRuns: 2000, seed: 99 },
    );
    const clients = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const ws = new WebSocket(sim.wsUrl);
        let got = 0;
        ws.on('message', () => got++);
        await new Promise((r) => ws.once('open', r));
        return { ws, got: () => got };
      }),
    );
    for (const [i, m] of msgs.entries()) {
      const c = clients[i % clients.length]!;
      c.ws.send(m);
      if (i % 100 === 0) c.ws.ping();
    }
    await waitFor(() => clients.every((c) => c.got() >= 5), 'every fuzzing client to keep receiving', 5000);
    for (const c of clients) expect(c.ws.readyState).toBe(WebSocket.OPEN);
    for (const c of clients) c.ws.close();
    await waitFor(() => sim.state.hub.size === 0, 'the hub to empty');
  });

  it('protocol violations after a good handshake (unmasked, reserved opcodes, bad UTF-8, 2^62-byte length, oversized) close that client only', async () => {
    const bystander = new WebSocket(sim.wsUrl);
    let seen = 0;
    bystander.on('message', () => seen++);
    await new Promise((r) => bystander.once('open', r));
    const garbage = [...fc.sample(wsGarbageArb, { numRuns: 60, seed: 5 }), maskedFrame(0x81, Buffer.alloc(70 * 1024, 0x61))];
    for (const g of garbage) {
      const { socket } = await rawWebSocket(sim);
      const closed = new Promise<void>((r) => socket.once('close', () => r()));
      socket.resume();
      socket.write(g);
      // Bytes that happen to form a valid frame prefix leave the server waiting for the rest: end our side then.
      const t = setTimeout(() => socket.destroy(), 300);
      await closed;
      clearTimeout(t);
    }
    await waitFor(() => sim.state.hub.size === 1, 'only the bystander left in the hub');
    const before = seen;
    await waitFor(() => seen > before + 3, 'the bystander to keep receiving');
    expect(bystander.readyState).toBe(WebSocket.OPEN);
    bystander.close();
  });

  it('bad handshakes get an HTTP error status, never a hang or a crash', async () => {
    for (const h of BAD_HANDSHAKES) {
      const got = await rawExchange(sim, h);
      expect(got, JSON.stringify(h.slice(0, 40))).toMatch(/^(HTTP\/1\.1 4\d\d |$)/);
      expect(got).not.toMatch(/^HTTP\/1\.1 101/);
    }
    await stillServes(sim);
  });
});
