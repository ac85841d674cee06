import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server/app.ts';
import { churn } from './churn-cases.ts';
import { startSim } from './sim-cases.ts';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim({ rates: { chat: 50, like: 50 } });
});
afterAll(async () => {
  await sim.close();
});

describe('client churn', () => {
  it('200 clients connecting and leaving, 6 rounds: hub back to 0, no sockets left, heap flat round over round', async () => {
    const rounds = await churn(sim, 6, 200);
    for (const r of rounds) expect({ hub: r.hubSize, sockets: r.connections }).toEqual({ hub: 0, sockets: 0 });
    expect(sim.state.hub.stats.connectedTotal).toBe(1200);
    // Round 1 warms caches up; after that a leak of even 10 KB per client would add ~2 MB per round.
    const steady = rounds.slice(1).map((r) => r.heapMb);
    const growth = steady[steady.length - 1]! - Math.min(...steady);
    expect(growth, `heap after each round (MB): ${rounds.map((r) => r.heapMb.toFixed(1)).join(', ')}`).toBeLessThan(2);
  });
});
