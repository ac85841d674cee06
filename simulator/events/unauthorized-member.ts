import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** unauthorizedMember: a viewer who is not logged in joined (no user block, a masked nickname). */
export const unauthorizedMemberKind = tlcKind('unauthorizedMember', 0.02, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'unauthorizedMember', t), action: 1, nickName: 'Viewer', enterText: { key: 'live_room_enter_toast', defaultPattern: '{0:string} joined', pieces: [{ type: 1, stringValue: 'Viewer' }] } };
});
