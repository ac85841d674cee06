import { tlcKind, channelIdOf, tlcCommon } from './tlc-kind.ts';

/** linkMessage: a multi-guest change: a guest invited, entered or left (0 by default). */
export const linkMessageKind = tlcKind('linkMessage', 0, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'linkMessage', t), messageType: rng.pick([1, 2, 5, 6]), linkerId: channelIdOf(host), scene: 4, expireTimestamp: '0' };
});
