import { tlcKind, battleIdOf, tlcCommon } from './tlc-kind.ts';

/** linkMicBattleItemCard: a battle power-up card was obtained or used (in battles only: 0 by default). */
export const linkMicBattleItemCardKind = tlcKind('linkMicBattleItemCard', 0, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'linkMicBattleItemCard', t), battleId: battleIdOf(host, t), msgType: rng.int(1, 4), awardReason: 0 };
});
