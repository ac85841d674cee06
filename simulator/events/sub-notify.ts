import { tlcKind, tlcCommon, tlcUser } from './tlc-kind.ts';

/** subNotify: a subscription under TLC's name: only fired (TikFinity's `subscribe` is generated, and toTlcData turns it into subNotify). */
export const subNotifyKind = tlcKind('subNotify', undefined, (host, t, rng, v) => {
  const user = { ...tlcUser(v), isSubscribe: true };
  const month = rng.chance(0.6) ? 1 : rng.int(2, 24);
  return { common: tlcCommon(host, 'subNotify', t), user, exhibitionType: rng.chance(0.7) ? 0 : 1, subMonth: String(month), subscribeType: 1, oldSubscribeStatus: month === 1 ? 2 : 1, messageType: 1, subscribingStatus: 1, isSend: false, isCustom: false };
});
