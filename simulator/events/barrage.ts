import { tlcKind, tlcCommon, tlcUser, userPiece } from './tlc-kind.ts';

/** barrage: a banner for a high-level viewer entering (most real barrages are grade or fan-club entrances). */
export const barrageKind = tlcKind('barrage', 0.01, (host, t, rng, v) => {
  const user = tlcUser(v);
  const fan = v.teamMemberLevel > 0 && rng.chance(0.5);
  const key = fan ? 'ttlive_barrage_fansclub_entrance' : 'ttlive_barrage_grade_entrance';
  return { common: tlcCommon(host, 'barrage', t), msgType: fan ? 11 : 6, content: { key, defaultPattern: '{0:user} has entered', pieces: [userPiece(user)] }, duration: '3000', displayConfig: 1, user, scene: '' };
});
