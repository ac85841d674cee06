import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** partnershipGameOffline: a partnership game went offline (0 by default). */
export const partnershipGameOfflineKind = tlcKind('partnershipGameOffline', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'partnershipGameOffline', t), offlineGameList: [] };
});
