import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** boostCard: a LIVE boost card (promotion) was used (0 by default). */
export const boostCardKind = tlcKind('boostCard', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'boostCard', t), cards: [{}] };
});
