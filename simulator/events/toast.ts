import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** toast: a short toast on screen. */
export const toastKind = tlcKind('toast', 0.001, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'toast', t), displayDurationMillisecond: '3000', delayDisplayDurationMillisecond: '0', scene: '' };
});
