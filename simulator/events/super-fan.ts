import { tlcKind, tlcCommon, tlcUser, userPiece } from './tlc-kind.ts';

/** superFan: a super-fan notice (a super fan levelled up); TLC emits it from a barrage, which it emits too. */
export const superFanKind = tlcKind('superFan', 0.001, (host, t, rng, v) => {
  const user = tlcUser(v);
  const level = rng.int(2, 5);
  return { common: tlcCommon(host, 'superFan', t), msgType: 20, content: { key: 'ttlive_superfan_commentnotif_levelup', defaultPattern: '{0:user} is now a Super Fan level {1:string}', pieces: [userPiece(user), { type: 1, stringValue: String(level) }] }, duration: '3000', user, scene: '' };
});
