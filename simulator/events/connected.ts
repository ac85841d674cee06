import { tlcKind } from './tlc-kind.ts';

/** connected: the connection to the room is up (a control event: fired only, never generated). */
export const connectedKind = tlcKind('connected', undefined, (host, t, _rng, _v) => {
  return { isConnected: true, isConnecting: false, roomId: host.roomId, roomInfo: null, availableGifts: null };
});
