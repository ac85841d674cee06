import { tlcKind, tlcCommon, tlcUser, userPiece } from './tlc-kind.ts';

/** superFanJoin: a viewer became a super fan; TLC emits it from a barrage, which it emits too. */
export const superFanJoinKind = tlcKind('superFanJoin', 0.0005, (host, t, _rng, v) => {
  const user = tlcUser(v);
  return { common: tlcCommon(host, 'superFanJoin', t), msgType: 20, content: { key: 'ttlive_superfan_commentnotif_superfanjoined', defaultPattern: '{0:user} became a Super Fan!', pieces: [userPiece(user)] }, duration: '3000', user, scene: '' };
});
