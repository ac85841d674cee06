import { channelIdOf, tlcCommon, tlcKind } from './tlc-kind.ts';

/** linkState: the co-host link state changed (0 by default). */
export const linkStateKind = tlcKind('linkState', 0, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'linkState', t), channelId: channelIdOf(host), scene: 2, version: String(rng.int(1, 50)) };
});
