import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** viewerPicksUpdate: viewer picks (viewers choose what comes next) updated (0 by default). */
export const viewerPicksUpdateKind = tlcKind('viewerPicksUpdate', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'viewerPicksUpdate', t), updateType: 1 };
});
