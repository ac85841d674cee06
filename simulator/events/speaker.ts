import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** speaker: the active speaker changed in a multi-guest LIVE (only its header; 0 by default). */
export const speakerKind = tlcKind('speaker', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'speaker', t) };
});
