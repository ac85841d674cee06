/** Fault injection shared by the control API's fault routes and the programmatic API's `faults`. */
import type { ApiError, Result } from '../errors.ts';
import type { SimState } from './state.ts';

/** What `malformed` sends when no text is given: a gift frame cut off mid-way. */
export const DEFAULT_MALFORMED = '{"event":"gift","data":{"giftId":5655,"repeatCount":';

/** Sends a broken frame to every client, counted as malformed. */
export function sendMalformed(state: SimState, text = DEFAULT_MALFORMED): void {
  state.sent.malformed++;
  state.broadcast({ event: '(malformed)', text });
}

/** Fires `count` events at the same instant (fire() takes at most 1000 a call); the frames scheduled. */
export function fireBurst(state: SimState, event: string, count: number): Result<number, ApiError> {
  let scheduled = 0;
  for (let left = count; left > 0; left -= 1000) {
    const r = state.engine.fire({ event, count: Math.min(1000, left) }, state.pump.now());
    if (!r.ok) return r;
    scheduled += r.value.scheduled;
  }
  state.pump.poke();
  return { ok: true, value: scheduled };
}
