import { tlcKind } from './tlc-kind.ts';

/** rawData: a message before decoding, TLC's (type, bytes) as {type, binary} with the bytes base64 (a control event: fired only). */
export const rawDataKind = tlcKind('rawData', undefined, (host, t, _rng, _v) => {
  return { type: 'WebcastChatMessage', binary: 'CgQIARAB' };
});
