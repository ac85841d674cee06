import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../server/app.ts';
import { startSim } from '../../test/faults/sim-cases.ts';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim({ paused: true });
});
afterAll(() => sim.close());

async function api(method: string, path: string, body?: unknown, raw?: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(sim.url + path, { method, headers: { 'content-type': 'application/json' }, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('errors match README\'s table', () => {
  it('a number out of range is E_OUT_OF_RANGE with the range and the value, not zod\'s wording under E_BAD_FIELD', async () => {
    const burst = await api('POST', '/api/faults/burst', { count: 20000 });
    expect(burst).toEqual({ status: 400, body: { error: { code: 'E_OUT_OF_RANGE', message: 'count must be at most 10000, got 20000', field: 'count' } } });
    const stall = await api('POST', '/api/faults/stall', { seconds: -1 });
    expect(stall.body.error).toMatchObject({ code: 'E_OUT_OF_RANGE', field: 'seconds' });
    expect(stall.body.error.message).toMatch(/^seconds must be (at least|above) 0, got -1$/);
    const fire = await api('POST', '/api/events', { event: 'gift', count: 5000 });
    expect(fire.body.error).toEqual({ code: 'E_OUT_OF_RANGE', message: 'count must be between 1 and 1000, got 5000', field: 'count' });
    const user = await api('POST', '/api/events', { event: 'chat', user: { gifterLevel: 99 } });
    expect(user.body.error).toEqual({ code: 'E_OUT_OF_RANGE', message: 'user.gifterLevel must be at most 50, got 99', field: 'user.gifterLevel' });
  });

  it('an empty body is E_BAD_BODY; a body that is not an object too; an unknown field is E_UNKNOWN_FIELD', async () => {
    expect((await api('POST', '/api/events', undefined, '')).body.error.code).toBe('E_BAD_BODY');
    expect((await api('PUT', '/api/generation', undefined, '')).body.error.code).toBe('E_BAD_BODY');
    expect((await api('PUT', '/api/generation', [1])).body.error.code).toBe('E_BAD_BODY');
    expect((await api('PUT', '/api/generation', { paused: true, speed: 2 })).body.error).toMatchObject({ code: 'E_UNKNOWN_FIELD', field: 'speed' });
  });

  it('suggestions only when near: no empty choices for an unknown viewer, no string-distance guess for a numeric gift id', async () => {
    const who = await api('POST', '/api/events', { event: 'chat', user: { uniqueId: 'zzzzzzzzqqq' } });
    expect(who.body.error.code).toBe('E_UNKNOWN_USER');
    expect('choices' in who.body.error).toBe(false);
    const id = await api('POST', '/api/events', { event: 'gift', data: { giftId: 999999 } });
    expect(id.body.error).toEqual({ code: 'E_UNKNOWN_GIFT', message: 'unknown gift id 999999; GET /api/gifts lists the catalog', field: 'data.giftId' });
    const lon = await api('POST', '/api/events', { event: 'gift', data: { giftName: 'Lon' } });
    expect(lon.body.error.choices[0]).toBe('Lion');
    const far = await api('POST', '/api/events', { event: 'gift', data: { giftName: 'Qwxzzy' } });
    expect(far.body.error.message).toBe('unknown gift "Qwxzzy"; GET /api/gifts lists the catalog');
  });
});

describe('a new seed restarts generation as it is set now', () => {
  it('keeps the paused state, the rates and the scenario', async () => {
    await api('PUT', '/api/rates', { chat: 7, gift: 0.4 });
    await api('PUT', '/api/scenario', { name: 'busy' });
    const r = await api('PUT', '/api/generation', { seed: 9 });
    expect(r.body).toEqual({ seed: 9, paused: true });
    const after = await api('GET', '/api/status');
    expect(after.body).toMatchObject({ seed: 9, paused: true, scenario: { name: 'busy' } });
    await api('PUT', '/api/scenario', null);
    expect((await api('GET', '/api/rates')).body.rates).toMatchObject({ chat: 7, gift: 0.4 });
  });

  it('PUT /api/rates while a scenario runs says the scenario steers them', async () => {
    await api('PUT', '/api/scenario', { name: 'hype' });
    const r = await api('PUT', '/api/rates', { chat: 3 });
    expect(r.body).toMatchObject({ rates: { chat: 3 }, scenario: 'hype' });
    expect(r.body.note).toMatch(/scenario "hype" is running: its phase rates apply/);
    await api('PUT', '/api/scenario', null);
    expect('note' in (await api('PUT', '/api/rates', { chat: 3 })).body).toBe(false);
  });
});

describe('a scenario\'s spikes are checked as POST /api/events bodies when it loads', () => {
  it('an unknown gift in a spike is refused with the field path and the suggestion', async () => {
    const r = await api('PUT', '/api/scenario', { name: 'x', phases: [{ name: 'a', durationS: 5 }, { name: 'b', durationS: 5, spikes: [{ atS: 1, event: 'gift', data: { giftName: 'Lon' } }] }] });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'E_UNKNOWN_GIFT', field: 'scenario.phases[1].spikes[0].data.giftName' });
    expect(r.body.error.choices[0]).toBe('Lion');
    expect(r.body.error.message).toBe('scenario.phases[1].spikes[0]: unknown gift "Lon"; did you mean "Lion"?');
    const like = await api('PUT', '/api/scenario', { name: 'x', phases: [{ name: 'a', durationS: 5, spikes: [{ atS: 1, event: 'like', data: { likeCount: 40 } }] }] });
    expect(like.body.error).toMatchObject({ code: 'E_OUT_OF_RANGE', field: 'scenario.phases[0].spikes[0].data.likeCount' });
  });
});
