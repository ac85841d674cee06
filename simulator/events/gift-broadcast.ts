import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** giftBroadcast: a big gift in another room, broadcast here as a banner. */
export const giftBroadcastKind = tlcKind('giftBroadcast', 0.003, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'giftBroadcast', t), fromUserId: host.pop.get(host.pop.sample(rng)).userId };
});
