import { tlcKind, battleIdOf, channelIdOf, tlcCommon } from './tlc-kind.ts';

/** linkMicBattlePunishFinish: a battle's forfeit phase is over (after a battle: 0 by default). */
export const linkMicBattlePunishFinishKind = tlcKind('linkMicBattlePunishFinish', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'linkMicBattlePunishFinish', t), channelId: channelIdOf(host), opUid: host.hosts.get(0).userId, reason: 1, battleId: battleIdOf(host, t) };
});
