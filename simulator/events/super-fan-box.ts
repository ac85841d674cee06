import { tlcKind, tlcCommon, tlcHost } from './tlc-kind.ts';

/** superFanBox: the streamer sent a super-fan chest (an envelope of businessType 5); TLC emits envelope too. */
export const superFanBoxKind = tlcKind('superFanBox', 0.0002, (host, t, rng, _v) => {
  const s = host.hosts.get(0);
  const h = tlcHost(host);
  return { common: tlcCommon(host, 'superFanBox', t, { key: 'ttlive_superfanbox', pattern: '{0:user} sent a Super Fan Box', user: h }), envelopeInfo: { envelopeId: host.msgId(t), businessType: 5, sendUserName: s.nickname, diamondCount: rng.pick([50, 100, 200]), peopleCount: rng.int(5, 30), unpackAt: Math.floor(t / 1000) + rng.int(60, 180), sendUserId: s.userId, sendUserAvatar: h.avatarThumb, createAt: String(Math.floor(t / 1000)), superFanCount: rng.int(5, 40) }, display: 1 };
});
