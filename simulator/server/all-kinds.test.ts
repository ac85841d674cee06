import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EVENT_NAMES, TIKTOK_EVENT_NAMES, eventSchemas, tlcSchemas, toTlcData, type TiktokEventName } from '../../protocol/index.ts';
import { startSimulator, type RunningSimulator } from './app.ts';

// Every kind fired through the real control API of a real --all-kinds server, received by a real WebSocket client.

let sim: RunningSimulator;
let ws: WebSocket;
const got: { event: string; data: Record<string, unknown> }[] = [];

beforeAll(async () => {
  sim = await startSimulator({ host: '127.0.0.1', port: 0, seed: 3, startMs: Date.UTC(2025, 0, 1, 20), config: null, paused: true, chatBacklog: false, allKinds: true });
  ws = new WebSocket(sim.wsUrl);
  ws.on('message', (m) => got.push(JSON.parse(String(m)) as { event: string; data: Record<string, unknown> }));
  await new Promise((r) => ws.once('open', r));
});
afterAll(async () => {
  ws?.close();
  await sim?.close();
});

async function fire(body: unknown): Promise<{ status: number; json: Record<string, any> }> {
  const r = await fetch(`${sim.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as Record<string, any> };
}

async function waitFor(pred: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('an --all-kinds simulator', () => {
  it('sends every TikTok and TikFinity kind fired through POST /api/events to a WebSocket client, each valid, each turned into TLC-style data', async () => {
    const kinds = [...new Set<string>([...EVENT_NAMES, ...TIKTOK_EVENT_NAMES])].filter((k) => k !== 'config');
    for (const k of kinds) expect((await fire({ event: k, user: { random: true } })).status, k).toBe(202);
    await waitFor(() => kinds.every((k) => got.some((f) => f.event === k)));
    for (const k of kinds) {
      const f = got.find((x) => x.event === k)!;
      if ((EVENT_NAMES as readonly string[]).includes(k)) expect(eventSchemas[k as 'chat'].safeParse(f.data).error, k).toBeUndefined();
      else expect(tlcSchemas[k as TiktokEventName].safeParse(f.data).error, k).toBeUndefined();
      const t = toTlcData(f.event, f.data);
      expect(t.ok, `${k}: ${JSON.stringify(t)}`).toBe(true);
    }
  });

  it('applies fired fields to a TLC-style kind and reports allKinds in GET /api/status and GET /api/kinds', async () => {
    expect((await fire({ event: 'superFanBox', data: { envelopeInfo: { diamondCount: 321 } } })).status).toBe(202);
    await waitFor(() => got.some((f) => f.event === 'superFanBox' && (f.data.envelopeInfo as { diamondCount: number }).diamondCount === 321));
    const status = (await (await fetch(`${sim.url}/api/status`)).json()) as { allKinds: boolean; rates: Record<string, number> };
    expect(status.allKinds).toBe(true);
    expect(status.rates.pollMessage).toBeGreaterThan(0);
    const kinds = ((await (await fetch(`${sim.url}/api/kinds`)).json()) as { kinds: { name: string; allKindsOnly?: boolean }[] }).kinds;
    expect(kinds.find((k) => k.name === 'goalUpdate')?.allKindsOnly).toBe(true);
    expect(kinds.find((k) => k.name === 'chat')?.allKindsOnly).toBeUndefined();
    const bad = await fire({ event: 'goalUpdate', data: { contributeCount: 5 } });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'E_BAD_FIELD', field: 'data.contributeCount' } } });
  });
});
