import { tlcKind, tlcCommon, tlcHost, tlcUser } from './tlc-kind.ts';

/** roomPin: the streamer pinned a viewer's chat message (action 1) for 60 s. */
export const roomPinKind = tlcKind('roomPin', 0.0008, (host, t, rng, v) => {
  const user = tlcUser(v);
  const at = t - rng.int(1_000, 30_000);
  const pinned = host.msgId(at);
  return { common: tlcCommon(host, 'roomPin', t), chatMessage: { common: { ...tlcCommon(host, 'chat', at), msgId: pinned }, user, content: rng.pick(host.pools.comments) }, method: 'WebcastChatMessage', pinTime: String(Math.floor(t / 1000)), operator: tlcHost(host), action: 1, displayDuration: '60', pinMsgId: pinned };
});
