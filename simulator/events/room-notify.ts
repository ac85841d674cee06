import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** roomNotify: a room notification (the streamer placed in a ranking, a big gift elsewhere). */
export const roomNotifyKind = tlcKind('roomNotify', 0.002, (host, t, rng, _v) => {
  return { common: tlcCommon(host, 'roomNotify', t), notifyType: '1', content: `${host.hosts.get(0).nickname} is No. ${rng.int(1, 20)} in the hourly ranking`, schema: '', fromUserId: host.hosts.get(0).userId };
});
