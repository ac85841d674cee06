import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** giftDynamicRestriction: some gifts were restricted for this LIVE (0 by default). */
export const giftDynamicRestrictionKind = tlcKind('giftDynamicRestriction', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'giftDynamicRestriction', t), dynamicRestriction: {} };
});
