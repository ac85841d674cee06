import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { Pump } from './pump.ts';

/** An engine stand-in with frames due at given virtual times (ms after `start`). */
function schedule(start: number, dues: number[]) {
  let i = 0;
  return {
    nextDueMs: () => (i < dues.length ? start + dues[i]! : Infinity),
    advance: (now: number, emit: (f: { event: string; text: string }) => void) => {
      while (i < dues.length && start + dues[i]! <= now) emit({ event: 'chat', text: String(i++) });
    },
  };
}

describe('pump', () => {
  it('never sends a frame before it is due (sparse frames are waited for finely)', async () => {
    const start = 1_000_000;
    const dues = Array.from({ length: 40 }, (_, k) => 20 + k * 2.37);
    const sent: number[] = [];
    let ticks = 0;
    let t0 = 0;
    const pump = new Pump(schedule(start, dues), start, () => sent.push(performance.now() - t0), 20, (fn) => {
      ticks++;
      fn();
    });
    t0 = performance.now();
    pump.start();
    while (sent.length < dues.length) await new Promise((r) => setTimeout(r, 5));
    pump.stop();
    // The pump's clock starts when it is made, a hair before t0: a frame may look up to that hair early, never more.
    for (const [k, at] of sent.entries()) expect(at).toBeGreaterThanOrEqual(dues[k]! - 0.05);
    // Every frame went out inside a tick of its own or with a late neighbour, in order.
    expect(ticks).toBeGreaterThan(0);
  });

  it('sends a dense stream a timer tick at a time, many frames per corked batch', async () => {
    const start = 5_000;
    const dues = Array.from({ length: 2000 }, (_, k) => 5 + k * 0.01);
    let n = 0;
    let batches = 0;
    const pump = new Pump(schedule(start, dues), start, () => void n++, 20, (fn) => {
      const before = n;
      fn();
      if (n > before) batches++;
    });
    pump.start();
    while (n < dues.length) await new Promise((r) => setTimeout(r, 5));
    pump.stop();
    // 20 ms of frames 0.01 ms apart: one batch per timer tick (~1 ms), never one per frame.
    expect(batches).toBeLessThan(200);
  });
});
