/** Client churn: rounds of many clients connecting and leaving; nothing may be left behind. Shared with the bench. */
import WebSocket from 'ws';
import type { RunningSimulator } from '../../simulator/server/app.ts';
import { waitFor } from './helpers.ts';
import { getGc } from './sim-cases.ts';

/** What one round left behind. */
export interface RoundResult {
  hubSize: number;
  connections: number;
  heapMb: number;
}

function connections(sim: RunningSimulator): Promise<number> {
  return new Promise((r, j) => sim.server.getConnections((e, n) => (e ? j(e) : r(n))));
}

/**
 * Runs `rounds` rounds of `clients` clients: all connect, each gets at least one frame, then half close properly and
 * half drop the TCP connection. After each round the hub and the server's socket count must be back to 0.
 */
export async function churn(sim: RunningSimulator, rounds: number, clients: number): Promise<RoundResult[]> {
  const gc = getGc();
  const out: RoundResult[] = [];
  for (let round = 0; round < rounds; round++) {
    const socks = await Promise.all(
      Array.from(
        { length: clients },
        () =>
          new Promise<{ ws: WebSocket; got: () => number }>((resolve, reject) => {
            const ws = new WebSocket(sim.wsUrl, { perMessageDeflate: false });
            let got = 0;
            ws.on('message', () => got++);
            ws.on('error', () => undefined);
            ws.once('open', () => resolve({ ws, got: () => got }));
            ws.once('unexpected-response', () => reject(new Error('handshake refused')));
          }),
      ),
    );
    await waitFor(() => sim.state.hub.size === clients, `${clients} clients in the hub, round ${round}`, 10_000);
    await waitFor(() => socks.every((s) => s.got() > 0), `every client to get a frame, round ${round}`, 10_000);
    socks.forEach((s, i) => (i % 2 ? s.ws.terminate() : s.ws.close(1000, 'bye')));
    await waitFor(() => sim.state.hub.size === 0, `the hub to empty, round ${round}`, 10_000);
    await waitFor(async () => (await connections(sim)) === 0, `no sockets left, round ${round}`, 10_000);
    gc();
    gc();
    out.push({ hubSize: sim.state.hub.size, connections: await connections(sim), heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
  }
  return out;
}
