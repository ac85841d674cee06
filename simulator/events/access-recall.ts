import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** accessRecall: a restriction on the LIVE was set or lifted (0 by default). */
export const accessRecallKind = tlcKind('accessRecall', 0, (host, t, rng, _v) => {
  const d = rng.pick([300, 600, 1800]);
  return { common: tlcCommon(host, 'accessRecall', t), status: 1, duration: String(d), endTime: String(Math.floor(t / 1000) + d), scene: 'live' };
});
