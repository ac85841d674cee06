/**
 * The receivers against real sources: a tiksim server over a real WebSocket (fired events, a dropped connection, a
 * malformed frame), the engine in-process on a manual clock, and the bundled recordings through the recorder's reader.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../testing/simulator.ts';
import { manualClock } from '../simulator/clock.ts';
import type { Received, Receiver, ReceiverState } from './receiver.ts';
import { TikfinityReceiver } from './tikfinity.ts';
import { SimulateReceiver } from './simulate.ts';
import { ReplayReceiver } from './replay.ts';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function watch(r: Receiver) {
  const events: Received[] = [];
  const states: ReceiverState[] = [];
  r.onEvent((e) => events.push(e));
  r.onState((s) => states.push(s.state));
  cleanup.push(() => r.stop());
  const until = async (pred: () => boolean, what: string, ms = 8000) => {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; state ${r.status().state}, events ${events.map((e) => e.kind).join(',')}`);
      await new Promise((res) => setTimeout(res, 5));
    }
  };
  return { events, states, until, kinds: () => events.map((e) => e.kind) };
}

async function sim(): Promise<Simulator> {
  const s = await startSimulator({ seed: 7, paused: true, chatBacklog: false });
  cleanup.push(() => s.close());
  return s;
}

describe('TikFinity socket receiver', () => {
  it('hands on fired events as TLC-style data, reports a drop, reconnects and goes on', async () => {
    const s = await sim();
    const r = new TikfinityReceiver({ url: s.wsUrl, backoff: { initial: 20, max: 40 }, rng: () => 0 });
    const w = watch(r);
    r.start();
    await w.until(() => r.status().state === 'connected', 'connected');
    await s.fire({ event: 'chat', data: { comment: 'hello relay' } });
    await w.until(() => w.kinds().includes('chat'), 'a chat');
    const chat = w.events.find((e) => e.kind === 'chat')!;
    expect(chat).toMatchObject({ platform: 'tiktok', receiver: 'tikfinity', data: { content: 'hello relay', user: { displayId: expect.any(String) } } });
    expect(chat.raw).toMatch(/^\{"event":"chat"/);
    // TikFinity's own config frame is not handed on.
    expect(w.kinds()).not.toContain('config');

    s.faults.disconnect();
    await w.until(() => w.kinds().includes('disconnected'), 'disconnected');
    await w.until(() => w.kinds().filter((k) => k === 'connected').length === 2, 'a second connected');
    expect(w.states).toContain('reconnecting');
    s.faults.malformed();
    await w.until(() => w.kinds().includes('error'), 'an error event for the malformed frame');
    expect(w.events.find((e) => e.kind === 'error')!.data).toMatchObject({ info: expect.stringMatching(/could not be read/) });
    await s.fire({ event: 'gift', data: { giftName: 'Rose' } });
    await w.until(() => w.kinds().includes('gift'), 'a gift after the reconnect');
    expect(r.status()).toMatchObject({ state: 'connected', attempts: 0 });
    await r.stop();
    expect(r.status().state).toBe('stopped');
  });

  it('keeps retrying a socket that is not there, with the error in its status, and refuses a URL that is not ws://', async () => {
    const r = new TikfinityReceiver({ url: 'ws://127.0.0.1:1/', backoff: { initial: 10, max: 20 }, rng: () => 0 });
    const w = watch(r);
    r.start();
    await w.until(() => r.status().attempts >= 3, 'three attempts');
    expect(r.status()).toMatchObject({ state: 'reconnecting', lastError: expect.stringMatching(/cannot connect to ws:\/\/127\.0\.0\.1:1\/.*ECONNREFUSED/) });

    const bad = new TikfinityReceiver({ url: 'http://127.0.0.1:21213/?token=hunter2' });
    const wb = watch(bad);
    bad.start();
    await wb.until(() => bad.status().state === 'failed', 'failed');
    expect(bad.status().lastError).toMatch(/not a ws:\/\/ or wss:\/\/ URL/);
    expect(JSON.stringify(bad.status())).not.toContain('hunter2');
  });
});

describe('simulate receiver', () => {
  it('is seeded and on its clock: the same seed gives the same events, stamped with virtual time', async () => {
    const run = async () => {
      const clock = manualClock(0);
      const r = new SimulateReceiver({ seed: 42, population: 200, startMs: Date.UTC(2025, 0, 1, 20), clock, tickMs: 1 });
      const w = watch(r);
      r.start();
      await w.until(() => r.status().state === 'connected', 'connected');
      for (let i = 0; i < 30; i++) {
        clock.advance(100);
        await new Promise((res) => setTimeout(res, 3));
      }
      await r.stop();
      return w.events.map((e) => [e.kind, e.at, e.raw ?? '']);
    };
    const a = await run();
    const b = await run();
    expect(a.length).toBeGreaterThan(5);
    expect(a).toEqual(b);
    expect(a[0]![0]).toBe('connected');
    const last = a.at(-1)!;
    expect(last[1]).toBeLessThanOrEqual(Date.UTC(2025, 0, 1, 20) + 3000);
    expect(new Set(a.map((x) => x[0]))).toContain('chat');
  });
});

describe('replay receiver', () => {
  it('hands on every frame of a recording but config, then stops', async () => {
    const r = new ReplayReceiver({ path: join(import.meta.dirname, '../recordings/quiet'), instant: true });
    const w = watch(r);
    r.start();
    await w.until(() => r.status().state === 'stopped', 'the end');
    const frames = w.events.filter((e) => e.raw);
    // quiet holds 111 frames, one of them the config frame.
    expect(frames).toHaveLength(110);
    expect(frames[0]!.at).toBeGreaterThan(1795333177674);
  });

  it('fails on a folder that holds no recording, with the reader\'s message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiksim-rr-'));
    writeFileSync(join(dir, 'events.jsonl'), 'not a header\n');
    const r = new ReplayReceiver({ path: dir });
    const w = watch(r);
    r.start();
    await w.until(() => r.status().state === 'failed', 'failed');
    expect(r.status().lastError).toMatch(/header/);
  });
});
