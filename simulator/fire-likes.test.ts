import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eventSchemas } from '../protocol/index.ts';
import type { RunningSimulator } from './server/app.ts';
import { startSim } from '../test/faults/sim-cases.ts';

// Fired likes through the real control API and a real WebSocket client: what an overlay sees.

let sim: RunningSimulator;
let client: WebSocket;
const frames: Array<{ event: string; data: Record<string, unknown> }> = [];

beforeAll(async () => {
  sim = await startSim({ paused: true, chatBacklog: false });
  client = new WebSocket(sim.wsUrl);
  client.on('message', (d) => frames.push(JSON.parse(String(d)) as { event: string; data: Record<string, unknown> }));
  await new Promise((r, j) => client.once('open', r).once('error', j));
});
afterAll(async () => {
  client.close();
  await sim.close();
});

async function post(body: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${sim.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const likes = () => frames.filter((f) => f.event === 'like');

describe('fired likes', () => {
  it('without a likeCount, each like event batches 1 to 15 likes, as TikTok does, and validates against the schema', async () => {
    const before = likes().length;
    // 600 draws: if 16 were possible (1 in 16), missing it every time would have odds of about 1e-17.
    for (let i = 0; i < 3; i++) expect(await post({ event: 'like', count: 200 })).toMatchObject({ status: 202, body: { ok: true, event: 'like', scheduled: 200 } });
    await expect.poll(() => likes().length - before, { timeout: 10_000 }).toBe(600);
    const got = likes().slice(before);
    const counts = new Set<number>();
    for (const f of got) {
      const r = eventSchemas.like.safeParse(f.data);
      expect(r.error, JSON.stringify(f.data.likeCount)).toBeUndefined();
      expect(Number.isInteger(f.data.likeCount) && (f.data.likeCount as number) >= 1 && (f.data.likeCount as number) <= 15).toBe(true);
      counts.add(f.data.likeCount as number);
    }
    // The whole range is drawn, 1 and 15 included (a 1-to-14 draw would be as wrong).
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('the API refuses likeCount outside 1 to 15 by status, code and field, and sends nothing', async () => {
    const before = likes().length;
    for (const likeCount of [16, 0, 1000]) {
      const r = await post({ event: 'like', data: { likeCount } });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'E_OUT_OF_RANGE', field: 'data.likeCount' });
    }
    const half = await post({ event: 'like', data: { likeCount: 1.5 } });
    expect(half.status).toBe(400);
    expect(half.body.error).toMatchObject({ code: 'E_BAD_FIELD', field: 'data.likeCount' });
    expect(await post({ event: 'like', data: { likeCount: 15 }, count: 2 })).toMatchObject({ status: 202, body: { scheduled: 2 } });
    await expect.poll(() => likes().length - before).toBe(2);
    expect(likes().slice(before).map((f) => f.data.likeCount)).toEqual([15, 15]);
  });
});
