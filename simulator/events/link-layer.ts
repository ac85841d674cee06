import { tlcKind, channelIdOf, tlcCommon } from './tlc-kind.ts';

/** linkLayer: a co-host layer change: a channel created, an invite, a list change (0 by default). */
export const linkLayerKind = tlcKind('linkLayer', 0, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'linkLayer', t), messageType: rng.int(1, 3), channelId: channelIdOf(host), scene: 2, source: '', rtcRoomId: '0' };
});
