import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** imDelete: a moderator removed a message (by id) or every message of a viewer. */
export const imDeleteKind = tlcKind('imDelete', 0.002, (host, t, rng, v) => {
  const byUser = rng.chance(0.3);
  return { common: tlcCommon(host, 'imDelete', t), deleteMsgIds: byUser ? [] : [host.msgId(t - rng.int(2_000, 60_000))], deleteUserIds: byUser ? [v.userId] : [] };
});
