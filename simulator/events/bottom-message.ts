import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** bottomMessage: a tip at the bottom of the screen. */
export const bottomMessageKind = tlcKind('bottomMessage', 0.001, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'bottomMessage', t), content: rng.pick(['Tap the gift box to support the creator', 'Follow the creator to get notified of their next LIVE']), showType: 1, duration: '5000' };
});
