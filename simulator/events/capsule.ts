import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** capsule: a small call-to-action bubble (follow, share). */
export const capsuleKind = tlcKind('capsule', 0.002, (host, t, rng, _v) => {
  const follow = rng.chance(0.6);
  return { common: tlcCommon(host, 'capsule', t), desc: { key: follow ? 'live_capsule_follow' : 'live_capsule_share', defaultPattern: follow ? 'Follow to get notified' : 'Share this LIVE with friends', pieces: [] }, type: 1, scene: follow ? 'follow' : 'share' };
});
