import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../server/app.ts';
import type { ApiGift, FireBody } from './api-types.ts';
import { EXAMPLES, TLC_EXAMPLES, TLC_ONLY_KINDS } from './examples.ts';
import { EMOTES, GIFT_PRESETS, LIKE_DEFAULTS, ONE_CLICK, chatBody, emoteAt, giftBody, likeBody } from './presets.ts';

// Every body a panel button sends with its prefilled values, fired at a real simulator: a preset naming a gift the
// catalog does not hold (the "Universe" button once sent "Universe") answers 400 here instead of in front of a user.

let sim: RunningSimulator;
let gifts: ApiGift[] = [];

async function post(body: FireBody | Record<string, unknown>): Promise<{ status: number; json: unknown }> {
  const r = await fetch(`${sim.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() };
}

beforeAll(async () => {
  sim = await startSimulator({ host: '127.0.0.1', port: 0, seed: 1, startMs: Date.UTC(2025, 0, 1, 20), config: null, paused: true, chatBacklog: false });
  gifts = ((await (await fetch(`${sim.url}/api/gifts`)).json()) as { gifts: ApiGift[] }).gifts;
});

afterAll(async () => {
  await sim?.close();
});

describe('the panel’s buttons send bodies the API accepts', () => {
  it.each(GIFT_PRESETS.map((p) => [p.label, p] as const))('gift preset %s', async (_label, p) => {
    const gift = gifts.find((g) => g.name === p.gift);
    expect(gift, `"${p.gift}" is not in GET /api/gifts`).toBeDefined();
    const r = await post(giftBody(p.gift, p.amount, gift!.streakable, { random: true }));
    expect(r).toMatchObject({ status: 202 });
  });

  it.each(ONE_CLICK.map((b) => [b.label, b] as const))('one-click %s', async (_label, b) => {
    expect(await post({ event: b.event, user: { random: true } })).toMatchObject({ status: 202 });
  });

  it('chat with every emote, and the like burst with its prefilled numbers', async () => {
    const emotes = EMOTES.map((n, i) => emoteAt(n, i, sim.url));
    expect(await post(chatBody('hi', emotes, { random: true }))).toMatchObject({ status: 202 });
    expect(await post(likeBody(LIKE_DEFAULTS.likes, LIKE_DEFAULTS.events, { random: true }))).toMatchObject({ status: 202 });
  });

  it.each(Object.keys(EXAMPLES))('the JSON editor’s %s example', async (kind) => {
    expect(await post({ ...EXAMPLES[kind as keyof typeof EXAMPLES], user: { random: true } })).toMatchObject({ status: 202 });
  });
});

describe('the JSON editor’s examples of the other TikTok kinds', () => {
  let all: RunningSimulator;
  beforeAll(async () => {
    all = await startSimulator({ host: '127.0.0.1', port: 0, seed: 1, startMs: Date.UTC(2025, 0, 1, 20), config: null, paused: true, chatBacklog: false, allKinds: true });
  });
  afterAll(async () => {
    await all?.close();
  });

  it.each(TLC_ONLY_KINDS.map((k) => [k]))('%s: accepted by an --all-kinds simulator, refused with E_NEEDS_ALL_KINDS by a default one', async (kind) => {
    const body = JSON.stringify({ ...TLC_EXAMPLES[kind], user: { random: true } });
    const on = await fetch(`${all.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(on.status).toBe(202);
    const off = await post(JSON.parse(body) as Record<string, unknown>);
    expect(off).toMatchObject({ status: 400, json: { error: { code: 'E_NEEDS_ALL_KINDS' } } });
  });
});
