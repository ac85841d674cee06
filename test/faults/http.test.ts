import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server/app.ts';
import { barrage, errorShape, fuzzCaseArb, rawExchange, resetGeneration, send, startSim, stillServes } from './sim-cases.ts';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

describe('control API under malformed requests', () => {
  it('1500 fuzzed requests (bad JSON, wrong types, huge bodies, unknown routes, wrong methods): each gets its documented status and error shape, never 500', async () => {
    const cases = fc.sample(fuzzCaseArb, { numRuns: 1500, seed: 20250601 });
    const byStatus = new Map<string, number>();
    for (const c of cases) byStatus.set(c.expect.join('/'), (byStatus.get(c.expect.join('/')) ?? 0) + 1);
    // The sample really covers every class the oracle knows.
    for (const k of ['404', '405', '413', '415', '400', '204', '200', '200/201/202/400/404/409']) expect(byStatus.get(k) ?? 0, k).toBeGreaterThan(5);
    const failures = await barrage(sim, cases);
    expect(failures.slice(0, 10)).toEqual([]);
    await resetGeneration(sim);
    await stillServes(sim);
  });

  it('garbage on the HTTP port (not HTTP, oversized headers, TLS hello) gets a 4xx or a close, and the server lives on', async () => {
    const junk = ['BLAH\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, '\u0016\u0003\u0001\u0002\u0000\u0001\u0000', 'GET /api/status HTTP/1.1\r\nContent-Length: -1\r\n\r\n', 'POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'];
    for (const j of junk) {
      const got = await rawExchange(sim, j);
      if (got) expect(got, JSON.stringify(j.slice(0, 30))).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    await stillServes(sim);
  });

  it('a request body that stops half-way is dropped without a reply from the route, and the server lives on', async () => {
    const got = await rawExchange(sim, 'POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"event":');
    expect(got).not.toMatch(/ 500 /);
    const r = await send(sim, { method: 'GET', path: '/api/nope' });
    expect(r.status).toBe(404);
    expect(errorShape(JSON.parse(r.body))).toBeNull();
  });
});
