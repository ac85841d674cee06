import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** System texts seen at the top of a LIVE's chat. */
const SYSTEM_TEXTS = [
  'Welcome to TikTok LIVE! Have fun interacting with others in real time. Creators must be 18 or older to go LIVE.',
  'Viewers who send gifts can appear on the leaderboard.',
  'Be kind and respectful to others. Inappropriate content may be removed.',
] as const;

/** system: a system notice in the chat (TikTok's welcome and safety texts). */
export const systemKind = tlcKind('system', 0.0005, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'system', t), message: rng.pick(SYSTEM_TEXTS) };
});
