import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** rankUpdate: the streamer's place in the hourly or weekly ranking changed. */
export const rankUpdateKind = tlcKind('rankUpdate', 0.005, (host, t, rng, _v) => {
  const rank = rng.int(1, 99);
  return { common: tlcCommon(host, 'rankUpdate', t), updates: [{ rankType: rng.chance(0.7) ? 8 : 17, ownRank: String(rank), defaultContent: { key: 'pm_mt_live_rank_hourly', defaultPattern: 'Hourly ranking: No. {0:string}', pieces: [{ type: 1, stringValue: String(rank) }] }, currentScore: String(host.room.diamonds) }], groupType: 1, rankPriority: '1' };
});
