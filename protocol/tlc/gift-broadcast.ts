import type { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * giftBroadcast: a big gift in another room is broadcast here (a banner). TLC v2.5 emits the decoded WebcastGiftBroadcastMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastGiftBroadcastMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"fromUserId":"7099887766554433221"}
 * ```
 */
export const giftBroadcastTlcSchema = tlcMessage({
  fromUserId: tlcInt64,
});

/** giftBroadcast's TLC-style data. */
export type GiftBroadcastTlcData = z.infer<typeof giftBroadcastTlcSchema>;

/** A realistic giftBroadcast (the sample above). */
export const giftBroadcastTlcExample: GiftBroadcastTlcData = {"common":{"method":"WebcastGiftBroadcastMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"fromUserId":"7099887766554433221"};
