/** The recorders' reconnect backoff: the one formula, in protocol/backoff.ts (the overlay's socket uses it too). */
export { backoffDelay, type Backoff } from '../protocol/backoff.ts';

/** A wait in words: 40 ms, 10 s. */
export function fmtWait(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}
