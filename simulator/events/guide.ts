import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** guide: a guide prompt: try this gift, follow the creator. */
export const guideKind = tlcKind('guide', 0.002, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'guide', t), guideType: String(rng.int(1, 3)), giftId: '5655', description: rng.pick(['Send a Rose to show support', 'Follow the creator']), duration: '5000', scene: 'gift' };
});
