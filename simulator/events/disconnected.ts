import { tlcKind } from './tlc-kind.ts';

/** disconnected: the connection closed (a control event: fired only). */
export const disconnectedKind = tlcKind('disconnected', undefined, (host, t, rng, _v) => {
  return rng.chance(0.5) ? { code: 1000, reason: 'stream ended' } : { code: 1006, reason: '' };
});
