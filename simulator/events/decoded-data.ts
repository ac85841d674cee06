import { tlcKind } from './tlc-kind.ts';

/** decodedData: a decoded message of any type, TLC's (type, event, bytes) as {type, data, binary} (a control event: fired only). */
export const decodedDataKind = tlcKind('decodedData', undefined, (host, t, rng, _v) => {
  return { type: 'WebcastChatMessage', data: { content: rng.pick(host.pools.comments) }, binary: 'CgQIARAB' };
});
