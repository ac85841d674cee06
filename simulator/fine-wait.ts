/**
 * Waiting for a moment less than a few ms away, precisely and cheaply. setTimeout fires up to ~2 ms early or late
 * (libuv keeps loop time in whole ms; measured −1.8…+0.2 ms on the bench machine), so the replay and the generator's
 * pump sleep on a timer until FINE_MS before, then here: Atomics.wait sleeps to ~0.1 ms without burning a core, and
 * the last SPIN_MS are spun. It blocks the event loop for at most FINE_MS and allocates nothing.
 */
import { performance } from 'node:perf_hooks';

/** How close a moment must be for fineWait (ms); farther ones are slept on a timer first. */
export const FINE_MS = 2;
const SPIN_MS = 0.15;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks until `now() >= due` (at most FINE_MS of real time, so a clock that stands still cannot hang the loop). */
export function fineWait(now: () => number, due: number): void {
  const left = due - now();
  if (left > SPIN_MS) Atomics.wait(sleeper, 0, 0, Math.min(left, FINE_MS) - SPIN_MS);
  const stop = performance.now() + FINE_MS;
  while (now() < due && performance.now() < stop) {
    /* the last fraction of a ms */
  }
}
