import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** perception: a content-warning dialog to viewers (0 by default). */
export const perceptionKind = tlcKind('perception', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'perception', t), endTime: Math.floor(t / 1000) + 600, showViolationWarning: false, floatStyle: 0 };
});
