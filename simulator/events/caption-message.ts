import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** captionMessage: live captions of the streamer's speech (only when the streamer turned captions on: 0 by default). */
export const captionMessageKind = tlcKind('captionMessage', 0, (host, t, rng, _v) => {
  const dur = rng.int(900, 4000);
  return { common: tlcCommon(host, 'captionMessage', t), timestampMs: String(t - dur), durationMs: String(dur), content: [{ lang: 'en', content: rng.pick(host.pools.comments) }], sentenceId: String(rng.int(1, 5000)), sequenceId: String(rng.int(1, 20)), definite: rng.chance(0.7) };
});
