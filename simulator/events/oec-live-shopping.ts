import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** oecLiveShopping: a LIVE-shopping product card was pinned or updated (shopping LIVEs only: 0 by default). */
export const oecLiveShoppingKind = tlcKind('oecLiveShopping', 0, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'oecLiveShopping', t), actionType: rng.int(1, 3), liveProductNumber: rng.int(1, 12), cardType: 1 };
});
