import { channelIdOf, tlcCommon, tlcKind } from './tlc-kind.ts';

/** linkMicLayoutState: the multi-guest layout changed (0 by default). */
export const linkMicLayoutStateKind = tlcKind('linkMicLayoutState', 0, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'linkMicLayoutState', t), channelId: channelIdOf(host), scene: 2, version: String(rng.int(1, 50)) };
});
