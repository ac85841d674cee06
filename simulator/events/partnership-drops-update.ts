import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** partnershipDropsUpdate: a partnership drops campaign changed (0 by default). */
export const partnershipDropsUpdateKind = tlcKind('partnershipDropsUpdate', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'partnershipDropsUpdate', t), changeMode: 1, dropsId: host.msgId(t), taskId: '1' };
});
