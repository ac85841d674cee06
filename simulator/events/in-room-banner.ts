import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** inRoomBanner: an in-room banner was updated (the message carries only its header). */
export const inRoomBannerKind = tlcKind('inRoomBanner', 0.002, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'inRoomBanner', t) };
});
