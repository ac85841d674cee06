import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** gameRankNotify: a gaming-LIVE ranking notice (gaming LIVEs only: 0 by default). */
export const gameRankNotifyKind = tlcKind('gameRankNotify', 0, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'gameRankNotify', t), msgType: 1, notifyText: { key: 'live_game_rank', defaultPattern: 'Top {0:string} in Gaming', pieces: [{ type: 1, stringValue: String(rng.int(1, 50)) }] } };
});
