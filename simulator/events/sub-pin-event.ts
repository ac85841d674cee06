import { tlcKind, tlcCommon } from './tlc-kind.ts';

/** subPinEvent: a subscriber-only pin card was shown or hidden (0 by default). */
export const subPinEventKind = tlcKind('subPinEvent', 0, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'subPinEvent', t), actionType: 1, operatorUserId: host.hosts.get(0).userId };
});
