import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** hourlyRank: hourly-rank winners are announced (the streamer among them now and then). */
export const hourlyRankKind = tlcKind('hourlyRank', 0.0003, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'hourlyRank', t), winners: [{ userId: host.hosts.get(rng.chance(0.3) ? 0 : 1 + (rng.u32() % 7)).userId, assetId: String(rng.int(1, 3)) }] };
});
