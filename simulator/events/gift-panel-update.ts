import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** giftPanelUpdate: the gift panel changed (a gallery or new gifts). */
export const giftPanelUpdateKind = tlcKind('giftPanelUpdate', 0.0005, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'giftPanelUpdate', t), roomId: host.roomId, timestamp: String(Math.floor(t / 1000)) };
});
