import { tlcKind, battleIdOf, tlcCommon } from './tlc-kind.ts';

/** linkMicBattleTask: a battle task (bonus mission) progressed (in battles only: 0 by default). */
export const linkMicBattleTaskKind = tlcKind('linkMicBattleTask', 0, (host, t, rng, v) => {
  return { common: tlcCommon(host, 'linkMicBattleTask', t), taskMessageType: 2, battleId: battleIdOf(host, t), taskUpdate: { progress: String(rng.int(1, 100)), fromUserId: v.userId, promptKey: 'pm_mt_battle_task_progress' } };
});
