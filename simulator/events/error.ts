import { tlcKind } from './tlc-kind.ts';

/** error: a connection or decoding error (a control event: fired only). */
export const errorKind = tlcKind('error', undefined, (host, t, _rng, _v) => {
  return { info: 'Websocket message decoding failed', exception: 'invalid wire type 7 at offset 12' };
});
