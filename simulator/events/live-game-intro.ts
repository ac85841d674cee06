import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** liveGameIntro: the game played on a gaming LIVE (0 by default). */
export const liveGameIntroKind = tlcKind('liveGameIntro', 0, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'liveGameIntro', t), content: { key: 'live_game_intro', defaultPattern: 'Playing {0:string}', pieces: [{ type: 1, stringValue: rng.pick(['Minecraft', 'Fortnite', 'Roblox', 'EA FC']) }] }, hasRankInfo: false };
});
