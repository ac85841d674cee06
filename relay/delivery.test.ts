import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deliverer } from './delivery.ts';
import { generateSecret } from './sign.ts';
import { Store } from './store.ts';
import { startTestReceiver, type TestReceiver } from './test-helpers.ts';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function setup(opts: { cap?: number; timeoutMs?: number } = {}) {
  const store = new Store(join(mkdtempSync(join(tmpdir(), 'tiksim-deliv-')), 'relay.db'), { outboxCap: opts.cap ?? 1000, now: Date.now });
  const logs: string[] = [];
  const d = new Deliverer({ store, now: Date.now, retryScale: 0.001, timeoutMs: opts.timeoutMs ?? 2000, rng: () => 0.5, userAgent: 'tiksim-relay/test', log: (_l, m) => logs.push(m) });
  open.push({ close: () => d.stop().then(() => store.close()) });
  let n = 0;
  const add = async (url: string, secret = generateSecret()) => {
    const id = `wh${++n}`;
    store.addWebhook({ id, url, name: `hook ${n}`, secret, types: null });
    await d.sync();
    return id;
  };
  const emit = (i: number) => d.wake(store.accept({ id: `evt-${i}`, type: 'chat', at: i, envelope: `{"type":"chat","data":{"n":${i}},"timestamp":"2025-01-01T00:00:00.000Z","id":"evt-${i}"}` }).queued);
  return { store, d, add, emit, logs };
}

async function receiver(secret: string | null): Promise<TestReceiver> {
  const r = await startTestReceiver(secret);
  open.push(r);
  return r;
}

describe('delivery workers against a real node:http receiver', () => {
  it('delivers every event in order, signed so that standardwebhooks verifies each, in the documented body', async () => {
    const secret = generateSecret();
    const r = await receiver(secret);
    const { add, emit, store } = await setup();
    const id = await add(r.url, secret);
    for (let i = 1; i <= 50; i++) emit(i);
    await r.until((g) => g.length === 50, '50 deliveries');
    expect(r.got.every((g) => g.verified)).toBe(true);
    expect(r.got.map((g) => g.id)).toEqual(Array.from({ length: 50 }, (_, i) => `evt-${i + 1}`));
    expect(JSON.parse(r.got[0]!.body)).toEqual({
      event: { type: 'chat', data: { n: 1 }, timestamp: '2025-01-01T00:00:00.000Z', id: 'evt-1' },
      webhook: { id, url: r.url, name: 'hook 1' },
    });
    await r.until(() => store.pendingOf(id) === 0, 'outbox drained');
  });

  it('records each answer before the next request goes out, so a crash can repeat at most the one in flight', async () => {
    const r = await receiver(null);
    const { add, emit, store } = await setup();
    const id = await add(r.url);
    // At the moment request n is made, deliveries 1..n-1 must already be in the database as delivered.
    const unrecorded: number[] = [];
    const real = http.request;
    const spy = vi.spyOn(http, 'request').mockImplementation(((...args: Parameters<typeof http.request>) => {
      const done = store.deliveries(id, 100).filter((d) => d.state === 'delivered').length;
      unrecorded.push(unrecorded.length - done);
      return real(...args);
    }) as typeof http.request);
    try {
      for (let i = 1; i <= 40; i++) emit(i);
      await r.until((g) => g.length === 40, '40 deliveries');
    } finally {
      spy.mockRestore();
    }
    expect(unrecorded).toEqual(Array(40).fill(0));
  });

  it('retries 500s and a 429 (waiting its Retry-After), then delivers; other 4xx fail at once', async () => {
    const r = await receiver(null);
    r.answer = (_g, n) => (n <= 2 ? { status: 500 } : n === 3 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 });
    const { add, emit, store } = await setup();
    const id = await add(r.url);
    emit(1);
    await r.until((g) => g.length === 4, 'four attempts');
    expect(r.got.map((g) => g.id)).toEqual(['evt-1', 'evt-1', 'evt-1', 'evt-1']);
    // The schedule at scale 0.001 is 5 ms then 300 ms; the 429 asked for 1 s.
    expect(r.got[3]!.at - r.got[2]!.at).toBeGreaterThanOrEqual(990);
    await r.until(() => store.deliveries(id, 1)[0]?.state === 'delivered', 'delivered');
    expect(store.deliveries(id, 1)[0]).toMatchObject({ attempts: 4, lastStatus: 200 });

    r.answer = () => ({ status: 400 });
    emit(2);
    await r.until(() => store.deliveries(id, 1)[0]?.state === 'failed', 'failed');
    expect(store.deliveries(id, 1)[0]).toMatchObject({ eventId: 'evt-2', attempts: 1, lastStatus: 400 });
  });

  it('stops on 410: the endpoint is disabled and gets nothing more', async () => {
    const r = await receiver(null);
    r.answer = () => ({ status: 410 });
    const { add, emit, store, logs } = await setup();
    const id = await add(r.url);
    emit(1);
    emit(2);
    await r.until(() => store.webhook(id)?.disabledAt !== null, 'disabled');
    emit(3);
    await new Promise((res) => setTimeout(res, 100));
    expect(r.got.map((g) => g.id)).toEqual(['evt-1']);
    expect(store.deliveries(id, 5).map((d) => d.state)).toEqual(['failed', 'failed']);
    expect(logs.join('\n')).toMatch(/410 Gone: disabled/);
  });

  it('does not follow a redirect, and times out a receiver that does not answer', async () => {
    const r = await receiver(null);
    r.answer = (_g, n) => (n === 1 ? { status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } } : n === 2 ? { status: 200, delayMs: 1500 } : { status: 200 });
    const { add, emit, store } = await setup({ timeoutMs: 300 });
    const id = await add(r.url);
    emit(1);
    await r.until((g) => g.length === 3, 'three attempts');
    await r.until(() => store.deliveries(id, 1)[0]?.state === 'delivered', 'delivered');
    expect(r.got.every((g) => g.path === '/hook')).toBe(true);
  });

  it('a dead endpoint does not hold up a live one', async () => {
    const live = await receiver(null);
    const { add, emit, store } = await setup();
    const dead = await add('http://127.0.0.1:1/nothing-listens-here');
    await add(live.url);
    for (let i = 1; i <= 20; i++) emit(i);
    await live.until((g) => g.length === 20, 'the live endpoint got all 20');
    expect(store.pendingOf(dead)).toBe(20);
    expect(store.outbox(dead, 1)[0]!.attempts).toBeGreaterThanOrEqual(1);
  });
});
