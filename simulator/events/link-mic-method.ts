import { tlcKind, channelIdOf, tlcCommon } from './tlc-kind.ts';

/** linkMicMethod: a co-host link event: an invite, a join, a leave (0 by default). */
export const linkMicMethodKind = tlcKind('linkMicMethod', 0, (host, t, rng, _v) => {
  const guest = host.hosts.get(1 + (rng.u32() % 7)).userId;
  return { common: tlcCommon(host, 'linkMicMethod', t), messageType: rng.pick([2, 4, 5, 7]), userId: guest, channelId: channelIdOf(host), fanTicket: '0', totalLinkmicFanTicket: '0', toUserId: host.hosts.get(0).userId, fromUserId: guest };
});
