import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** partnershipPunish: a partnership penalty notice (0 by default). */
export const partnershipPunishKind = tlcKind('partnershipPunish', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'partnershipPunish', t), punishInfo: {} };
});
