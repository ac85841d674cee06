import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** roomMessage: a room notice in the chat (the guidelines reminder, the streamer's announcement). */
export const roomMessageKind = tlcKind('roomMessage', 0.001, (host, t, rng, _v) => {
  const welcome = rng.chance(0.5);
  return { common: tlcCommon(host, 'roomMessage', t), content: welcome ? 'Welcome to the LIVE! Be kind in the chat and follow the Community Guidelines.' : rng.pick(host.pools.intros), source: welcome ? 1 : 0, scene: '', isWelcome: welcome };
});
