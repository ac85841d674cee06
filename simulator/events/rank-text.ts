import { tlcKind, tlcCommon, tlcUser, userPiece } from './tlc-kind.ts';

/** rankText: a ranking text in the chat: a viewer moved up among the top viewers. */
export const rankTextKind = tlcKind('rankText', 0.003, (host, t, rng, v) => {
  const user = tlcUser(v);
  const after = rng.int(1, 3);
  return { common: tlcCommon(host, 'rankText', t), scene: 1, ownerIdxBeforeUpdate: String(after + rng.int(1, 5)), ownerIdxAfterUpdate: String(after), curUserId: v.userId, otherGetBadgeMsg: { key: 'live_rank_text_top_viewer', defaultPattern: '{0:user} is now No. {1:string} top viewer', pieces: [userPiece(user), { type: 1, stringValue: String(after) }] } };
});
