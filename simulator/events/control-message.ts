import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** controlMessage: room control: the streamer paused (action 1) or resumed (2) the LIVE; 3/4 end it (fire streamEnd for that). */
export const controlMessageKind = tlcKind('controlMessage', 0, (host, t, rng, _v) => {
  const action = rng.chance(0.5) ? 1 : 2;
  return { common: tlcCommon(host, 'controlMessage', t), action, tips: action === 1 ? 'The LIVE is paused' : '', floatStyle: 0 };
});
